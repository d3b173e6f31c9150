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

export function buildHeaders(layers: ReadonlyArray<HeadersLike | undefined>): Headers {
  const out = new Headers();
  for (const layer of layers) {
    if (!layer) continue;
    for (const [name, value] of entriesOf(layer)) {
      if (value === null) out.delete(name);
      else if (value !== undefined) out.set(name, String(value));
    }
  }
  return out;
}

function entriesOf(layer: HeadersLike): Array<[string, string | number | boolean | null | undefined]> {
  if (layer instanceof Headers) return headerEntries(layer);
  if (Array.isArray(layer)) return layer.map(([k, v]) => [k, v]);
  return Object.entries(layer as Record<string, string | number | boolean | null | undefined>);
}

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** A plain copy of the headers safe to log: credentials replaced by `***`. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headerEntries(headers)) out[name] = SECRET_HEADERS.has(name) ? '***' : value;
  return out;
}

/** Via forEach, which every lib target types (`entries()` needs DOM.Iterable). */
function headerEntries(headers: Headers): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  headers.forEach((value, name) => out.push([name, value]));
  return out;
}
