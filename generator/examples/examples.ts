/**
 * Example values, built from the model once per operation and rendered by every language, so the six
 * skills of a product show the same values (docs/SKILLS.md, "Examples"): the spec's example when the
 * model kept it (it keeps only valid ones), else the first enum value, else a value for the format,
 * else a readable placeholder, each kept only when it fits the schema's pattern and bounds (else a
 * string generated from the pattern). Only required fields are filled, recursively (plus the first
 * optional one where the schema or the caller needs a non-empty object); readOnly fields never.
 */
import type { NamedType, Property, TypeNode } from '../model/index.ts';
import type { Example, ExampleField } from './example.ts';
import { matchesPattern, satisfies } from './match.ts';
import { stringForPattern } from './pattern.ts';

// Re-exported: the renderers of every language import the values' type with the builder.
export type { Example, ExampleField } from './example.ts';

export interface ExampleEnv {
  resolve: (n: TypeNode) => TypeNode;
  types: ReadonlyMap<string, NamedType>;
}

/** Values for formats (docs/SKILLS.md lists uuid, date-time, email, uri; the rest are as plain). */
const FORMAT_VALUES: [RegExp, string][] = [
  [/^uuid$/i, '8e3c2d1a-4b5f-4c6d-9e7f-0a1b2c3d4e5f'],
  [/^date-time$/i, '2025-01-15T09:30:00Z'],
  [/^date$/i, '2025-01-15'],
  [/^time$/i, '09:30:00'],
  [/^email$/i, 'user@example.com'],
  [/^(uri|url|uri-reference)$/i, 'https://example.com'],
  [/^hostname$/i, 'example.com'],
  [/^ipv4$/i, '192.0.2.10'],
  [/^ipv6$/i, '2001:db8::10'],
  [/^\+?e\.?164$/i, '+13125550100'],
  [/^iso4217$/i, 'USD'],
  [/^byte$/i, 'aGVsbG8='],
];

/** Where uploads are read from in every example. */
export const UPLOAD_PATH = 'path/to/file';

const MAX_DEPTH = 8;

export interface ExampleOptions {
  /** Inside a multipart or binary body: `format: binary` strings are file uploads. */
  upload?: boolean;
  /** The top-level object must not be empty (a required body): one optional field is filled then. */
  nonEmpty?: boolean;
}

/** The example for a schema; `name` is the field or parameter name, used only for placeholders. */
export function exampleOf(
  node: TypeNode,
  name: string,
  env: ExampleEnv,
  options: ExampleOptions = {},
): Example {
  return build(node, name, env, {
    depth: 0,
    seen: new Set(),
    upload: options.upload ?? false,
    nonEmpty: options.nonEmpty ?? false,
  });
}

interface Walk {
  depth: number;
  /** Named types on the current path: a cycle stops instead of recursing forever. */
  seen: Set<string>;
  /** Inside a multipart or binary body: `format: binary` strings are file uploads. */
  upload: boolean;
  /** The next object must have a field (the caller's request, passed through refs and unions). */
  nonEmpty: boolean;
}

function build(node: TypeNode, name: string, env: ExampleEnv, walk: Walk): Example {
  if (node.kind === 'ref') {
    if (walk.seen.has(node.name) || walk.depth > MAX_DEPTH) return { kind: 'null' };
    const named = env.types.get(node.name);
    const inner = { ...walk, depth: walk.depth + 1, seen: new Set([...walk.seen, node.name]) };
    const value =
      node.example !== undefined && !isObjectLike(env.resolve(node))
        ? fromJson(node.example)
        : build(env.resolve(node), name, env, inner);
    return value.kind === 'object' && named?.origin === 'component' && !value.free
      ? { ...value, ref: node.name }
      : value;
  }
  switch (node.kind) {
    case 'string':
      if (walk.upload && node.format === 'binary') return { kind: 'file', path: UPLOAD_PATH };
      return scalar(node, name);
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
      return scalar(node, name);
    case 'array': {
      const count = Math.max(1, node.minItems ?? 0);
      const fits = Array.isArray(node.example) && node.example.length >= count;
      if (fits && !isObjectLike(env.resolve(node.items))) return fromJson(node.example);
      // `minItems: 2` needs two: the same item twice is valid unless `uniqueItems`, which no spec
      // array with minItems above 1 declares.
      const item = build(node.items, name, env, { ...walk, depth: walk.depth + 1, nonEmpty: false });
      return { kind: 'array', items: Array.from({ length: count }, () => item) };
    }
    case 'object':
      return objectExample(node, env, walk);
    case 'union':
      return unionExample(node, name, env, walk);
    case 'intersection': {
      const merged = env.resolve(node);
      return build(merged.kind === 'intersection' ? node.parts[0] : merged, name, env, walk);
    }
    case 'unknown':
      return node.example !== undefined
        ? fromJson(node.example)
        : { kind: 'string', value: placeholder(name) };
  }
}

