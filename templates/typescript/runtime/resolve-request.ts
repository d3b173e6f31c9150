/**
 * One call's request from its three sources: the generated operation's description (or the official
 * whole-request shape), the per-request options, and the client's settings. Decides the URL, the
 * layered headers, the encoded body, the idempotency key and the attempt limits, once per call: every
 * attempt of the retry loop sends the same request.
 */
import { encodeBody, type BodyKind } from './body.js';
import { DEFAULT_BASE_URL, nonNegative, positive, validBaseURL } from './client-options.js';
import { buildHeaders, headerValue, setHeader, type HeadersLike } from './headers.js';
import {
  buildURL,
  type FinalRequestOptions,
  type RequestDescription,
  type RequestOptions,
} from './request.js';
import { isBufferedKind, type ResponseKind } from './responses.js';
import { isReplaySafe, newIdempotencyKey } from './retries.js';
import type { PreparedRequest } from './transport.js';

const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** What `request()` takes first: a generated operation's description, or the official whole-request shape. */
export type RequestInput = RequestDescription | FinalRequestOptions;

/** The client's side of a request, read at call time (`baseURL`, `timeout` and the rest are assignable). */
export interface ClientSettings {
  baseURL: string;
  timeout: number;
  maxRetries: number;
  fetchOptions: RequestInit | undefined;
  defaultQuery: Readonly<Record<string, unknown>> | undefined;
  defaultHeaders: HeadersLike | undefined;
  retryNonIdempotent: boolean | undefined;
  userAgent: string;
  authHeaders: () => Promise<Record<string, string>>;
}

/** A call with everything merged: the description, the per-request options, the client's defaults. */
export interface ResolvedRequest {
  prepared: PreparedRequest;
  timeout: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
  fetchOptions: RequestInit;
}

export async function resolveRequest(
  input: RequestInput,
  options: RequestOptions,
  kind: ResponseKind,
  client: ClientSettings,
): Promise<ResolvedRequest> {
  const call = mergeOptions(input, options);
  const description = input as Partial<RequestDescription>;
  const method = call.method.toUpperCase();
  const url = buildURL(
    baseFor(description, call, client.baseURL),
    call.path,
    { ...client.defaultQuery, ...(input.query as object), ...(options.query as object) },
    description.queryStyles,
  );
  const encoded = await encodeBody(
    (description.bodyKind ?? 'auto') as BodyKind,
    call.body,
    headerValue([input.headers, options.headers], 'content-type'),
  );
  const headers = buildHeaders([
    { Accept: acceptFor(kind), 'User-Agent': client.userAgent },
    encoded.contentType ? { 'Content-Type': encoded.contentType } : undefined,
    await client.authHeaders(),
    client.defaultHeaders,
    input.headers ?? undefined,
    options.headers ?? undefined,
  ]);
  const idempotencyKey = idempotencyKeyOf(description, call, headers);
  // fetch writes the multipart Content-Type itself; one set by hand would lack the boundary.
  if (encoded.body instanceof FormData) headers.delete('content-type');
  const optedIn = call.retryNonIdempotent ?? client.retryNonIdempotent ?? false;
  return {
    prepared: {
      method,
      url,
      headers,
      body: encoded.body,
      bufferBody: isBufferedKind(kind),
      replaySafe: isReplaySafe(method, idempotencyKey !== undefined, optedIn),
      replayable: encoded.replayable,
    },
    timeout: positive('timeout', call.timeout ?? client.timeout),
    maxRetries: nonNegative('maxRetries', call.maxRetries ?? client.maxRetries, true),
    signal: call.signal ?? undefined,
    fetchOptions: call.fetchOptions
      ? { ...client.fetchOptions, ...call.fetchOptions }
      : (client.fetchOptions ?? {}),
  };
}

/**
 * The call's idempotency key, set on `headers`: the caller's (option, or the header passed as a
 * parameter), else a fresh one when the operation declares the header. Chosen once per call,
 * outside the attempt loop, so every retry sends the same key.
 */
function idempotencyKeyOf(
  description: Partial<RequestDescription>,
  options: RequestOptions,
  headers: Headers,
): string | undefined {
  const name = description.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER;
  const key =
    options.idempotencyKey ??
    headers.get(name) ??
    (description.idempotencyHeader ? newIdempotencyKey() : undefined);
  if (key !== undefined) setHeader(headers, name, key);
  return key;
}

/**
 * A per-request `baseURL` wins; an operation's own server (or `defaultBaseURL`) applies only with
 * the default base URL: a caller who points the client at a proxy or a mock server expects every
 * request to go there.
 */
export function baseFor(
  description: Partial<RequestDescription>,
  options: RequestOptions,
  clientBaseURL: string,
): string {
  if (options.baseURL) return validBaseURL(options.baseURL);
  const own = description.server ?? options.defaultBaseURL;
  return own && clientBaseURL === DEFAULT_BASE_URL ? own : clientBaseURL;
}

/** Generated operations state their kind; generic requests are read by their content type. */
export function responseKindOf(input: RequestInput, options: RequestOptions): ResponseKind {
  const stated = (input as Partial<RequestDescription>).responseKind;
  if (stated) return stated;
  const call = mergeOptions(input, options);
  if (call.stream) return 'sse';
  if (call.__binaryResponse) return 'binary';
  return 'auto';
}

/** The description with the options' defined values over it (most calls pass no options: no copy). */
function mergeOptions(input: RequestInput, options: RequestOptions): RequestInput & RequestOptions {
  let merged: Record<string, unknown> | undefined;
  for (const key in options) {
    if (!Object.hasOwn(options, key)) continue;
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    merged ??= { ...input };
    merged[key] = value;
  }
  return (merged ?? input) as RequestInput & RequestOptions;
}

/** `value` without its undefined fields, so that spreading it cannot unset anything. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function acceptFor(kind: ResponseKind): string {
  if (kind === 'json' || kind === 'auto') return 'application/json';
  if (kind === 'sse') return 'text/event-stream';
  return '*/*';
}
