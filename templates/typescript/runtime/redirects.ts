/**
 * Redirects, followed by the client rather than by fetch. fetch's own `redirect: 'follow'` drops the
 * Authorization header when a 307/308 leads to another origin, but re-sends the body there (a message's
 * text, a number order) and returns that host's answer as if the API had given it; a header named
 * otherwise (`x-api-key` in `defaultHeaders`) it sends along too, and a custom `fetch` may drop nothing.
 *
 * So requests go out with `redirect: 'manual'`, and here:
 * - a redirect within the request's origin (scheme, host and port) is followed, up to 20 hops, with
 *   fetch's method rules (303, and 301/302 after a POST, continue as a GET without a body);
 * - a redirect to another origin is not followed: it becomes an APIError with the redirect's status,
 *   naming the origin it pointed to; nothing is sent there. Such an error is not retried;
 * - a runtime that hides the redirect (browsers answer `manual` with an opaque response) gives an
 *   APIError without status, which says how to let fetch follow it (`fetchOptions: { redirect: 'follow' }`).
 * A caller who sets `redirect` in `fetchOptions` gets fetch's own behaviour, knowingly.
 */
import { APIError } from './errors.js';
import { redactResponseHeaders } from './headers.js';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** fetch's own limit. */
export const MAX_REDIRECTS = 20;
/** Headers that describe a body, dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

/** `fetch(url, init)`, following same-origin redirects only (see the module comment). */
export async function fetchWithinOrigin(
  fetch: Fetch,
  url: string,
  init: RequestInit & { duplex?: 'half' },
  redact: (text: string) => string,
): Promise<Response> {
  if (init.redirect !== undefined) return fetch(url, init);
  let current = { url, init: { ...init, redirect: 'manual' as const } };
  for (let hops = 0; ; hops++) {
    const response = await fetch(current.url, current.init);
    if (response.type === 'opaqueredirect') {
      throw new APIError(
        undefined,
        undefined,
        'The API answered with a redirect that this runtime does not let the client inspect, so it was not ' +
          "followed; pass `fetchOptions: { redirect: 'follow' }` to let fetch follow it.",
        undefined,
      );
    }
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
    const from = new URL(current.url);
    const target = new URL(location, from);
    const refuse = (why: string): never => {
      void response.body?.cancel().catch(() => {});
      throw APIError.generate(
        response.status,
        undefined,
        redact(why),
        redactResponseHeaders(response.headers, redact),
      );
    };
    if (target.origin !== from.origin) {
      refuse(
        `The API redirected ${current.init.method ?? 'GET'} ${from.pathname} to another origin, ${target.origin}; ` +
          'not followed, so that neither the credentials nor the body are sent there.',
      );
    }
    if (hops >= MAX_REDIRECTS) refuse(`More than ${MAX_REDIRECTS} redirects; not followed further.`);
    await response.body?.cancel().catch(() => {});
    current = { url: target.href, init: nextInit(current.init, response.status, refuse) };
  }
}

/** The request to send to a redirect's target: fetch's method rules, and a body only if it can be re-read. */
function nextInit<T extends RequestInit & { duplex?: 'half' }>(
  init: T,
  status: number,
  refuse: (why: string) => never,
): T {
  const method = (init.method ?? 'GET').toUpperCase();
  if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    const headers = new Headers(init.headers);
    for (const name of BODY_HEADERS) headers.delete(name);
    const { duplex: _duplex, ...rest } = init;
    return { ...rest, method: 'GET', body: null, headers } as T;
  }
  if (init.body instanceof ReadableStream) {
    refuse('The API redirected a request whose body was a stream, which cannot be sent twice; not followed.');
  }
  return init;
}
