/**
 * Webhook signatures with Telnyx's real scheme: an Ed25519 signature (base64, header
 * `telnyx-signature-ed25519`) over `"<telnyx-timestamp>|<raw body>"`, checked against the account's
 * public key (base64, from the portal). The timestamp bounds replays: older or newer than the
 * tolerance (300 s) is rejected even with a valid signature.
 *
 * Two ways to check, same rules: `verifyWebhookSync` with `node:crypto` (Node >= 20.16, Bun, Deno),
 * reached through `process.getBuiltinModule` so that nothing Node-only is imported, and
 * `verifyWebhook` with WebCrypto, available everywhere (browsers, edge runtimes).
 *
 * Verify the raw bytes as received: a body parsed and re-serialised by a framework no longer matches
 * the signature.
 */
import { readEnv } from './env.js';
import { TelnyxError, WebhookVerificationError as TelnyxWebhookVerificationError } from './errors.js';

export const SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TIMESTAMP_HEADER = 'telnyx-timestamp';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Web `Headers`, a Node `IncomingHttpHeaders` object, or any plain record of header values. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A raw webhook body as received: text or bytes. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/** A public key: base64 (32 raw bytes, or the SPKI DER form) or the raw bytes. */
export type WebhookKey = string | Uint8Array;

export interface VerifyWebhookOptions {
  /** The account's Ed25519 public key; defaults to `TELNYX_PUBLIC_KEY`. */
  publicKey?: WebhookKey | null | undefined;
  /**
   * Maximum age (and clock skew) of the timestamp in seconds; default 300. A finite number >= 0:
   * anything else (NaN, Infinity, a negative number, a string) is a TelnyxError, since NaN or Infinity
   * would turn the replay check off.
   */
  tolerance?: number | undefined;
  /** Clock in epoch ms; for tests. */
  now?: (() => number) | undefined;
}

/** What a signature check needs, after the headers, the timestamp and the key have been checked. */
interface SignedMessage {
  key: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  message: Uint8Array<ArrayBuffer>;
  body: Uint8Array;
}

/**
 * Checks that `rawBody` was signed by Telnyx and is recent (WebCrypto, any runtime), then returns it
 * parsed as `WebhookEvent`. Throws TelnyxWebhookVerificationError otherwise.
 */
export async function verifyWebhook<WebhookEvent = unknown>(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const signed = signedMessage(rawBody, headers, options);
  let valid: boolean;
  try {
    const key = await crypto.subtle.importKey('raw', signed.key, { name: 'Ed25519' }, false, ['verify']);
    valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signed.signature, signed.message);
  } catch (error) {
    throw new TelnyxWebhookVerificationError(
      `This runtime cannot verify an Ed25519 signature: ${String(error)}`,
    );
  }
  return checked<WebhookEvent>(valid, signed.body);
}

/**
 * The same check as `verifyWebhook`, synchronously, with `node:crypto`. Throws
 * TelnyxWebhookVerificationError when the runtime has no `node:crypto` (use `verifyWebhook` there).
 */
export function verifyWebhookSync<WebhookEvent = unknown>(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions = {},
): WebhookEvent {
  const signed = signedMessage(rawBody, headers, options);
  const nodeCrypto = loadNodeCrypto();
  if (!nodeCrypto) {
    throw new TelnyxWebhookVerificationError(
      'Synchronous webhook verification needs node:crypto (Node >= 20.16, Bun, Deno), which this runtime ' +
        'lacks; use `await client.webhooks.unwrapAsync(...)` (WebCrypto) instead.',
    );
  }
  let valid: boolean;
  try {
    const key = nodeCrypto.createPublicKey({ key: spki(signed.key), format: 'der', type: 'spki' });
    valid = nodeCrypto.verify(null, signed.message, key, signed.signature);
  } catch (error) {
    throw new TelnyxWebhookVerificationError(`node:crypto could not verify the signature: ${String(error)}`);
  }
  return checked<WebhookEvent>(valid, signed.body);
}

function signedMessage(
  rawBody: WebhookBody,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions,
): SignedMessage {
  const tolerance = toleranceSeconds(options.tolerance);
  if (typeof headers !== 'object' || headers === null) {
    throw new TelnyxWebhookVerificationError(
      `No headers given (got ${headers === null ? 'null' : typeof headers}): a webhook can only be trusted after ` +
        `its ${SIGNATURE_HEADER} header is checked.`,
    );
  }
  const signature = requireHeader(headers, SIGNATURE_HEADER);
  const timestamp = requireHeader(headers, TIMESTAMP_HEADER);
  checkTimestamp(timestamp, tolerance, (options.now ?? Date.now)());
  const key = decodePublicKey(options.publicKey ?? readEnv('TELNYX_PUBLIC_KEY'));
  const body = toBytes(rawBody);
  const signatureBytes = decodeBase64(signature, `${SIGNATURE_HEADER} header`);
  if (signatureBytes.length !== 64) {
    throw new TelnyxWebhookVerificationError(
      `The ${SIGNATURE_HEADER} header must hold a 64-byte Ed25519 signature, got ${signatureBytes.length} bytes.`,
    );
  }
  return {
    key,
    signature: signatureBytes,
    message: concat(new TextEncoder().encode(`${timestamp}|`), body),
    body,
  };
}

