/**
 * The base class of the generated `Telnyx` client: configuration, and `request()`/`requestPage()`,
 * which the generated resource methods call with a description of their operation.
 *
 * The API key lives in a private field so that printing or serialising a client never shows it.
 */
import { APIPromise } from './api-promise.js';
import { encodeBody } from './body.js';
import { redactor, TelnyxError } from './errors.js';
import { readEnv } from './env.js';
import { buildHeaders, type HeadersLike } from './headers.js';
import { makeLogger, resolveLogLevel, type Logger, type LogLevel } from './log.js';
import {
  PagePromise,
  type AbstractPage,
  type PageClient,
  type PageConstructor,
  type PageRequest,
} from './pagination.js';
import { buildURL, type RequestDescription, type RequestOptions } from './request.js';
import { isBufferedKind, parseResponse, type ResponseKind } from './responses.js';
import { defaultSleep, isReplaySafe, newIdempotencyKey, type Sleep } from './retries.js';
import { send, type CompletedResponse, type Fetch, type PreparedRequest } from './transport.js';

export const DEFAULT_BASE_URL = 'https://api.telnyx.com/v2';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface ClientOptions {
  /** Telnyx API v2 key; defaults to `TELNYX_API_KEY`. */
  apiKey?: string | undefined;
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
  /** Retry POSTs without an idempotency key on any retryable failure (see retries.ts); default false. */
  retryNonIdempotent?: boolean | undefined;
  /** Waits between retries; inject a fake to test retry timing without waiting. */
  sleep?: Sleep | undefined;
  /** Source of backoff jitter in [0, 1); inject a constant for deterministic delays. */
  random?: (() => number) | undefined;
  /** Clock in epoch ms, used for HTTP-date `Retry-After`. */
  now?: (() => number) | undefined;
}

export class ClientCore implements PageClient {
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly logLevel: LogLevel;
  readonly #apiKey: string;
  readonly #options: ClientOptions;
  readonly #fetch: Fetch;
  readonly #logger: Logger;
  /** Unknown parameters already warned about (method, path, name). */
  readonly #warnedParams = new Set<string>();
  readonly #redact: (text: string) => string;

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('TELNYX_API_KEY');
    if (!apiKey) {
      throw new TelnyxError(
        'Missing Telnyx API key: set the TELNYX_API_KEY environment variable or pass it as ' +
          "`new Telnyx({ apiKey: 'KEY...' })`. Keys are listed at https://portal.telnyx.com/#/app/api-keys.",
      );
    }
    this.#apiKey = apiKey;
    this.#options = { ...options, apiKey };
    this.baseURL = validBaseURL(options.baseURL ?? readEnv('TELNYX_BASE_URL') ?? DEFAULT_BASE_URL);
    this.timeout = positive('timeout', options.timeout ?? DEFAULT_TIMEOUT_MS);
    this.maxRetries = nonNegative('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES, true);
    this.#fetch = options.fetch ?? defaultFetch();
    this.logLevel = resolveLogLevel(options.logLevel);
    this.#redact = redactor([apiKey]);
    this.#logger = makeLogger(this.logLevel, options.logger ?? console, this.#redact);
  }

