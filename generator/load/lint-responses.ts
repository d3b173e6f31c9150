/**
 * Lint: what a mock server of the spec would answer. For each operation's first 2xx JSON response, the
 * body a mock builds from the spec (the media type's first example, else one sampled from the schema
 * the way mock samplers do: `default` before `example`, the first enum value, the first oneOf
 * variant, one array item, and an empty object where a schema recurses into itself) is validated
 * against the schema. A body that fails means clients tested against a mock see invalid data, and
 * the cause is in the spec: a default or example that does not fit its schema.
 */
import { isPlainObject } from '../util/objects.ts';
import { exampleProblem } from './validate-example.ts';
import { getAt } from './refs.ts';
import { HTTP_METHODS } from './structure.ts';

/** Samplers give each format a valid value; so does this, so only the spec's own values can fail. */
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2019-08-24T14:15:22Z',
  date: '2019-08-24',
  uuid: '095be615-a8ad-4c33-8e9c-c7612fbf6c9f',
  email: 'user@example.com',
  uri: 'http://example.com',
  url: 'http://example.com',
};

type Report = (rule: string, path: (string | number)[], message: string) => void;

export function lintMockResponses(spec: Record<string, any>, report: Report): void {
  const resolve = (ref: string) => getAt(spec, ref.slice(1));
  const deref = (node: any): any =>
    isPlainObject(node) && typeof node.$ref === 'string' ? deref(resolve(node.$ref)) : node;
  for (const [path, item] of Object.entries<any>(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const status = Object.keys(op.responses ?? {})
        .filter((s) => /^2/.test(s))
        .sort()[0];
      const media = status ? deref(op.responses[status])?.content?.['application/json'] : undefined;
      if (!isPlainObject(media) || !isPlainObject(media.schema)) continue;
      const named = isPlainObject(media.examples) ? Object.values<any>(media.examples)[0] : undefined;
      const body =
        'example' in media
          ? media.example
          : named
            ? deref(named)?.value
            : sample(media.schema, deref, new Set());
      const problem = exampleProblem(body, media.schema, resolve, '', 0, true);
      if (problem) {
        report(
          'mock-response-invalid',
          ['paths', path, method, 'responses', status, 'content', 'application/json'],
          `a mock's response built from the spec's examples and defaults is invalid for the schema: ${problem}`,
        );
      }
    }
  }
}

/** A value for a schema as mock samplers pick it. */
function sample(raw: unknown, deref: (n: any) => any, seen: Set<unknown>): unknown {
  if (!isPlainObject(raw)) return null;
  if (typeof raw.$ref === 'string') {
    if (seen.has(raw.$ref)) return {}; // a recursive schema is cut here, as samplers do
    return sample(deref(raw), deref, new Set([...seen, raw.$ref]));
  }
  const schema = raw as Record<string, any>;
  if ('default' in schema) return schema.default;
  if ('example' in schema) return schema.example;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((p: unknown) => sample(p, deref, seen));
    return parts.every(isPlainObject)
      ? Object.assign({}, ...parts, objectSample(schema, deref, seen))
      : parts[0];
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants) && variants.length) return sample(variants[0], deref, seen);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined)) {
    case 'object':
      return objectSample(schema, deref, seen);
    case 'array':
      return [sample(schema.items, deref, seen)];
    case 'string':
      return FORMAT_SAMPLES[schema.format] ?? 'string';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function objectSample(
  schema: Record<string, any>,
  deref: (n: any) => any,
  seen: Set<unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries<any>(schema.properties ?? {})) {
    if (prop?.writeOnly) continue;
    out[name] = sample(prop, deref, seen);
  }
  return out;
}
