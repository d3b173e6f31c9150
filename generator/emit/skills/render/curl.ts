/**
 * curl examples: a fully filled URL (path parameters percent-encoded, never a literal `{id}`), query
 * parameters through `-G --data-urlencode 'filter[status]=active'` (raw brackets in a URL are curl
 * globs), and one body style per call: JSON with `-d`, multipart with `-F`/`--form-string`, a form
 * with `--data-urlencode`, or bytes with `--data-binary`. Every spec value is shell single-quoted.
 */
import { toJson, type Example } from '../../../examples/examples.ts';
import type { CallInput } from '../../../surface/index.ts';
import { downloadName } from './layout.ts';
import { shellQuote } from '../escape.ts';
import { encodeKey, queryPairs, type Pair } from '../query.ts';

export interface CurlCall {
  /** `-X POST ` or '' for GET. */
  method: string;
  /** The quoted URL. */
  url: string;
  /** One option per line after the URL. */
  options: string[];
  result: CallInput['result'];
}

export const AUTH_HEADER = '-H "Authorization: Bearer $TELNYX_API_KEY"';

const text = (ex: Example) => {
  const json = toJson(ex);
  return typeof json === 'string' ? json : JSON.stringify(json);
};

export function curlCall(input: CallInput, defaultServer: string): CurlCall {
  const { op } = input;
  const path = new Map<string, Example>();
  for (const f of [...(input.positional ? [input.positional] : []), ...input.fields])
    if (f.in === 'path') path.set(f.wire, f.value);
  const filled = op.path.replace(/\{([^}]*)\}/g, (_, name: string) =>
    encodeURIComponent(path.has(name) ? text(path.get(name)!) : name),
  );
  const query: Pair[] = queryPairs(input.fields.filter((f) => f.in === 'query'));
  const body = input.fields.filter((f) => f.in === 'body');
  const hasBody = body.length > 0 || input.wholeBody !== undefined;
  const options: string[] = [AUTH_HEADER];
  for (const f of input.fields.filter((f) => f.in === 'header'))
    options.push(`-H ${shellQuote(`${f.wire}: ${text(f.value)}`.replace(/[\r\n]+/g, ' '))}`);
  const accept = acceptValue(input);
  if (accept) options.push(`-H ${shellQuote(`Accept: ${accept}`)}`);
  let url = (op.server ?? defaultServer) + filled;
  if (query.length > 0 && hasBody) {
    // -G would move the body into the URL too: encode the query into the URL instead (no globbing).
    url += '?' + query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  } else if (query.length > 0) {
    options.push('-G', ...query.map(([k, v]) => `--data-urlencode ${shellQuote(`${encodeKey(k)}=${v}`)}`));
  }
  if (hasBody) options.push(...bodyOptions(input, body));
  if (input.result === 'download') options.push(`-o ${downloadName(input.resultMedia)}`);
  // GET is curl's default, except that body options switch it to POST.
  const method = op.method === 'get' && !hasBody ? '' : `-X ${op.method.toUpperCase()} `;
  return { method, url: shellQuote(url), options, result: input.result };
}

/**
 * curl's own Accept header says "any type", which an operation that declares the Accept values it
 * serves (an optional header with an enum) may refuse: the example sends its default, else the first.
 */
function acceptValue(input: CallInput): string | undefined {
  if (input.fields.some((f) => f.in === 'header' && /^accept$/i.test(f.wire))) return undefined;
  const param = input.op.params.find((p) => p.in === 'header' && /^accept$/i.test(p.name));
  if (param?.type.kind !== 'string' || !param.type.enum?.length) return undefined;
  const value =
    typeof param.type.default === 'string'
      ? param.type.default
      : param.type.enum.find((v) => typeof v === 'string');
  return typeof value === 'string' ? value : undefined;
}

function bodyOptions(input: CallInput, fields: { wire: string; value: Example }[]): string[] {
  switch (input.bodyKind) {
    case 'multipart':
      return fields.flatMap(({ wire, value }) => {
        // --form-string sends the text as is: with -F a value starting with @ or < would read a file.
        if (value.kind === 'file') return [`-F ${shellQuote(`${wire}=@${value.path}`)}`];
        if (value.kind === 'array')
          return value.items.map((i) => `--form-string ${shellQuote(`${wire}=${text(i)}`)}`);
        return [`--form-string ${shellQuote(`${wire}=${text(value)}`)}`];
      });
    case 'form':
      return queryPairs(fields).map(([k, v]) => `--data-urlencode ${shellQuote(`${encodeKey(k)}=${v}`)}`);
    case 'binary': {
      const media = input.op.body?.contents[0]?.mediaType ?? 'application/octet-stream';
      const file = input.wholeBody?.kind === 'file' ? input.wholeBody.path : 'path/to/file';
      return [`-H ${shellQuote(`Content-Type: ${media}`)}`, `--data-binary ${shellQuote('@' + file)}`];
    }
    default: {
      const json = input.wholeBody
        ? toJson(input.wholeBody)
        : Object.fromEntries(fields.map((f) => [f.wire, toJson(f.value)]));
      return ['-H "Content-Type: application/json"', `-d ${shellQuote(jsonText(json, ''))}`];
    }
  }
}

/** JSON as people write it in a terminal: short objects and arrays on one line, long ones broken. */
function jsonText(value: unknown, indent: string): string {
  const inline = jsonInline(value);
  if (value === null || typeof value !== 'object' || indent.length + inline.length <= 60) return inline;
  const inner = indent + '  ';
  const items = Array.isArray(value)
    ? value.map((v) => inner + jsonText(v, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonText(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return items.length === 0 ? open + close : `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

function jsonInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonInline).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${jsonInline(v)}`)
      .join(', ')}}`;
  // JSON leaves C1 controls and line separators raw; escaped, they cannot reflow the markdown around.
  return JSON.stringify(value).replace(
    /[\x7f-\x9f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
