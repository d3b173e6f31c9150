/**
 * The client's options, their defaults and the checks that turn a bad value into a TelnyxError naming
 * the option at construction, rather than a confusing failure at the first request.
 */
import { readEnv } from './env.js';
import { TelnyxError } from './errors.js';
import type { HeadersLike } from './headers.js';
import type { Logger, LogLevel } from './log.js';
import type { Sleep } from './retries.js';
import type { Fetch } from './transport.js';

export const DEFAULT_BASE_URL = 'https://api.telnyx.com/v2';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface ClientOptions {
  /** Telnyx API v2 key; defaults to `TELNYX_API_KEY`. */
  apiKey?: string | null | undefined;
  /**
   * OAuth client credentials (defaults `TELNYX_CLIENT_ID`, `TELNYX_CLIENT_SECRET`): when both are set,
   * requests carry an access token fetched from `<baseURL>/oauth/token` and renewed before it expires.
   */
  clientID?: string | null | undefined;
  clientSecret?: string | null | undefined;
  /** Base64 Ed25519 key that verifies webhooks (`client.webhooks.unwrap`); defaults to `TELNYX_PUBLIC_KEY`. */
  publicKey?: string | null | undefined;
  /** API root; defaults to `TELNYX_BASE_URL`, else `https://api.telnyx.com/v2`. */
  baseURL?: string | null | undefined;
  /** Milliseconds per attempt before it is abandoned (and retried); default 60 000. */
  timeout?: number | undefined;
  /** Retries after the first attempt; default 2. See retries.ts for what is retried. */
  maxRetries?: number | undefined;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: Fetch | undefined;
  /** Extra `RequestInit` for every request (e.g. an undici `dispatcher` for a proxy). */
  fetchOptions?: RequestInit | undefined;
  defaultHeaders?: HeadersLike | undefined;
  defaultQuery?: Readonly<Record<string, unknown>> | undefined;
  /** Default `TELNYX_LOG`, else 'warn'. 'info' logs retries, 'debug' every request. */
  logLevel?: LogLevel | undefined;
  logger?: Logger | undefined;
  /** Retry POSTs and PATCHes without an idempotency key on any retryable failure (see retries.ts); default false. */
  retryNonIdempotent?: boolean | undefined;
  /** Waits between retries; inject a fake to test retry timing without waiting. */
  sleep?: Sleep | undefined;
  /** Source of backoff jitter in [0, 1); inject a constant for deterministic delays. */
  random?: (() => number) | undefined;
  /** Clock in epoch ms, used for HTTP-date `Retry-After`. */
  now?: (() => number) | undefined;
}

/**
 * The API key or OAuth client credentials, from the options or the environment; a client needs one
 * of the two. The key is checked before any header is built: fetch's TypeError for a bad header
 * value prints the value. The OAuth id and secret need no such check: they travel base64-encoded
 * (oauth.ts).
 */
export function credentialsOf(options: ClientOptions): {
  apiKey: string | undefined;
  clientID: string | undefined;
  clientSecret: string | undefined;
} {
  const apiKey = validCredential('apiKey', options.apiKey ?? readEnv('TELNYX_API_KEY'));
  const clientID = options.clientID ?? readEnv('TELNYX_CLIENT_ID');
  const clientSecret = options.clientSecret ?? readEnv('TELNYX_CLIENT_SECRET');
  if (!apiKey && !(clientID && clientSecret)) {
    throw new TelnyxError(
      'Missing Telnyx API key: set the TELNYX_API_KEY environment variable or pass it as ' +
        "`new Telnyx({ apiKey: 'KEY...' })` (or OAuth `clientID` and `clientSecret`). Keys are listed at " +
        'https://portal.telnyx.com/#/app/api-keys.',
    );
  }
  return { apiKey, clientID, clientSecret };
}

export function defaultFetch(): Fetch {
  if (typeof globalThis.fetch !== 'function') {
    throw new TelnyxError(
      'No global fetch in this runtime (Node >= 20 has one); pass `fetch` to the client.',
    );
  }
  // Called through globalThis: browsers reject a fetch invoked with another `this`.
  return (input, init) => globalThis.fetch(input, init);
}

/**
 * The URL as given (a trailing slash kept, as the official client keeps it), once it parses. A query
 * (`?tenant=1`) is kept and sent with every request (request.ts `buildURL`). Refused: a fragment,
 * which no request can carry, and a user name or password, which fetch rejects with a TypeError that
 * prints them (the message here does not repeat the URL).
 */
export function validBaseURL(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TelnyxError(
      `baseURL ${JSON.stringify(value)} is not an absolute URL (e.g. https://api.telnyx.com/v2).`,
    );
  }
  if (url.username || url.password) {
    throw new TelnyxError(
      'baseURL must not contain a user name or password (fetch refuses such URLs); pass the API key as `apiKey`.',
    );
  }
  if (value.includes('#')) {
    throw new TelnyxError(
      `baseURL ${JSON.stringify(value)} has a fragment (#...), which requests cannot carry; remove it.`,
    );
  }
  return value;
}

/**
 * A credential as it will be sent in a header, or undefined when not given. Surrounding whitespace
 * (a line break read from a file) is trimmed, as for the environment variables. A control character
 * (a line break, NUL, tab inside it) or one above U+00FF is refused: fetch would throw a TypeError
 * that prints the whole header, key included. The error names the position and kind of the
 * character, never the value. Spaces pass, as fetch sends them (the official tests use 'My API Key').
 */
export function validCredential(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw new TelnyxError(`${name} must be a string, got ${typeof value}.`);
  const trimmed = value.trim();
  const bad = trimmed.search(/[\x00-\x1f\x7f]|[^\x00-\xff]/);
  if (bad !== -1) {
    throw new TelnyxError(
      `${name} contains ${describeChar(trimmed.charCodeAt(bad))} at position ${bad + 1} of ${trimmed.length}, ` +
        'which cannot be sent in an HTTP header; check how the value was read or pasted (the value is not shown).',
    );
  }
  return trimmed || undefined;
}

const CHAR_NAMES: Readonly<Record<number, string>> = {
  0: 'a NUL character',
  9: 'a tab',
  10: 'a line feed',
  13: 'a carriage return',
};

function describeChar(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = CHAR_NAMES[code] ?? (code > 0xff ? 'a character beyond Latin-1' : 'a control character');
  return `${kind} (${hex})`;
}

export function nonNegative(name: string, value: number, integer = false): number {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new TelnyxError(`${name} must be a non-negative ${integer ? 'integer' : 'number'}, got ${value}.`);
  }
  return value;
}

/** A timeout of 0 would abort every attempt at once; a finite positive number of ms is required. */
export function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new TelnyxError(`${name} must be a positive number of ms, got ${value}.`);
  return value;
}
