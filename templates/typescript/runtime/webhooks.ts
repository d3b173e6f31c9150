/**
 * The webhook entry points: `client.webhooks` (`Webhooks`), and what the official SDK's
 * `telnyx/lib/webhooks` offers (`TelnyxWebhook`, `unwrapWebhook`, `TelnyxWebhookVerificationError`),
 * which package.json maps to this module. All of them check Telnyx's Ed25519 signature
 * (webhook-signature.ts): `client.webhooks.unwrap()` synchronously, because callers of the official
 * SDK expect a value back, and the rest with WebCrypto, which every runtime has.
 */
import {
  decodePublicKey,
  toleranceSeconds,
  verifyWebhook,
  verifyWebhookSync,
  type VerifyWebhookOptions,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookKey,
} from './webhook-signature.js';
import { TelnyxWebhookVerificationError } from './error.js';

export { TelnyxWebhookVerificationError, WebhookVerificationError } from './error.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
  verifyWebhookSync,
  type VerifyWebhookOptions,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookKey,
} from './webhook-signature.js';

/**
 * The verifier of the official SDK's `telnyx/lib/webhooks`, with Ed25519 as Telnyx signs: the key is
 * checked when constructed; `verify` resolves when the payload is authentic and rejects otherwise.
 */
export class TelnyxWebhook {
  readonly #key: Uint8Array<ArrayBuffer>;
  readonly #options: VerifyWebhookOptions;

  constructor(key: WebhookKey, options: Omit<VerifyWebhookOptions, 'publicKey'> = {}) {
    this.#key = decodePublicKey(key);
    toleranceSeconds(options.tolerance); // a bad option fails here rather than at each webhook
    this.#options = options;
  }

  async verify(payload: WebhookBody, headers: WebhookHeaders): Promise<void> {
    await verifyWebhook(payload, headers, { ...this.#options, publicKey: this.#key });
  }
}

/** Options of `client.webhooks.unwrap()` in the official SDK's shape. */
export interface WebhookUnwrapOptions {
  headers: WebhookHeaders;
  /** The public key; defaults to the client's `publicKey` option, then `TELNYX_PUBLIC_KEY`. */
  key?: WebhookKey | null | undefined;
  tolerance?: number | undefined;
}

/**
 * `telnyx/lib/webhooks`' `unwrapWebhook`: verifies (WebCrypto) and parses. Unlike the official
 * function it never skips the check when `headers` are missing: use `JSON.parse` for that, knowingly.
 */
export async function unwrapWebhook<WebhookEvent = unknown>(
  body: WebhookBody,
  options: WebhookUnwrapOptions | undefined,
  clientPublicKey?: string | null,
): Promise<WebhookEvent> {
  if (!options?.headers) {
    throw new TelnyxWebhookVerificationError(
      'No headers given: a webhook can only be trusted after its telnyx-signature-ed25519 header is checked.',
    );
  }
  return verifyWebhook<WebhookEvent>(body, options.headers, {
    publicKey: options.key ?? clientPublicKey,
    tolerance: options.tolerance,
  });
}

/**
 * `client.webhooks`: verifies and parses the webhooks Telnyx sends. Takes the official SDK's call
 * shape `unwrap(body, { headers, key })` and this package's `unwrap(body, headers, { publicKey })`;
 * both check the Ed25519 signature (the official `unwrap` checks an HMAC scheme Telnyx does not use).
 */
export class Webhooks<WebhookEvent = unknown> {
  readonly #publicKey: () => string | null | undefined;

  /** `publicKey`: the client's `publicKey` option, read at each call. */
  constructor(publicKey: () => string | null | undefined = () => undefined) {
    this.#publicKey = publicKey;
  }

  /**
   * Checks the `telnyx-signature-ed25519` and `telnyx-timestamp` headers against the raw body and
   * returns the typed event, synchronously (node:crypto); throws TelnyxWebhookVerificationError when
   * the signature, the timestamp or the key is bad. The key comes from `key`/`publicKey`, else the
   * client's `publicKey` option, else `TELNYX_PUBLIC_KEY`. Without node:crypto use `unwrapAsync`.
   */
  unwrap(body: WebhookBody, options: WebhookUnwrapOptions): WebhookEvent;
  unwrap(body: WebhookBody, headers: WebhookHeaders, options?: VerifyWebhookOptions): WebhookEvent;
  unwrap(
    body: WebhookBody,
    headersOrOptions: WebhookHeaders | WebhookUnwrapOptions,
    options?: VerifyWebhookOptions,
  ): WebhookEvent {
    const [headers, verify] = this.#arguments(headersOrOptions, options);
    return verifyWebhookSync<WebhookEvent>(body, headers, verify);
  }

  /** `unwrap` with WebCrypto: for browsers and edge runtimes, where node:crypto is missing. */
  unwrapAsync(body: WebhookBody, options: WebhookUnwrapOptions): Promise<WebhookEvent>;
  unwrapAsync(
    body: WebhookBody,
    headers: WebhookHeaders,
    options?: VerifyWebhookOptions,
  ): Promise<WebhookEvent>;
  async unwrapAsync(
    body: WebhookBody,
    headersOrOptions: WebhookHeaders | WebhookUnwrapOptions,
    options?: VerifyWebhookOptions,
  ): Promise<WebhookEvent> {
    const [headers, verify] = this.#arguments(headersOrOptions, options);
    return verifyWebhook<WebhookEvent>(body, headers, verify);
  }

  /** Parses a body without checking where it came from: only for payloads already verified. */
  unsafeUnwrap(body: string): WebhookEvent {
    return JSON.parse(body) as WebhookEvent;
  }

  #arguments(
    headersOrOptions: WebhookHeaders | WebhookUnwrapOptions,
    options: VerifyWebhookOptions | undefined,
  ): [WebhookHeaders, VerifyWebhookOptions] {
    if (isUnwrapOptions(headersOrOptions)) {
      const { headers, key, tolerance } = headersOrOptions;
      return [headers, { publicKey: key ?? this.#publicKey(), tolerance }];
    }
    return [headersOrOptions, { ...options, publicKey: options?.publicKey ?? this.#publicKey() }];
  }
}

/**
 * Tells the official `(body, { headers, key })` shape from the `(body, headers, options)` one: an
 * object with a `headers` member (even a null one, which the verifier rejects as no headers; no
 * HTTP header is named `headers`).
 */
export function isUnwrapOptions(value: WebhookHeaders | WebhookUnwrapOptions): value is WebhookUnwrapOptions {
  // null or undefined headers reach the verifier, which rejects them as unverifiable.
  if (typeof value !== 'object' || value === null || value instanceof Headers) return false;
  return Object.prototype.hasOwnProperty.call(value, 'headers');
}