function checked<WebhookEvent>(valid: boolean, body: Uint8Array): WebhookEvent {
  if (!valid) {
    throw new TelnyxWebhookVerificationError(
      'Webhook signature does not match: the payload was not signed by Telnyx with this public key, or the ' +
        'body was modified (verify the raw request body, not a re-serialised one).',
    );
  }
  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent;
  } catch {
    throw new TelnyxWebhookVerificationError('Webhook signature is valid but the body is not JSON.');
  }
}

function requireHeader(headers: WebhookHeaders, name: string): string {
  const value = readHeader(headers, name)?.trim();
  if (!value) {
    throw new TelnyxWebhookVerificationError(`Missing the ${name} header; is this request from Telnyx?`);
  }
  return value;
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return typeof value === 'string' ? value : value?.[0];
}

/** The `tolerance` option, checked: a bad value is a programming error, not a bad webhook. */
export function toleranceSeconds(tolerance: unknown): number {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new TelnyxError(
      `The webhook tolerance must be a finite number of seconds >= 0 (default ${DEFAULT_TOLERANCE_SECONDS}), got ` +
        `${typeof tolerance === 'number' ? String(tolerance) : typeof tolerance}.`,
    );
  }
  return tolerance;
}

function checkTimestamp(timestamp: string, toleranceSeconds: number, nowMs: number): void {
  if (!/^\d+$/.test(timestamp)) {
    throw new TelnyxWebhookVerificationError(
      `The ${TIMESTAMP_HEADER} header is not a Unix time in seconds: ${timestamp}`,
    );
  }
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > toleranceSeconds) {
    throw new TelnyxWebhookVerificationError(
      `Webhook timestamp is ${Math.round(skew)} s away from now, beyond the ${toleranceSeconds} s tolerance: ` +
        'a replayed or delayed delivery (or a wrong system clock).',
    );
  }
}

/** The DER prefix of an Ed25519 SPKI public key; the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** The raw 32-byte key from base64 or bytes, raw or SPKI; throws for anything else. */
export function decodePublicKey(publicKey: WebhookKey | null | undefined): Uint8Array<ArrayBuffer> {
  if (publicKey === null || publicKey === undefined || publicKey === '') {
    throw new TelnyxWebhookVerificationError(
      'No webhook public key: pass `publicKey` (or `key`) or set TELNYX_PUBLIC_KEY ' +
        '(Portal > Account Settings > Keys & Credentials).',
    );
  }
  let raw =
    typeof publicKey === 'string' ? decodeBase64(publicKey, 'public key') : Uint8Array.from(publicKey);
  if (raw.length === 44 && SPKI_ED25519_PREFIX.every((byte, i) => raw[i] === byte)) raw = raw.slice(12);
  if (raw.length !== 32) {
    throw new TelnyxWebhookVerificationError(
      `The public key must be 32 bytes (Ed25519, base64 in the portal), got ${raw.length} bytes.`,
    );
  }
  return raw;
}

function spki(raw: Uint8Array): Uint8Array {
  return concat(Uint8Array.from(SPKI_ED25519_PREFIX), raw);
}

function decodeBase64(text: string, what: string): Uint8Array<ArrayBuffer> {
  // Accept base64url too; atob needs the standard alphabet and padding.
  const standard = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) {
    throw new TelnyxWebhookVerificationError(`The ${what} is not valid base64.`);
  }
  try {
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw new TelnyxWebhookVerificationError(`The ${what} is not valid base64.`);
  }
}

/** The raw body's bytes; anything but text or bytes (null, a parsed object) cannot be verified. */
function toBytes(body: unknown): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TelnyxWebhookVerificationError(
    `The webhook body must be the raw request body as text or bytes, got ${body === null ? 'null' : typeof body}: ` +
      'a parsed body no longer matches the signature (read it raw, e.g. express.raw({ type: "application/json" })).',
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The part of `node:crypto` the synchronous check uses. */
interface NodeCrypto {
  createPublicKey(key: { key: Uint8Array; format: 'der'; type: 'spki' }): unknown;
  verify(algorithm: null, data: Uint8Array, key: unknown, signature: Uint8Array): boolean;
}

/** `node:crypto` where the runtime offers it without an import, else undefined (browsers, edge). */
function loadNodeCrypto(): NodeCrypto | undefined {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  try {
    const module = host.process?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
    return typeof module?.verify === 'function' && typeof module.createPublicKey === 'function'
      ? (module as NodeCrypto)
      : undefined;
  } catch {
    return undefined;
  }
}
