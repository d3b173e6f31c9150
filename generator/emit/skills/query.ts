/**
 * Query and form serialisation of example values, as the client runtime does it (by the parameter's
 * resolved style; deep objects as `filter[status]=active`, arrays inside them as `key[]=`), for the
 * curl examples. Pairs are decoded text; the caller encodes them for where they land.
 */
import { toJson, type Example } from '../../examples/examples.ts';
import type { ParamStyle } from '../../model/index.ts';

export type Pair = [key: string, value: string];

const scalarText = (value: Example): string => {
  if (value.kind === 'object' || value.kind === 'array') return JSON.stringify(toJson(value));
  const json = toJson(value);
  return json === null ? '' : String(json);
};

const DELIMITERS: Partial<Record<ParamStyle, string>> = {
  'form-comma': ',',
  'space-delimited': ' ',
  'pipe-delimited': '|',
};

export function queryPairs(name: string, value: Example, style: ParamStyle = 'form'): Pair[] {
  if (value.kind === 'null') return [];
  if (value.kind === 'array') {
    const items = value.items.filter((i) => i.kind !== 'null').map(scalarText);
    if (items.length === 0) return [];
    const delimiter = DELIMITERS[style];
    if (delimiter === undefined) return items.map((item) => [name, item]);
    return [[name, items.join(delimiter)]];
  }
  if (value.kind === 'object') {
    if (style === 'deep-object') return deepObject(name, value);
    if (style === 'form') return value.fields.flatMap((f) => queryPairs(f.name, f.value, 'form'));
    const flat = value.fields.filter((f) => f.value.kind !== 'null');
    return flat.length ? [[name, flat.flatMap((f) => [f.name, scalarText(f.value)]).join(',')]] : [];
  }
  return [[name, scalarText(value)]];
}

function deepObject(prefix: string, value: Example & { kind: 'object' }): Pair[] {
  return value.fields.flatMap(({ name, value: child }): Pair[] => {
    const path = `${prefix}[${name}]`;
    if (child.kind === 'null') return [];
    if (child.kind === 'array')
      return child.items.filter((i) => i.kind !== 'null').map((i) => [`${path}[]`, scalarText(i)]);
    if (child.kind === 'object') return deepObject(path, child);
    return [[path, scalarText(child)]];
  });
}

/** Form bodies (`application/x-www-form-urlencoded`) follow the same rules with deep objects. */
export function formPairs(fields: { wire: string; value: Example }[]): Pair[] {
  return fields.flatMap((f) =>
    queryPairs(f.wire, f.value, f.value.kind === 'object' ? 'deep-object' : 'form'),
  );
}

/** Percent-encoding for a key passed to `--data-urlencode`, which encodes only the value: brackets stay. */
export function encodeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_.~\[\]-]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
