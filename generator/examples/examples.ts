/**
 * Example values, built from the model once per operation and rendered by every language, so the six
 * skills of a product show the same values (docs/SKILLS.md, "Examples"): the spec's example when the
 * model kept it (it keeps only valid ones) and it is not a placeholder, else the first enum value,
 * else a realistic value from the format, name and description (realistic.ts), each kept only when
 * it fits the schema's pattern and bounds (else a string generated from the pattern). Only required
 * fields are filled, recursively (plus the first optional one where the schema or the caller needs a
 * non-empty object); readOnly fields never.
 */
import type { NamedType, Property, TypeNode } from '../model/index.ts';
import { fromJson, type Example, type ExampleField } from './example.ts';
import { matchesPattern, satisfies } from './match.ts';
import { stringForPattern } from './pattern.ts';
import { placeholderIn, realisticString, subjectOf } from './realistic.ts';
import { MAX_EXAMPLE_COPIES, MAX_EXAMPLE_ITEMS, MAX_EXAMPLE_LENGTH } from './limits.ts';

// Re-exported: the renderers of every language import the values' type with the builder.
export type { Example, ExampleField } from './example.ts';
export { fromJson, hasUpload, toJson } from './example.ts';

export interface ExampleEnv {
  resolve: (n: TypeNode) => TypeNode;
  types: ReadonlyMap<string, NamedType>;
}

/** Where uploads are read from in every example. */
export const UPLOAD_PATH = 'path/to/file';

const MAX_DEPTH = 8;

export interface ExampleOptions {
  /** Inside a multipart or binary body: `format: binary` strings are file uploads. */
  upload?: boolean;
  /** The top-level object must not be empty (a required body): one optional field is filled then. */
  nonEmpty?: boolean;
  /** What the value is, when the schema does not say (a parameter's own description). */
  description?: string;
}

/** The example for a schema; `name` is the field or parameter name, for values the spec does not give. */
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
    ...(options.description ? { description: options.description } : {}),
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
  /** The description of the value being built, from a parameter or a `$ref` that carries one. */
  description?: string;
  /** The resource whose fields are being filled (`Messaging Profile`), for `name`-like values. */
  subject?: string;
  /** The resource a component `$ref` names, for the object it resolves to. */
  pending?: string;
  /** How many times the enclosing arrays repeat this value (absent: once). */
  copies?: number;
}

/** Holders whose name says nothing about the resource (`filter[name]` is not "My Filter"). */
const BLAND_HOLDER = /^(body|filter|page|sort|data|params|query|options|metadata)$/;

/** Deep-object operators (`filter[phone_number][contains]`): the value is the holder's kind. */
const OPERATOR = /^(eq|ne|neq|not|gt|gte|lt|lte|in|nin|contains|starts_with|ends_with|like|ilike|equals)$/;

function build(node: TypeNode, name: string, env: ExampleEnv, walk: Walk): Example {
  if (node.kind === 'ref') {
    if (walk.seen.has(node.name) || walk.depth > MAX_DEPTH) return { kind: 'null' };
    const named = env.types.get(node.name);
    const inner: Walk = {
      ...walk,
      depth: walk.depth + 1,
      seen: new Set([...walk.seen, node.name]),
      description: node.description ?? walk.description,
      pending: named?.origin === 'component' ? subjectOf(node.name) : undefined,
    };
    const value =
      usable(node.example, name) && !isObjectLike(env.resolve(node))
        ? fromJson(node.example)
        : build(env.resolve(node), name, env, inner);
    return value.kind === 'object' && named?.origin === 'component' && !value.free
      ? { ...value, ref: node.name }
      : value;
  }
  switch (node.kind) {
    case 'string':
      if (walk.upload && node.format === 'binary') return { kind: 'file', path: UPLOAD_PATH };
      return scalar(node, name, walk);
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
      return scalar(node, name, walk);
    case 'array': {
      const copies = walk.copies ?? 1;
      const wanted = Math.max(1, node.minItems ?? 0);
      const count = Math.max(1, Math.min(wanted, MAX_EXAMPLE_ITEMS, Math.floor(MAX_EXAMPLE_COPIES / copies)));
      const fits = Array.isArray(node.example) && node.example.length >= wanted && usable(node.example, name);
      if (fits && !isObjectLike(env.resolve(node.items))) return fromJson(node.example);
      // `minItems: 2` needs two: the same item twice is valid unless `uniqueItems`, which no spec
      // array with minItems above 1 declares.
      const description = node.description ?? walk.description;
      const item = build(node.items, name, env, {
        ...walk,
        depth: walk.depth + 1,
        nonEmpty: false,
        description,
        copies: copies * count,
      });
      return { kind: 'array', items: Array.from({ length: count }, () => item) };
    }
    case 'object':
      return objectExample(node, name, env, {
        ...walk,
        subject: walk.pending ?? (BLAND_HOLDER.test(name) ? undefined : subjectOf(name)),
      });
    case 'union':
      return unionExample(node, name, env, walk);
    case 'intersection': {
      const merged = env.resolve(node);
      return build(merged.kind === 'intersection' ? node.parts[0] : merged, name, env, walk);
    }
    case 'unknown':
      return usable(node.example, name)
        ? fromJson(node.example)
        : { kind: 'string', value: realisticString(fieldOf(node, name, walk)) };
  }
}

