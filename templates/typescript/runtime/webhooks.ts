/**
 * Webhook verification with Telnyx's real scheme: an Ed25519 signature (base64, header
 * `telnyx-signature-ed25519`) over `"<telnyx-timestamp>|<raw body>"`, checked against the account's
 * public key (base64, from the portal). The timestamp bounds replays: older or newer than the
 * tolerance (300 s) is rejected even with a valid signature.
 *
 * Verify the raw bytes as received: a body parsed and re-serialised by a framework no longer matches
 * the signature.
 */
import { readEnv } from './env.js';
import { WebhookVerificationError } from './errors.js';

export const SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TIMESTAMP_HEADER = 'telnyx-timestamp';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Web `Headers`, a Node `IncomingHttpHeaders` object, or any plain record of header values. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** Base64 Ed25519 public key (32 raw bytes, or its SPKI DER form); defaults to `TELNYX_PUBLIC_KEY`. */
  publicKey?: string | undefined;
  /** Maximum age (and clock skew) of the timestamp in seconds; default 300. */
  tolerance?: number | undefined;
  /** Clock in epoch ms; for tests. */
  now?: (() => number) | undefined;
}

/**
 * Checks that `rawBody` was signed by Telnyx and is recent, then returns it parsed as `WebhookEvent`.
 * Throws WebhookVerificationError otherwise; respond 4xx and do not act on the payload.
 */
export async function verifyWebhook<WebhookEvent = unknown>(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const signature = requireHeader(headers, SIGNATURE_HEADER);
  const timestamp = requireHeader(headers, TIMESTAMP_HEADER);
  checkTimestamp(timestamp, options.tolerance ?? DEFAULT_TOLERANCE_SECONDS, (options.now ?? Date.now)());

  const key = await importPublicKey(options.publicKey ?? readEnv('TELNYX_PUBLIC_KEY'));
  const body = toBytes(rawBody);
  const signed = concat(new TextEncoder().encode(`${timestamp}|`), body);
  const signatureBytes = decodeBase64(signature, SIGNATURE_HEADER);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signatureBytes, signed);
  if (!valid) {
    throw new WebhookVerificationError(
      'Webhook signature does not match: the payload was not signed by Telnyx with this public key, or the ' +
        'body was modified (verify the raw request body, not a re-serialised one).',
    );
  }
  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('Webhook signature is valid but the body is not JSON.');
  }
}

function requireHeader(headers: WebhookHeaders, name: string): string {
  const value = readHeader(headers, name)?.trim();
  if (!value) throw new WebhookVerificationError(`Missing the ${name} header; is this request from Telnyx?`);
  return value;
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return typeof value === 'string' ? value : value?.[0];
}

function checkTimestamp(timestamp: string, toleranceSeconds: number, nowMs: number): void {
  if (!/^\d+$/.test(timestamp)) {
    throw new WebhookVerificationError(
      `The ${TIMESTAMP_HEADER} header is not a Unix time in seconds: ${timestamp}`,
    );
  }
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > toleranceSeconds) {
    throw new WebhookVerificationError(
      `Webhook timestamp is ${Math.round(skew)} s away from now, beyond the ${toleranceSeconds} s tolerance: ` +
        'a replayed or delayed delivery (or a wrong system clock).',
    );
  }
}

/** The DER prefix of an Ed25519 SPKI public key; the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

async function importPublicKey(publicKey: string | undefined): Promise<CryptoKey> {
  if (!publicKey) {
    throw new WebhookVerificationError(
      'No webhook public key: pass `publicKey` or set TELNYX_PUBLIC_KEY (Portal > Account Settings > Keys & Credentials).',
    );
  }
  let raw = decodeBase64(publicKey, 'public key');
  if (raw.length === 44 && SPKI_ED25519_PREFIX.every((byte, i) => raw[i] === byte)) raw = raw.slice(12);
  if (raw.length !== 32) {
    throw new WebhookVerificationError(
      `The public key must be 32 bytes of base64 (Ed25519), got ${raw.length} bytes.`,
    );
  }
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    throw new WebhookVerificationError(`This runtime cannot import an Ed25519 key: ${String(error)}`);
  }
}

function decodeBase64(text: string, what: string): Uint8Array<ArrayBuffer> {
  try {
    // Accept base64url too; atob needs standard alphabet and padding.
    const standard = text.trim().replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw new WebhookVerificationError(`The ${what} is not valid base64.`);
  }
}

function toBytes(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  return body instanceof ArrayBuffer ? new Uint8Array(body) : body;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