function objectExample(node: TypeNode & { kind: 'object' }, env: ExampleEnv, walk: Walk): Example {
  if (node.properties.length === 0) {
    // A free-form map: the spec's example says more than an empty object would.
    return node.example !== undefined ? fromJson(node.example) : { kind: 'object', fields: [], free: true };
  }
  const inner = { ...walk, depth: walk.depth + 1, nonEmpty: false };
  const writable = node.properties.filter((p) => !p.readOnly);
  const field = (p: Property): ExampleField => ({ name: p.name, value: build(p.type, p.name, env, inner) });
  const wanted = writable.filter((p) => p.required);
  // `minProperties` (or a required body) makes `{}` invalid: then one optional field is filled, the
  // first whose example shows something (`call_forwarding: {}` would say nothing).
  const fields =
    wanted.length === 0 && ((node.minProperties ?? 0) > 0 || walk.nonEmpty)
      ? firstShowing(writable, field)
      : wanted.map(field);
  return {
    kind: 'object',
    fields: fields.filter((f) => !(f.value.kind === 'null' && walk.depth >= MAX_DEPTH)),
  };
}

function firstShowing(properties: Property[], field: (p: Property) => ExampleField): ExampleField[] {
  let first: ExampleField | undefined;
  for (const p of properties) {
    const built = field(p);
    if (!isEmpty(built.value)) return [built];
    first ??= built;
  }
  return first ? [first] : [];
}

const isEmpty = (e: Example): boolean =>
  e.kind === 'null' ||
  (e.kind === 'object' && e.fields.length === 0) ||
  (e.kind === 'array' && e.items.every(isEmpty));

/**
 * The discriminator's first mapping when there is one; else the spec's example for a union of
 * scalars; else the first variant whose example no other variant accepts: a server validating a
 * oneOf rejects a value that two variants accept (an anyOf takes it either way).
 */
function unionExample(
  node: TypeNode & { kind: 'union' },
  name: string,
  env: ExampleEnv,
  walk: Walk,
): Example {
  const tagged = discriminated(node, env);
  if (tagged) return build(tagged, name, env, walk);
  if (node.example !== undefined && !node.variants.some((v) => isObjectLike(env.resolve(v))))
    return fromJson(node.example);
  let first: Example | undefined;
  for (const variant of node.variants.filter((v) => env.resolve(v).kind !== 'null')) {
    const example = build(variant, name, env, walk);
    first ??= example;
    if (node.variants.filter((v) => satisfies(example, v, env.resolve)).length === 1) return example;
  }
  return first ?? { kind: 'null' };
}

/** The discriminator's first mapping, with the tag set, when the union declares one. */
function discriminated(node: TypeNode & { kind: 'union' }, env: ExampleEnv): TypeNode | undefined {
  const mapped = node.discriminator?.mapping[0];
  if (mapped) {
    const variant: TypeNode = { kind: 'ref', name: mapped.type };
    const resolved = env.resolve(variant);
    if (resolved.kind === 'object') {
      // The discriminator property is required for the server to pick the variant: set it explicitly.
      const tag = { kind: 'string' as const, enum: [mapped.value] };
      const properties = resolved.properties.filter((p) => p.name !== node.discriminator!.property);
      return {
        ...resolved,
        properties: [
          {
            name: node.discriminator!.property,
            type: tag,
            required: true,
            readOnly: false,
            writeOnly: false,
          },
          ...properties,
        ],
      };
    }
    return variant;
  }
  return undefined;
}

