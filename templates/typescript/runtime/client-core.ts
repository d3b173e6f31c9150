/**
 * The base class of the generated `Telnyx` client: configuration, `request()`/`requestPage()`, which
 * the generated resource methods call with a description of their operation, and the official SDK's
 * generic surface (`get/post/put/patch/delete(path, options)`, `request(options)`, `buildURL`,
 * `buildRequest`), so code written against it keeps working.
 *
 * The API key lives in a private field so that printing or serialising a client never shows it.
 */
import { APIPromise } from './api-promise.js';
import type { CompletedResponse } from './completed-response.js';
import { redactor, type Redactor } from './redact.js';
import { readEnv } from './env.js';
import {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  defaultFetch,
  nonNegative,
  positive,
  credentialsOf,
  validBaseURL,
  type ClientOptions,
} from './client-options.js';
import { ClientStatics } from './client-statics.js';
import { ClientCredentials } from './oauth.js';
import { buildHeaders } from './headers.js';
import {
  makeLogger,
  registerLogger,
  resolveLogLevel,
  type LevelledLogger,
  type Logger,
  type LogLevel,
} from './log.js';
import {
  PagePromise,
  type AbstractPage,
  type PageClient,
  type PageConstructor,
  type PageRequest,
} from './pagination.js';
import {
  buildURL,
  type FinalRequestOptions,
  type HTTPMethod,
  type RequestDescription,
  type RequestOptions,
} from './request.js';
import {
  baseFor,
  definedOnly,
  resolveRequest,
  responseKindOf,
  type ClientSettings,
  type RequestInput,
  type ResolvedRequest,
} from './resolve-request.js';
import { parseResponse, type ResponseKind } from './responses.js';
import { defaultSleep } from './retries.js';
import { send, type Fetch } from './transport.js';

export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
} from './client-options.js';

export type { RequestInput } from './resolve-request.js';

/** A request as `buildRequest()` returns it: the `fetch` arguments and the attempt timeout. */
export interface BuiltRequest {
  req: RequestInit & { method: string; headers: Headers };
  url: string;
  timeout: number;
}

export class ClientCore extends ClientStatics implements PageClient {
  /** The API root. Assigning it (or `timeout`, `maxRetries`) changes this client and its `withOptions` copies. */
  baseURL: string;
  timeout: number;
  maxRetries: number;
  logLevel: LogLevel;
  /** The sink log lines go to (after level filtering and API-key scrubbing). */
  readonly logger: Logger;
  /** Verifies webhooks; public, as it is no secret. */
  publicKey: string | null;
  fetchOptions: RequestInit | undefined;
  readonly #apiKey: string | undefined;
  readonly #oauth: ClientCredentials | undefined;
  readonly #options: ClientOptions;
  readonly #fetch: Fetch;
  readonly #logger: LevelledLogger;
  /** Unknown parameters already warned about (method, path, name). */
  readonly #warnedParams = new Set<string>();
  readonly #redact: Redactor;

