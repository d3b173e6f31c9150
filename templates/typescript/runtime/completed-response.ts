/**
 * A successful (2xx) response as the attempt loop hands it on: its status and headers, its body read
 * inside the attempt (JSON, text, CSV, none: under the attempt's timeout) or left to the caller
 * (binary, event streams), and the `Response` that `.asResponse()`/`.withResponse()` give the caller.
 *
 * A buffered body is read once, from the fetched response itself; the caller's `Response` is a copy
 * rebuilt from the same bytes, made only when asked for. Reading a `clone()` instead kept the
 * fetched body unread for that case, but a clone tees the body stream on every call, which cost
 * about a third of the client's own time per request for a response almost nobody asks for.
 */

export interface CompletedResponse {
  /** The response with its body unread, for the caller (`asResponse()`, `withResponse()`, a page's `response`). */
  readonly response: Response;
  readonly status: number;
  readonly headers: Headers;
  /** The body as text when it was buffered. */
  readonly text: string | undefined;
  /** Aborts the response body (used by streams to stop reading). */
  readonly controller: AbortController;
  /** Scrubs secrets from text of this response that ends up in an error (an unparsable body). */
  readonly redact?: ((text: string) => string) | undefined;
}

type Redact = (text: string) => string;

/** A response whose body the caller reads (binary, event stream, or one given to the official APIPromise). */
export function unbufferedResponse(
  response: Response,
  controller: AbortController,
  redact?: Redact,
): CompletedResponse {
  return {
    response,
    status: response.status,
    headers: response.headers,
    text: undefined,
    controller,
    redact,
  };
}

/** Statuses whose `Response` may not have a body (the constructor throws for one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** Made on first use: a module-level `new TextDecoder()` is an import side effect to bundlers. */
let utf8: TextDecoder | undefined;

/** Reads the body (as `response.text()` would decode it), keeping the bytes for the caller's copy. */
export async function bufferedResponse(
  response: Response,
  controller: AbortController,
  redact: Redact,
): Promise<CompletedResponse> {
  const bytes = await response.arrayBuffer();
  let copy: Response | undefined;
  return {
    get response() {
      copy ??= unreadCopy(response, bytes);
      return copy;
    },
    status: response.status,
    headers: response.headers,
    text: (utf8 ??= new TextDecoder()).decode(bytes),
    controller,
    redact,
  };
}

/**
 * The fetched response again, with an unread body of the same bytes. `url`, `redirected` and `type`
 * are not constructor options, so they are copied as own properties over the prototype's getters.
 */
function unreadCopy(response: Response, bytes: ArrayBuffer): Response {
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperties(copy, {
    url: { value: response.url },
    redirected: { value: response.redirected },
    type: { value: response.type },
  });
  return copy;
}
