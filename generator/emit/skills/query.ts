/**
 * Query and form serialisation of example values for the curl examples: the generated client's own
 * serialiser (templates/typescript/runtime/query.ts) does it, with each parameter's style, so curl
 * sends exactly what the SDK sends; form bodies go through it too, as the runtime encodes them. Pairs
 * come back decoded; the caller encodes them for where they land.
 */
import { toJson, type Example } from '../../examples/examples.ts';
import type { ParamStyle } from '../../model/index.ts';
import { stringifyQuery } from '../../../templates/typescript/runtime/query.ts';
import { runtimeQueryStyle } from '../query-styles.ts';

export type Pair = [key: string, value: string];

export function queryPairs(fields: { wire: string; value: Example; style?: ParamStyle }[]): Pair[] {
  const values = Object.fromEntries(fields.map((f) => [f.wire, toJson(f.value)]));
  const styles = Object.fromEntries(
    fields.flatMap((f) => {
      const style = runtimeQueryStyle(f.style);
      return style ? [[f.wire, style]] : [];
    }),
  );
  const text = stringifyQuery(values, styles);
  if (!text) return [];
  return text.split('&').map((pair) => {
    const [key, value] = pair.split('=');
    return [decodeURIComponent(key!), decodeURIComponent(value ?? '')];
  });
}

/** Percent-encoding for a key passed to `--data-urlencode`, which encodes only the value: brackets stay. */
export function encodeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_.~\[\]-]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