  constructor(options: ClientOptions = {}) {
    super();
    const { apiKey, clientID, clientSecret } = credentialsOf(options);
    this.#apiKey = apiKey;
    this.#options = { ...options, apiKey, clientID, clientSecret };
    this.baseURL = validBaseURL(options.baseURL || readEnv('TELNYX_BASE_URL') || DEFAULT_BASE_URL);
    this.timeout = positive('timeout', options.timeout ?? DEFAULT_TIMEOUT_MS);
    this.maxRetries = nonNegative('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES, true);
    this.publicKey = options.publicKey ?? readEnv('TELNYX_PUBLIC_KEY') ?? null;
    this.fetchOptions = options.fetchOptions;
    buildHeaders([options.defaultHeaders]); // a value HTTP cannot carry fails here, not at the first call
    this.#fetch = options.fetch ?? defaultFetch();
    this.#redact = redactor([apiKey, clientSecret]);
    this.#oauth =
      clientID && clientSecret
        ? new ClientCredentials(clientID, clientSecret, this.#fetch, this.#redact, options.now ?? Date.now)
        : undefined;
    this.logger = options.logger ?? console;
    this.logLevel = resolveLogLevel(options.logLevel, this.logger, (message) =>
      makeLogger('warn', this.logger, this.#redact).warn(message),
    );
    this.#logger = makeLogger(this.logLevel, this.logger, this.#redact);
    registerLogger(this, this.#logger);
  }

  /**
   * A copy of this client with some options changed; this client is left as it was. The copy starts
   * from this client's current `baseURL`, `timeout`, `maxRetries`, `logLevel` and `publicKey`.
   */
  withOptions(options: Partial<ClientOptions>): this {
    const Self = this.constructor as new (options: ClientOptions) => this;
    return new Self({
      ...this.#options,
      baseURL: this.baseURL,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      logLevel: this.logLevel,
      publicKey: this.publicKey,
      fetchOptions: this.fetchOptions,
      ...options,
    });
  }

  get<T = unknown>(path: string, options?: RequestOptions | PromiseLike<RequestOptions>): APIPromise<T> {
    return this.#verb<T>('get', path, options);
  }

  post<T = unknown>(path: string, options?: RequestOptions | PromiseLike<RequestOptions>): APIPromise<T> {
    return this.#verb<T>('post', path, options);
  }

  put<T = unknown>(path: string, options?: RequestOptions | PromiseLike<RequestOptions>): APIPromise<T> {
    return this.#verb<T>('put', path, options);
  }

  patch<T = unknown>(path: string, options?: RequestOptions | PromiseLike<RequestOptions>): APIPromise<T> {
    return this.#verb<T>('patch', path, options);
  }

  delete<T = unknown>(path: string, options?: RequestOptions | PromiseLike<RequestOptions>): APIPromise<T> {
    return this.#verb<T>('delete', path, options);
  }

  /**
   * Sends one call and resolves to its parsed response (`T` is the generated return type). Takes a
   * generated operation's description plus per-request options, or one object in the official shape
   * (`{ method, path, query, body, headers, ... }`), or a promise of either.
   */
  request<T>(input: RequestInput | PromiseLike<RequestInput>, options: RequestOptions = {}): APIPromise<T> {
    // What generated methods pass: sent at once, without first waiting a turn for a promise to settle.
    if (input && typeof (input as Partial<PromiseLike<RequestInput>>).then !== 'function') {
      const given = input as RequestInput;
      const kind = responseKindOf(given, options);
      return new APIPromise<T>(this.#send(given, options, kind), (c) => parseResponse(c, kind) as T);
    }
    const completed = Promise.resolve(input).then(async (given) => {
      const kind = responseKindOf(given, options);
      return { completed: await this.#send(given, options, kind), kind };
    });
    return new APIPromise<T>(
      completed.then((c) => c.completed),
      async (c) => parseResponse(c, (await completed).kind) as T,
    );
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
    // Nothing here may throw: every error is the returned promise's rejection (#send is async).
    return new PagePromise<P>(
      this.#send(description, options, 'json'),
      (c) =>
        new Page({
          client: this,
          request,
          response: c.response,
          body: parseResponse(c, 'json'),
          baseURL: baseFor(description, options, this.baseURL),
        }),
    );
  }

  /**
   * The URL a request goes to: `path` on the base URL (`defaultBaseURL` applies while the client is
   * on the default one), with the client's `defaultQuery` and `query` (undefined values dropped).
   */
  buildURL(
    path: string,
    query: Readonly<Record<string, unknown>> | null | undefined,
    defaultBaseURL?: string | undefined,
  ): string {
    const base = defaultBaseURL && this.baseURL === DEFAULT_BASE_URL ? defaultBaseURL : this.baseURL;
    return buildURL(base, path, { ...this.#options.defaultQuery, ...query }, undefined);
  }

  /** The `fetch` arguments a request would be sent with (its first attempt), without sending it. */
  async buildRequest(input: RequestInput, options: RequestOptions = {}): Promise<BuiltRequest> {
    const { prepared, timeout, signal, fetchOptions } = await this.#resolve(
      input,
      options,
      responseKindOf(input, options),
    );
    const req: BuiltRequest['req'] = { ...fetchOptions, method: prepared.method, headers: prepared.headers };
    if (prepared.body !== undefined) req.body = prepared.body;
    if (signal) req.signal = signal;
    return { req, url: prepared.url, timeout };
  }

  /**
   * Headers every request carries before defaults and operation headers; override to add more. With
   * OAuth client credentials the access token is used (as the official client does), else the API key.
   */
  protected async authHeaders(): Promise<Record<string, string>> {
    if (this.#oauth) return { Authorization: `Bearer ${await this.#oauth.token(this.baseURL)}` };
    return { Authorization: `Bearer ${this.#apiKey}` };
  }

  /** The `User-Agent` header; the generated client names its package version. */
  protected userAgent(): string {
    return 'Telnyx/JS';
  }

  #verb<T>(
    method: HTTPMethod,
    path: string,
    options?: RequestOptions | PromiseLike<RequestOptions>,
  ): APIPromise<T> {
    // As in the official client, `path` and `method` given in the options win.
    return this.request<T>(
      Promise.resolve(options).then(
        (opts): FinalRequestOptions => ({ method, path, ...definedOnly(opts ?? {}) }) as FinalRequestOptions,
      ),
    );
  }

  async #send(input: RequestInput, options: RequestOptions, kind: ResponseKind): Promise<CompletedResponse> {
    // A generated method's bad arguments (a `..` path parameter), raised here as the call's rejection.
    const { failure } = input as Partial<RequestDescription>;
    if (failure !== undefined) throw failure;
    this.#warnUnknownParams(input as Partial<RequestDescription>);
    const { prepared, timeout, maxRetries, signal, fetchOptions } = await this.#resolve(input, options, kind);
    return send(prepared, {
      fetch: this.#fetch,
      fetchOptions,
      timeout,
      maxRetries,
      signal,
      sleep: this.#options.sleep ?? defaultSleep,
      random: this.#options.random ?? Math.random,
      now: this.#options.now ?? Date.now,
      logger: this.#logger,
      redact: this.#redact,
    });
  }

  /** Params keys a generated method could not place are not sent: say so, once per method, path and key. */
  #warnUnknownParams(description: Partial<RequestDescription>): void {
    for (const name of description.unknownParams ?? []) {
      const key = `${description.method} ${description.path?.split('?')[0]} ${name}`;
      if (this.#warnedParams.has(key)) continue;
      this.#warnedParams.add(key);
      this.#logger.warn(
        `Unknown parameter "${name}" for ${description.method?.toUpperCase()} ${description.path}: not sent.`,
      );
    }
  }

  /** Merges the call's description, its per-request options and the client's defaults into one request. */
  #resolve(input: RequestInput, options: RequestOptions, kind: ResponseKind): Promise<ResolvedRequest> {
    return resolveRequest(input, options, kind, this.#settings());
  }

  /** The client's side of a request, as it is now (`baseURL` and the rest may have been reassigned). */
  #settings(): ClientSettings {
    return {
      baseURL: this.baseURL,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      fetchOptions: this.fetchOptions,
      defaultQuery: this.#options.defaultQuery,
      defaultHeaders: this.#options.defaultHeaders,
      retryNonIdempotent: this.#options.retryNonIdempotent,
      userAgent: this.userAgent(),
      authHeaders: () => this.authHeaders(),
    };
  }
}