  /** A copy of this client with some options changed; this client is left as it was. */
  withOptions(options: Partial<ClientOptions>): this {
    const Self = this.constructor as new (options: ClientOptions) => this;
    return new Self({ ...this.#options, ...options });
  }

  /** Sends one operation call; resolves to its parsed response (`T` is the generated return type). */
  request<T>(description: RequestDescription, options: RequestOptions = {}): APIPromise<T> {
    const kind = description.responseKind ?? 'json';
    return new APIPromise<T>(this.#send(description, options, kind), (c) => parseResponse(c, kind) as T);
  }

  /** Sends a list call and wraps its body in the operation's page class. */
  getAPIList<P extends AbstractPage<unknown>>(
    Page: PageConstructor<P>,
    description: RequestDescription,
    itemField: string,
    options: RequestOptions = {},
  ): PagePromise<P> {
    return this.requestPage(Page, { description, options, itemField });
  }

  /** Fetches the page a `PageRequest` describes (the first page, or the next of an existing one). */
  requestPage<P extends AbstractPage<unknown>>(
    Page: PageConstructor<P>,
    request: PageRequest,
  ): PagePromise<P> {
    const { description, options } = request;
    const baseURL = this.#baseFor(description);
    return new PagePromise<P>(
      this.#send(description, options, 'json'),
      (c) =>
        new Page({ client: this, request, response: c.response, body: parseResponse(c, 'json'), baseURL }),
    );
  }

  /** Headers every request carries before defaults and operation headers; override to add more. */
  protected authHeaders(): Record<string, string> {
    return { Authorization: `Bearer ${this.#apiKey}` };
  }

  async #send(
    description: RequestDescription,
    options: RequestOptions,
    kind: ResponseKind,
  ): Promise<CompletedResponse> {
    for (const name of description.unknownParams ?? []) {
      // Not sent, so the call does something else than the caller meant: say so, once per key.
      const key = `${description.method} ${description.path.split('?')[0]} ${name}`;
      if (this.#warnedParams.has(key)) continue;
      this.#warnedParams.add(key);
      this.#logger.warn(
        `Unknown parameter "${name}" for ${description.method.toUpperCase()} ${description.path}: not sent.`,
      );
    }
    const prepared = await this.#prepare(description, options, kind);
    return send(prepared, {
      fetch: this.#fetch,
      fetchOptions: { ...this.#options.fetchOptions, ...options.fetchOptions },
      timeout: positive('timeout', options.timeout ?? this.timeout),
      maxRetries: nonNegative('maxRetries', options.maxRetries ?? this.maxRetries, true),
      signal: options.signal,
      sleep: this.#options.sleep ?? defaultSleep,
      random: this.#options.random ?? Math.random,
      now: this.#options.now ?? Date.now,
      logger: this.#logger,
      redact: this.#redact,
    });
  }

  async #prepare(
    description: RequestDescription,
    options: RequestOptions,
    kind: ResponseKind,
  ): Promise<PreparedRequest> {
    const method = description.method.toUpperCase();
    const url = buildURL(
      this.#baseFor(description),
      description.path,
      { ...this.#options.defaultQuery, ...description.query, ...options.query },
      description.queryStyles,
    );
    const encoded = await encodeBody(description.bodyKind ?? 'json', description.body);
    const headers = buildHeaders([
      { Accept: acceptFor(kind) },
      encoded.contentType ? { 'Content-Type': encoded.contentType } : undefined,
      this.authHeaders(),
      this.#options.defaultHeaders,
      description.headers,
      options.headers,
    ]);
    const idempotencyKey = this.#idempotencyKey(description, options, headers);
    // fetch writes the multipart Content-Type itself; one set by hand would lack the boundary.
    if (encoded.body instanceof FormData) headers.delete('content-type');
    const optedIn = options.retryNonIdempotent ?? this.#options.retryNonIdempotent ?? false;
    return {
      method,
      url,
      headers,
      body: encoded.body,
      bufferBody: isBufferedKind(kind),
      replaySafe: isReplaySafe(method, idempotencyKey !== undefined, optedIn),
    };
  }

  /**
   * The call's idempotency key, set on `headers`: the caller's (option, or the header passed as a
   * parameter), else a fresh one when the operation declares the header. Chosen once per call,
   * outside the attempt loop, so every retry sends the same key.
   */
  #idempotencyKey(
    description: RequestDescription,
    options: RequestOptions,
    headers: Headers,
  ): string | undefined {
    const name = description.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER;
    const key =
      options.idempotencyKey ??
      headers.get(name) ??
      (description.idempotencyHeader ? newIdempotencyKey() : undefined);
    if (key !== undefined) headers.set(name, key);
    return key;
  }

  /**
   * An operation's own server applies only with the default base URL: a caller who points the client
   * at a proxy or a mock server expects every request to go there.
   */
  #baseFor(description: RequestDescription): string {
    return description.server && this.baseURL === DEFAULT_BASE_URL ? description.server : this.baseURL;
  }
}

function acceptFor(kind: ResponseKind): string {
  if (kind === 'json') return 'application/json';
  if (kind === 'sse') return 'text/event-stream';
  return '*/*';
}

function defaultFetch(): Fetch {
  if (typeof globalThis.fetch !== 'function') {
    throw new TelnyxError(
      'No global fetch in this runtime (Node >= 20 has one); pass `fetch` to the client.',
    );
  }
  // Called through globalThis: browsers reject a fetch invoked with another `this`.
  return (input, init) => globalThis.fetch(input, init);
}

function validBaseURL(value: string): string {
  try {
    new URL(value);
  } catch {
    throw new TelnyxError(
      `baseURL ${JSON.stringify(value)} is not an absolute URL (e.g. https://api.telnyx.com/v2).`,
    );
  }
  return value.replace(/\/+$/, '');
}

function nonNegative(name: string, value: number, integer = false): number {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new TelnyxError(`${name} must be a non-negative ${integer ? 'integer' : 'number'}, got ${value}.`);
  }
  return value;
}

/** A timeout of 0 would abort every attempt at once; a finite positive number of ms is required. */
function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new TelnyxError(`${name} must be a positive number of ms, got ${value}.`);
  return value;
}