function scalar(
  node: TypeNode & { kind: 'string' | 'integer' | 'number' | 'boolean' | 'null' },
  name: string,
): Example {
  if (node.kind === 'null') return { kind: 'null' };
  // An empty string is valid for most string schemas and useless as an example (`/buckets//usage`).
  // The model keeps only valid examples, but its check does not run patterns.
  const fitsPattern = (text: unknown) =>
    node.kind !== 'string' || !node.pattern || typeof text !== 'string' || matchesPattern(text, node.pattern);
  if (node.example !== undefined && node.example !== null && node.example !== '' && fitsPattern(node.example))
    return coerce(node.kind, node.example, false);
  const first = node.enum?.find((v) => v !== null);
  if (first !== undefined) return coerce(node.kind, first, true);
  if (node.kind === 'boolean') return { kind: 'boolean', value: true };
  if (node.kind !== 'string') return { kind: node.kind, value: numberWithin(node, node.kind === 'integer') };
  const format = node.format && FORMAT_VALUES.find(([re]) => re.test(node.format!));
  const readable = [...(format ? [format[1]] : []), lengthWithin(placeholder(name), node)];
  const value =
    readable.find(fitsPattern) ?? stringForPattern(node.pattern!) ?? readable[readable.length - 1];
  return { kind: 'string', value };
}

/** 1, or the nearest value the schema's bounds allow. */
function numberWithin(node: { minimum?: number; maximum?: number }, integer: boolean): number {
  let value = 1;
  if (node.minimum !== undefined && value < node.minimum)
    value = integer ? Math.ceil(node.minimum) : node.minimum;
  if (node.maximum !== undefined && value > node.maximum)
    value = integer ? Math.floor(node.maximum) : node.maximum;
  return Number.isFinite(value) ? value : 1;
}

/** The placeholder cut or padded to the schema's length bounds. */
function lengthWithin(text: string, node: { minLength?: number; maxLength?: number }): string {
  const padded =
    node.minLength !== undefined && text.length < node.minLength ? text.padEnd(node.minLength, '_') : text;
  return node.maxLength !== undefined && node.maxLength >= 0 ? padded.slice(0, node.maxLength) : padded;
}

/** A value of the node's own kind (an example of `integer` given as "5" stays a number). */
function coerce(kind: 'string' | 'integer' | 'number' | 'boolean', value: unknown, isEnum: boolean): Example {
  if (kind === 'boolean') return { kind, value: value === true || value === 'true' };
  if (kind === 'integer' || kind === 'number') {
    const n = Number(value);
    return {
      kind,
      value: !Number.isFinite(n) ? 0 : kind === 'integer' ? (Number.isSafeInteger(n) ? n : 0) : n,
    };
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return isEnum ? { kind, value: text, enum: true } : { kind, value: text };
}

/** A JSON value from the spec (an example) as an example tree. */
export function fromJson(value: unknown): Example {
  if (value === null || value === undefined) return { kind: 'null' };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number')
    return Number.isSafeInteger(value)
      ? { kind: 'integer', value }
      : { kind: 'number', value: Number.isFinite(value) ? value : 0 };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(fromJson) };
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => ({
      name: k,
      value: fromJson(v),
    }));
    return { kind: 'object', fields, free: true };
  }
  return { kind: 'string', value: String(value) };
}

const isObjectLike = (node: TypeNode) =>
  node.kind === 'object' || node.kind === 'union' || node.kind === 'intersection';

/** The readable stand-in for a string nothing in the spec describes: its own name. */
function placeholder(name: string): string {
  return name.trim() || 'value';
}

/** The example as plain JSON (what the API receives), for curl bodies and checks. */
export function toJson(example: Example): unknown {
  switch (example.kind) {
    case 'null':
      return null;
    case 'file':
      return `@${example.path}`;
    case 'array':
      return example.items.map(toJson);
    case 'object':
      return Object.fromEntries(example.fields.map((f) => [f.name, toJson(f.value)]));
    default:
      return example.value;
  }
}

/** True when the example uploads a file somewhere inside. */
export function hasUpload(example: Example): boolean {
  if (example.kind === 'file') return true;
  if (example.kind === 'array') return example.items.some(hasUpload);
  if (example.kind === 'object') return example.fields.some((f) => hasUpload(f.value));
  return false;
}
