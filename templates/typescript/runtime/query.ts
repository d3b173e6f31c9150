/**
 * Query-string serialisation following OpenAPI `style`/`explode`, with Telnyx's conventions:
 *
 * - objects default to `deepObject`: `{filter: {status: {eq: 'x'}}}` -> `filter[status][eq]=x`;
 *   arrays inside a deep object use Rails brackets (`filter[status][in][]=a&filter[status][in][]=b`),
 *   the form Telnyx documents ("Originally: filter[status][in][]");
 * - arrays of objects take bracket indices: `CustomHeaders[0][name]=X-A` (TeXML form bodies);
 * - arrays default to `form` + explode: repeated keys (`status=a&status=b`); `explode: false`
 *   joins with commas (`status=a,b`), `spaceDelimited`/`pipeDelimited` with `%20`/`|`;
 * - `null` and `undefined` are omitted (an absent filter, not the string "null"), as are empty arrays
 *   and objects; booleans are `true`/`false`; Dates are ISO 8601.
 *
 * Keys and values are percent-encoded (brackets become `%5B`/`%5D`); delimiters are not.
 */
import { TelnyxError } from './errors.js';

export type QueryStyleName = 'form' | 'deepObject' | 'spaceDelimited' | 'pipeDelimited';

/** How one query parameter is serialised; the generator emits one per non-default parameter. */
export interface QueryStyle {
  style?: QueryStyleName;
  /** OpenAPI's default is true for `form` and `deepObject`. */
  explode?: boolean;
}

export type QueryStyles = Readonly<Record<string, QueryStyle>>;

type Pair = readonly [encodedKey: string, encodedValue: string];

/** The query string without the leading `?` ('' when nothing is set). */
export function stringifyQuery(
  query: Readonly<Record<string, unknown>> | undefined,
  styles: QueryStyles = {},
): string {
  if (!query) return '';
  const pairs: Pair[] = [];
  for (const [name, value] of Object.entries(query)) pairs.push(...encodeParam(name, value, styles[name]));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function encodeParam(name: string, value: unknown, declared: QueryStyle | undefined): Pair[] {
  if (value === undefined || value === null) return [];
  // OpenAPI: explode defaults to true for form (and deepObject), false for the delimited styles.
  const explode = declared?.explode ?? (declared?.style === undefined || declared.style === 'form');
  if (Array.isArray(value)) {
    if (value.some(isStructured)) return indexed(name, value);
    const items = value.filter(isPresent).map((item) => formatScalar(item, name));
    if (items.length === 0) return [];
    if (explode) return items.map((item) => [enc(name), enc(item)]);
    return [[enc(name), items.map(enc).join(DELIMITERS[declared?.style ?? 'form'])]];
  }
  if (isPlainObject(value)) {
    if ((declared?.style ?? 'deepObject') === 'deepObject') return deepObject(name, value);
    if (explode) return Object.entries(value).flatMap(([k, v]) => encodeParam(k, v, { style: 'form' }));
    const flat = Object.entries(value).filter(([, v]) => isPresent(v));
    if (flat.length === 0) return [];
    // OpenAPI: a non-exploded object is `name=k1<d>v1<d>k2<d>v2` with its style's delimiter.
    const delimiter = DELIMITERS[declared?.style ?? 'form'];
    return [
      [enc(name), flat.flatMap(([k, v]) => [enc(k), enc(formatScalar(v, `${name}.${k}`))]).join(delimiter)],
    ];
  }
  return [[enc(name), enc(formatScalar(value, name))]];
}

const DELIMITERS: Record<QueryStyleName, string> = {
  form: ',',
  deepObject: ',',
  spaceDelimited: '%20',
  pipeDelimited: '|',
};

function deepObject(prefix: string, value: Record<string, unknown>): Pair[] {
  const pairs: Pair[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = `${prefix}[${key}]`;
    if (child === undefined || child === null) continue;
    if (Array.isArray(child)) {
      if (child.some(isStructured)) pairs.push(...indexed(path, child));
      else
        for (const item of child.filter(isPresent))
          pairs.push([enc(`${path}[]`), enc(formatScalar(item, path))]);
    } else if (isPlainObject(child)) {
      pairs.push(...deepObject(path, child));
    } else {
      pairs.push([enc(path), enc(formatScalar(child, path))]);
    }
  }
  return pairs;
}

/**
 * An array holding objects or arrays, with bracket indices: `[{name: 'X-A', value: '1'}]` under
 * `CustomHeaders` -> `CustomHeaders[0][name]=X-A&CustomHeaders[0][value]=1`. Absent items keep
 * their index, so the positions the caller meant survive.
 */
function indexed(prefix: string, items: readonly unknown[]): Pair[] {
  const pairs: Pair[] = [];
  items.forEach((item, i) => {
    const path = `${prefix}[${i}]`;
    if (!isPresent(item)) return;
    if (Array.isArray(item)) pairs.push(...indexed(path, item));
    else if (isPlainObject(item)) pairs.push(...deepObject(path, item));
    else pairs.push([enc(path), enc(formatScalar(item, path))]);
  });
  return pairs;
}

function isStructured(value: unknown): boolean {
  return Array.isArray(value) || isPlainObject(value);
}

/** The text form of one primitive value; anything else is a caller error named by its parameter. */
export function formatScalar(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TelnyxError(`Invalid Date given for "${where}".`);
    return value.toISOString();
  }
  throw new TelnyxError(
    `Cannot put a ${describeType(value)} in "${where}": query and form values must be strings, numbers, ` +
      'booleans, Dates, or arrays/objects of those.',
  );
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'nested array';
  if (value instanceof Blob) return 'Blob';
  return typeof value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function enc(text: string): string {
  return encodeURIComponent(text);
}
