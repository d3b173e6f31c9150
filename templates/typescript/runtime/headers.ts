import { TelnyxError } from './errors.js';

/**
 * Header layering. A request's headers are built from several layers (SDK defaults, auth, client
 * `defaultHeaders`, the operation's header parameters, per-request `headers`); later layers win,
 * and a `null` value removes a header set by an earlier layer (e.g. to drop a default).
 */

/** Anything callers may pass as headers. */
export type HeadersLike =
  | Headers
  | ReadonlyArray<readonly [string, string]>
  | Readonly<Record<string, string | number | boolean | null | undefined>>;

export function buildHeaders(layers: ReadonlyArray<HeadersLike | null | undefined>): Headers {
  const out = new Headers();
  for (const layer of layers) {
    if (!layer) continue;
    forEachHeader(layer, (name, value) => {
      if (value === null) out.delete(name);
      else if (value !== undefined) setHeader(out, name, String(value));
    });
  }
  return out;
}

/**
 * The value `buildHeaders(layers)` would give `name` (undefined when none), without building the
 * Headers or checking the others.
 */
export function headerValue(
  layers: ReadonlyArray<HeadersLike | null | undefined>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  let found: string | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    forEachHeader(layer, (key, value) => {
      if (value === undefined || key.toLowerCase() !== wanted) return;
      found = value === null ? undefined : String(value);
    });
  }
  return found;
}

type HeaderValue = string | number | boolean | null | undefined;

/** Each entry of a layer, in order, without copying them into an array first (this runs per request). */
function forEachHeader(layer: HeadersLike, visit: (name: string, value: HeaderValue) => void): void {
  if (layer instanceof Headers) layer.forEach((value, name) => visit(name, value));
  else if (Array.isArray(layer))
    for (const [name, value] of layer as ReadonlyArray<[string, string]>) visit(name, value);
  else {
    const record = layer as Readonly<Record<string, HeaderValue>>;
    for (const name of Object.keys(record)) visit(name, record[name]);
  }
}

/**
 * `headers.set`, with a TelnyxError naming the header (not its value) where fetch's own TypeError
 * would print the whole value: a credential with a line break, NUL or non-Latin-1 character in it.
 */
export function setHeader(headers: Headers, name: string, value: string): void {
  // Fetch strips surrounding whitespace itself; what is left may not hold CR, LF, NUL or > U+00FF.
  const bad = /[\r\n\0]|[^\u0000-\u00ff]/.test(value.trim());
  if (!bad && /^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(name)) {
    headers.set(name, value);
    return;
  }
  throw new TelnyxError(
    bad
      ? `The value of header ${JSON.stringify(name)} contains a line break, NUL or non-Latin-1 character, which HTTP cannot carry (the value is not shown).`
      : `${JSON.stringify(name)} is not a valid HTTP header name.`,
  );
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** A plain copy of the headers safe to log: credentials replaced by `***`. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headerEntries(headers)) out[name] = SECRET_HEADERS.has(name) ? '***' : value;
  return out;
}

/**
 * A copy of a response's headers for an error: credential headers (a proxy echoing Authorization)
 * replaced by `***`, and any secret inside another header's value (`x-echo: Bearer KEY...`) by
 * `[redacted]`, so that `util.inspect(error)` cannot show the key.
 */
export function redactResponseHeaders(headers: Headers, redact: (text: string) => string): Headers {
  const out = new Headers();
  for (const [name, value] of headerEntries(headers))
    out.append(name, SECRET_HEADERS.has(name) ? '***' : redact(value));
  return out;
}

/** Via forEach, which every lib target types (`entries()` needs DOM.Iterable). */
function headerEntries(headers: Headers): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  headers.forEach((value, name) => out.push([name, value]));
  return out;
}