function objectExample(
  node: TypeNode & { kind: 'object' },
  name: string,
  env: ExampleEnv,
  walk: Walk,
): Example {
  if (node.properties.length === 0) {
    // A free-form map: the spec's example says more than an empty object would.
    return node.example !== undefined ? fromJson(node.example) : { kind: 'object', fields: [], free: true };
  }
  const inner: Walk = {
    ...walk,
    depth: walk.depth + 1,
    nonEmpty: false,
    description: undefined,
    pending: undefined,
  };
  const writable = node.properties.filter((p) => !p.readOnly);
  const field = (p: Property): ExampleField => ({
    name: p.name,
    value: build(p.type, OPERATOR.test(p.name) ? name : p.name, env, inner),
  });
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
  if (usable(node.example, name) && !node.variants.some((v) => isObjectLike(env.resolve(v))))
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
  walk: Walk,
): Example {
  if (node.kind === 'null') return { kind: 'null' };
  // An empty string is valid for most string schemas and useless as an example (`/buckets//usage`).
  // The model keeps only valid examples, but its check does not run patterns.
  const fitsPattern = (text: unknown) =>
    node.kind !== 'string' || !node.pattern || typeof text !== 'string' || matchesPattern(text, node.pattern);
  if (usable(node.example, name) && node.example !== '' && fitsPattern(node.example))
    return coerce(node.kind, node.example, false);
  const first = node.enum?.find((v) => v !== null);
  if (first !== undefined) return coerce(node.kind, first, true);
  if (node.kind === 'boolean') return { kind: 'boolean', value: true };
  if (node.kind !== 'string') return { kind: node.kind, value: numberWithin(node, node.kind === 'integer') };
  const readable = lengthWithin(realisticString(fieldOf(node, name, walk)), node);
  const value = fitsPattern(readable) ? readable : (stringForPattern(node.pattern!) ?? readable);
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

/** The value cut or padded to the schema's length bounds. */
function lengthWithin(text: string, node: { minLength?: number; maxLength?: number }): string {
  const min = Math.min(node.minLength ?? 0, MAX_EXAMPLE_LENGTH);
  const padded = text.length < min ? text.padEnd(min, '_') : text;
  if (node.maxLength === undefined || node.maxLength < 0 || padded.length <= node.maxLength) return padded;
  // Cut at the bound without a dangling separator (`my-field` in 3 is `my`, not `my-`).
  const cut = padded.slice(0, node.maxLength);
  const tidy = cut.replace(/[\s_.,:-]+$/, '');
  return tidy.length >= Math.max(min, 1) ? tidy : cut;
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

const isObjectLike = (node: TypeNode) =>
  node.kind === 'object' || node.kind === 'union' || node.kind === 'intersection';

/** What realistic.ts reads of a field: its name, format, description and resource. */
function fieldOf(node: TypeNode, name: string, walk: Walk) {
  return {
    name: name.trim() || 'value',
    ...('format' in node && node.format ? { format: node.format } : {}),
    ...(node.description || walk.description ? { description: node.description ?? walk.description } : {}),
    ...(walk.subject ? { subject: walk.subject } : {}),
  };
}

/** A spec example worth showing: there, not null, and no placeholder (`to: ['+E.164']`). */
const usable = (example: unknown, name: string): boolean =>
  example !== undefined && example !== null && placeholderIn(example, name) === undefined;
