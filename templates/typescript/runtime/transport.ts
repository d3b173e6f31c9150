/**
 * The attempt loop: one fetch per attempt, each under its own timeout, retried per `retries.ts`.
 *
 * The timeout covers the whole attempt, including reading the body of JSON/text responses: a server
 * that sends headers and then stalls is as dead as one that never answers. For binary and event-stream
 * responses the timer stops once headers arrive, since the caller reads those bodies at their own pace;
 * the caller's signal still aborts them.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type TelnyxError,
} from './errors.js';
import type { RequestBody } from './body.js';
import { bufferedResponse, unbufferedResponse, type CompletedResponse } from './completed-response.js';
import { redactHeaders, redactResponseHeaders } from './headers.js';
import type { LevelledLogger } from './log.js';
import { fetchWithinOrigin } from './redirects.js';
import { failureOf, isRetryable, retryDelayMs, type Sleep } from './retries.js';

export type { CompletedResponse } from './completed-response.js';
export type { Fetch } from './redirects.js';
import type { Fetch } from './redirects.js';

/** A request ready to send, identical on every attempt. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: RequestBody | undefined;
  /** Read the body inside the attempt (JSON, text, CSV, none) rather than hand it to the caller. */
  bufferBody: boolean;
  /** Whether repeating the request cannot duplicate its effect (`isReplaySafe`). */
  replaySafe: boolean;
  /** False when the body is a stream, which can be sent only once: such a request is never retried. */
  replayable: boolean;
}

export interface TransportSettings {
  fetch: Fetch;
  fetchOptions: RequestInit | undefined;
  timeout: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
  sleep: Sleep;
  random: () => number;
  now: () => number;
  logger: LevelledLogger;
  /** Scrubs secrets from response text before it reaches an error or a log line. */
  redact: (text: string) => string;
}

export async function send(
  request: PreparedRequest,
  settings: TransportSettings,
): Promise<CompletedResponse> {
  const { logger, signal } = settings;
  for (let retriesDone = 0; ; retriesDone++) {
    if (signal?.aborted) throw new APIUserAbortError();
    // Debug lines are built only when they are logged: copying the headers costs on every request.
    const debug = logger.enabled('debug');
    const started = debug ? settings.now() : 0;
    if (debug) logger.debug(`${request.method} ${request.url}`, { headers: redactHeaders(request.headers) });
    try {
      const completed = await attempt(request, settings);
      if (debug)
        logger.debug(
          `${request.method} ${request.url} -> ${completed.status} (${settings.now() - started} ms)`,
        );
      return completed;
    } catch (error) {
      const failure = failureOf(error);
      const retriesLeft = settings.maxRetries - retriesDone;
      if (!failure || retriesLeft <= 0 || !request.replayable || !isRetryable(failure, request.replaySafe))
        throw error;
      const headers = failure.kind === 'status' ? failure.headers : undefined;
      const delay = retryDelayMs(retriesDone, headers, settings.random, settings.now);
      logger.info(
        `${request.method} ${pathOf(request.url)} failed (${describe(error)}); retrying in ${Math.round(delay)} ms, ` +
          `${retriesLeft} ${retriesLeft === 1 ? 'retry' : 'retries'} left`,
      );
      await sleepUnlessAborted(settings, delay);
    }
  }
}

async function attempt(request: PreparedRequest, settings: TransportSettings): Promise<CompletedResponse> {
  const { signal } = settings;
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeout);
  let handedOver = false;
  // Any throw below is a transport failure unless it is an APIError we built from a response.
  const asTransportError = (error: unknown): TelnyxError => {
    if (error instanceof APIError) return error;
    if (signal?.aborted) return new APIUserAbortError();
    if (timedOut) {
      return new APIConnectionTimeoutError({
        message: `Request timed out after ${settings.timeout} ms (${request.method} ${pathOf(request.url)}).`,
      });
    }
    return new APIConnectionError({
      message: settings.redact(
        `Connection error (${request.method} ${pathOf(request.url)}): ${causeText(error)}`,
      ),
      cause: scrubbedCause(error, settings.redact),
    });
  };
  try {
    const init: RequestInit & { duplex?: 'half' } = {
      ...settings.fetchOptions,
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal: controller.signal,
    };
    // fetch requires `duplex` to send a stream (generic requests with a streamed body).
    if (request.body instanceof ReadableStream) init.duplex = 'half';
    const response = await fetchWithinOrigin(settings.fetch, request.url, init, settings.redact);
    if (!response.ok) throw await errorFromResponse(response, settings.redact);
    if (request.bufferBody) return await bufferedResponse(response, controller, settings.redact);
    handedOver = true;
    return unbufferedResponse(response, controller, settings.redact);
  } catch (error) {
    throw asTransportError(error);
  } finally {
    clearTimeout(timer);
    // A streamed body stays abortable by the caller's signal for as long as it is being read.
    if (!handedOver) signal?.removeEventListener('abort', onCallerAbort);
  }
}

async function errorFromResponse(response: Response, redact: (text: string) => string): Promise<APIError> {
  const text = redact(await response.text());
  return APIError.generate(
    response.status,
    parseMaybeJSON(text),
    response.statusText || undefined,
    redactResponseHeaders(response.headers, redact),
  );
}

/** JSON when the text is JSON, the text otherwise, undefined when empty. */
export function parseMaybeJSON(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function sleepUnlessAborted(settings: TransportSettings, ms: number): Promise<void> {
  try {
    await settings.sleep(ms, settings.signal);
  } catch (error) {
    if (settings.signal?.aborted) throw new APIUserAbortError();
    throw error;
  }
  if (settings.signal?.aborted) throw new APIUserAbortError();
}

/** Path without the query string: query values can hold phone numbers, which do not belong in logs. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function describe(error: unknown): string {
  if (error instanceof APIError && error.status !== undefined) return `status ${error.status}`;
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The fetch failure to keep as the error's `cause`: itself, unless some message in its chain holds a
 * secret (fetch's TypeError for a bad header value prints the value), then a plain Error of the
 * scrubbed text, so that `util.inspect(error)` cannot show the key.
 */
function scrubbedCause(error: unknown, redact: (text: string) => string): unknown {
  const text = causeText(error);
  return redact(text) === text ? error : new Error(redact(text));
}

/** The innermost useful reason of a fetch failure, e.g. `fetch failed: connect ECONNREFUSED …`. */
function causeText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    if (current.message && !parts.includes(current.message)) parts.push(current.message);
    current = current.cause;
  }
  return parts.join(': ') || String(error);
}
