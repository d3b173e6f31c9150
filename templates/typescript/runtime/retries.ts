/**
 * Retry policy: which failures are retried, how long to wait, and how a retry avoids doing an
 * action twice. Pure functions (time and randomness come in as arguments) so tests can pin them.
 *
 * Idempotency: a retried request must never send two SMS or place two number orders. By HTTP's
 * own definition (RFC 9110 9.2.2):
 * - GET, HEAD and OPTIONS read, and PUT and DELETE are idempotent (a repeat leaves the same state):
 *   they are retried on every retryable failure.
 * - POST and PATCH are not (a PATCH may append or count). With an idempotency key (the operation
 *   declares an `Idempotency-Key` header, so the client generates one per call and sends the same
 *   key on every attempt, or the caller passed one) the server deduplicates them: also retried on
 *   every retryable failure.
 * - Any other POST or PATCH is retried only where the server cannot have acted on it: 429 (rejected
 *   before processing), 503 (not accepted; with or without Retry-After) and a refused connection
 *   (never reached). Not on 500, 502, 504, 408, 409, timeouts or a reset mid-request. Callers who
 *   know better opt in with `retryNonIdempotent: true`.
 * - A response header `x-should-retry: true|false` overrides all of the above for that response.
 */
import { APIError, APIConnectionError, APIConnectionTimeoutError } from './errors.js';

/** Why an attempt did not produce a usable response. */
export type Failure =
  | { kind: 'status'; status: number; headers: Headers }
  | { kind: 'timeout' }
  | { kind: 'connection'; refused: boolean };

/** Waits `ms`; rejects early when `signal` aborts. Injectable so tests run on a fake clock. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** Cap for server-requested waits: the unbounded version lets one bad header stall a caller for hours. */
export const MAX_RETRY_AFTER_MS = 60_000;

const RETRYABLE_STATUSES = new Set([408, 409, 429]);
/** Statuses at which the server has certainly not acted on the request. */
const UNACTED_STATUSES = new Set([429, 503]);

/** The methods HTTP defines as idempotent. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** Whether repeating the request cannot duplicate its effect (see the module comment). */
export function isReplaySafe(method: string, hasIdempotencyKey: boolean, optedIn: boolean): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase()) || hasIdempotencyKey || optedIn;
}

export function isRetryable(failure: Failure, replaySafe: boolean): boolean {
  switch (failure.kind) {
    case 'status': {
      // The server's explicit word wins: `true` means it did not act on the request.
      const told = failure.headers.get('x-should-retry');
      if (told === 'true') return true;
      if (told === 'false') return false;
      if (!replaySafe) return UNACTED_STATUSES.has(failure.status);
      return RETRYABLE_STATUSES.has(failure.status) || failure.status >= 500;
    }
    case 'timeout':
      return replaySafe;
    case 'connection':
      return replaySafe || failure.refused;
  }
}

/**
 * Milliseconds to wait before retry number `retriesDone + 1`: the server's `retry-after-ms` or
 * `Retry-After` (seconds or HTTP date) capped at 60 s, else `min(0.5 * 2^n, 8)` s reduced by up
 * to 25% jitter so that clients failing together do not retry together.
 */
export function retryDelayMs(
  retriesDone: number,
  headers: Headers | undefined,
  random: () => number,
  now: () => number,
): number {
  const requested = headers ? serverRequestedDelayMs(headers, now()) : undefined;
  if (requested !== undefined) return Math.min(requested, MAX_RETRY_AFTER_MS);
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retriesDone, MAX_RETRY_DELAY_MS);
  return base * (1 - random() * 0.25);
}

/** The wait a response asks for, in ms, or undefined when it asks for none we can read. */
export function serverRequestedDelayMs(headers: Headers, nowMs: number): number | undefined {
  const ms = parseNumber(headers.get('retry-after-ms'));
  if (ms !== undefined) return ms;
  const header = headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = parseNumber(header);
  if (seconds !== undefined) return seconds * 1000;
  // An HTTP date always names its day and month; without letters, Date.parse would read "-5" as a year.
  const date = /[a-z]/i.test(header) ? Date.parse(header) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function parseNumber(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Classifies an error from a finished attempt; undefined for errors that are never retried. */
export function failureOf(error: unknown): Failure | undefined {
  if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof APIConnectionError)
    return { kind: 'connection', refused: isConnectionRefused(error.cause) };
  if (error instanceof APIError && error.status !== undefined && error.headers) {
    return { kind: 'status', status: error.status, headers: error.headers };
  }
  return undefined;
}

/**
 * Whether a fetch failure means nothing listened on the port. Node reports it as
 * `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`, sometimes inside an
 * AggregateError (one per address tried); browsers hide the cause, which reads as "not refused".
 */
export function isConnectionRefused(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (code === 'ECONNREFUSED') return true;
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isConnectionRefused(e, depth + 1)))
    return true;
  return isConnectionRefused(cause, depth + 1);
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** A fresh idempotency key (UUID v4), valid for Telnyx's `^[A-Za-z0-9_-]{1,255}$`. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // randomUUID is missing on non-secure browser origins; getRandomValues is not.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
