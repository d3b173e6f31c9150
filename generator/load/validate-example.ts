/**
 * Checks an example value against its (raw OpenAPI 3.1) schema: type, null, enum/const, required
 * properties, properties, items, additionalProperties: false, allOf/oneOf/anyOf, and the formats the
 * docs rely on (uuid, date-time, date, email). Returns the first problem, or undefined when valid.
 *
 * Why not ajv: it compiles code per schema, and the Telnyx spec has ~6500 examples on as many
 * sub-schemas; compiling them costs seconds on the cold path, where this walk costs milliseconds.
 * It is deliberately a subset: it must never call a valid example invalid.
 */
import { isPlainObject } from '../util/objects.ts';

type Resolve = (ref: string) => unknown;

const FORMAT_CHECKS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  email: /^[^\s@]+@[^\s@]+$/,
  // Validators (Prism among them) reject a `uri`/`url` without a scheme.
  uri: /^[a-z][a-z0-9+.-]*:/i,
  url: /^[a-z][a-z0-9+.-]*:\/\//i,
};

/**
 * `strict`: oneOf means exactly one variant even with a discriminator, as JSON Schema validators
 * (and so mock servers) check it; without it a discriminator settles which variant applies.
 */
export function exampleProblem(
  value: unknown,
  schema: unknown,
  resolve: Resolve,
  at = '',
  depth = 0,
  strict = false,
): string | undefined {
  if (depth > 40 || !isPlainObject(schema)) return undefined;
  if (typeof schema.$ref === 'string')
    return exampleProblem(value, resolve(schema.$ref), resolve, at, depth + 1, strict);
  const where = at || '(root)';
  if (value === null && (schema.nullable === true || typeIncludes(schema.type, 'null'))) return undefined;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => sameValue(e, value))) {
    return `${where}: ${JSON.stringify(value)} is not one of the enum values`;
  }
  if ('const' in schema && !sameValue(schema.const, value))
    return `${where}: must equal ${JSON.stringify(schema.const)}`;
  if (schema.type !== undefined && !matchesType(value, schema.type)) {
    return `${where}: expected ${[schema.type].flat().join(' or ')}, got ${jsonType(value)}`;
  }
  if (typeof value === 'string' && typeof schema.format === 'string') {
    const check = FORMAT_CHECKS[schema.format];
    if (check && !check.test(value)) return `${where}: "${value}" is not a valid ${schema.format}`;
  }
  for (const part of asList(schema.allOf)) {
    const problem = exampleProblem(value, part, resolve, at, depth + 1, strict);
    if (problem) return problem;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const variants = asList(schema[key]);
    if (!variants.length) continue;
    const matching = variants.filter((v) => !exampleProblem(value, v, resolve, at, depth + 1, strict)).length;
    if (matching === 0) return `${where}: matches none of the ${key} variants`;
    // oneOf means exactly one: a value two variants accept is ambiguous, and validators reject it.
    if (key === 'oneOf' && matching > 1 && (strict || !schema.discriminator))
      return `${where}: matches ${matching} oneOf variants, not exactly one`;
  }
  if (isPlainObject(value)) return objectProblem(value, schema, resolve, at, depth, strict);
  if (Array.isArray(value) && isPlainObject(schema.items)) {
    for (let i = 0; i < value.length; i++) {
      const problem = exampleProblem(value[i], schema.items, resolve, `${at}/${i}`, depth + 1, strict);
      if (problem) return problem;
    }
  }
  return undefined;
}

function objectProblem(
  value: Record<string, unknown>,
  schema: Record<string, any>,
  resolve: Resolve,
  at: string,
  depth: number,
  strict: boolean,
) {
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  for (const name of asList(schema.required)) {
    if (typeof name === 'string' && !(name in value))
      return `${at || '(root)'}: missing required property "${name}"`;
  }
  for (const [name, child] of Object.entries(value)) {
    if (name in properties) {
      const problem = exampleProblem(child, properties[name], resolve, `${at}/${name}`, depth + 1, strict);
      if (problem) return problem;
    } else if (schema.additionalProperties === false && !schema.allOf && !schema.oneOf && !schema.anyOf) {
      return `${at || '(root)'}: property "${name}" is not allowed`;
    }
  }
  return undefined;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function typeIncludes(type: unknown, name: string): boolean {
  return type === name || (Array.isArray(type) && type.includes(name));
}

function matchesType(value: unknown, type: unknown): boolean {
  return [type].flat().some((t) => {
    switch (t) {
      case 'null':
        return value === null;
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isPlainObject(value);
      case 'string':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      default:
        return true;
    }
  });
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));
}
