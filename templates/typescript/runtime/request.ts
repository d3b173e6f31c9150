/**
 * The shapes generated methods hand to the client (what the operation is, what the caller passed)
 * and URL assembly. Types only plus pure functions, so pagination and the client can share them
 * without importing each other.
 */
import type { BodyKind } from './body.js';
import { TelnyxError } from './errors.js';
import type { HeadersLike } from './headers.js';
import { stringifyQuery, type QueryStyles } from './query.js';
import type { ResponseKind } from './responses.js';

export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

/** One operation call as the generated method describes it. */
export interface RequestDescription {
  method: HTTPMethod;
  /** Path relative to the API root, already templated (`buildPath`), or an absolute same-origin URL. */
  path: string;
  /** Query parameters by their spec names; deepObject parameters as nested objects. */
  query?: Readonly<Record<string, unknown>> | undefined;
  body?: unknown;
  /** Content type of `body`; without one the body is sent as the generic verbs send it (`auto`). */
  bodyKind?: BodyKind | undefined;
  /** Header parameters of the operation (after the client defaults, before per-request headers). */
  headers?: HeadersLike | undefined;
  /** The operation's own server URL (e.g. `https://api.telnyx.com` for `/.well-known/*`). */
  server?: string | undefined;
  /** What a 2xx response holds; without one, JSON or text as the response's content type says (`auto`). */
  responseKind?: ResponseKind | undefined;
  /** Name of the idempotency header the operation declares (usually `Idempotency-Key`). */
  idempotencyHeader?: string | undefined;
  /** Serialisation of parameters whose style/explode differs from the defaults (see query.ts). */
  queryStyles?: QueryStyles | undefined;
  /** Params keys the operation does not know (it has no body to take them): warned about, not sent. */
  unknownParams?: readonly string[] | undefined;
  /**
   * Why the call cannot be sent (a path parameter that is empty, `.` or `..`), found while describing
   * it: the client rejects the call's promise with it, so that a method never throws synchronously.
   */
  failure?: unknown;
}

/**
 * Per-call options: the last argument of every generated method, and the whole request of the
 * generic `client.get/post/put/patch/delete(path, options)` (the official SDK's `RequestOptions`).
 * On a generated method, `path`, `method` and `body` replace the operation's own, and `query` is
 * merged over it.
 */
export interface RequestOptions {
  method?: HTTPMethod | undefined;
  /** Path relative to the API root (or an absolute URL on the API's origin). */
  path?: string | undefined;
  /** Query parameters, merged over the operation's (and the client's `defaultQuery`). */
  query?: object | null | undefined;
  /**
   * The request body. Generated methods encode it as their operation declares; generic requests
   * send bytes, Blobs, FormData, URLSearchParams and streams as they are, and JSON otherwise.
   */
  body?: unknown;
  /** Extra headers; `null` removes a header the client would send. */
  headers?: HeadersLike | null | undefined;
  /** Retries after the first attempt (default: the client's, 2). */
  maxRetries?: number | undefined;
  /** Milliseconds per attempt (default: the client's, 60 s). */
  timeout?: number | undefined;
  /** Aborts the call, including any wait between retries, with APIUserAbortError. */
  signal?: AbortSignal | null | undefined;
  /** Idempotency key to send instead of a generated one, e.g. to retry a call across processes. */
  idempotencyKey?: string | undefined;
  /** Extra `fetch` options for this call (merged over the client's `fetchOptions`). */
  fetchOptions?: RequestInit | undefined;
  /** API root for this call, whatever the client's `baseURL`. */
  baseURL?: string | undefined;
  /** API root for this call while the client uses the default one (how operations with their own server are sent). */
  defaultBaseURL?: string | undefined;
  /** Generic requests: resolve to the `Stream` of a `text/event-stream` response. */
  stream?: boolean | undefined;
  /** Generic requests: resolve to the raw `Response` instead of a parsed body. */
  __binaryResponse?: boolean | undefined;
  /** Retry this POST or PATCH on 500s, timeouts and resets even though it has no idempotency key. */
  retryNonIdempotent?: boolean | undefined;
}

/** A whole request in the official SDK's shape: `client.request({ method: 'get', path: '/balance' })`. */
export type FinalRequestOptions = RequestOptions & { method: HTTPMethod; path: string };

/** `base` + `path` with exactly one slash between them. */
export function joinURL(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function isAbsoluteURL(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
}

/**
 * A base URL split into the root paths are joined to and the query it carries
 * (`https://proxy/v2?tenant=1` -> `https://proxy/v2` and `tenant=1`). The query goes on every request
 * (see `buildURL`); joining paths onto the whole string gave `/v2?tenant=1/messages/m1`.
 */
export function splitBaseURL(base: string): { root: string; query: URLSearchParams } {
  const url = new URL(base);
  const query = url.searchParams;
  const cut = base.search(/[?#]/);
  return { root: cut === -1 ? base : base.slice(0, cut), query };
}

/** The base URL's query minus the names the path (`url`) or `query` set themselves. */
function inheritedQuery(
  baseQuery: URLSearchParams,
  url: string,
  query: Readonly<Record<string, unknown>>,
): string {
  const own = new URL(url).searchParams;
  const inherited = new URLSearchParams();
  baseQuery.forEach((value, name) => {
    if (!own.has(name) && query[name] === undefined) inherited.append(name, value);
  });
  return inherited.toString();
}

/**
 * The full URL of a request. Absolute paths (links returned by the API) must stay on the base's
 * origin: following one elsewhere would send the API key to another host. A query on the base URL
 * is sent with every request, after the path's own and before `query`; a name the path or `query`
 * sets itself is not repeated from the base.
 */
export function buildURL(
  base: string,
  path: string,
  query: Readonly<Record<string, unknown>>,
  styles: QueryStyles | undefined,
): string {
  // Most base URLs carry no query: skip the URL parsing that merging one needs (per request).
  const split = /[?#]/.test(base) ? splitBaseURL(base) : undefined;
  const root = split ? split.root : base;
  let url: string;
  if (isAbsoluteURL(path)) {
    if (new URL(path).origin !== new URL(base).origin) {
      throw new TelnyxError(
        `Refusing to send a request to ${new URL(path).origin}, outside the API at ${new URL(base).origin}.`,
      );
    }
    url = path;
  } else {
    url = joinURL(root, path);
  }
  const qs = [split ? inheritedQuery(split.query, url, query) : '', stringifyQuery(query, styles)]
    .filter(Boolean)
    .join('&');
  if (!qs) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}

/**
 * Resolves a `next_page_uri`-style link. TeXML returns paths from the host root of the production
 * API (`/v2/texml/...?PageToken=...`), which must not be joined onto a base that already ends in
 * `/v2`, and which must still work against a base without it (a mock server or a proxy).
 */
export function resolveAPILink(link: string, baseURL: string): string {
  const base = new URL(baseURL);
  const target = new URL(link, base.origin);
  if (target.origin !== base.origin) {
    throw new TelnyxError(
      `The API returned a link to ${target.origin}, outside the API at ${base.origin}; not following it.`,
    );
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  let path = target.pathname;
  if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length);
  else if (path.startsWith('/v2/')) path = path.slice('/v2'.length);
  return `${joinURL(splitBaseURL(baseURL).root, path)}${target.search}`;
}
