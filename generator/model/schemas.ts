/**
 * Raw OpenAPI 3.x schema -> model TypeNode. Component schemas become named types and every `$ref` to
 * one stays a `ref` node, so cycles never unroll. Inline objects with properties found inside a
 * component are hoisted to named types called `Owner.property` (nested names for the emitters;
 * inline-types.ts moves them).
 */
import { isPlainObject } from '../util/objects.ts';
import { pointerOf } from '../errors.ts';
import { getAt } from '../load/refs.ts';
import { exampleProblem } from '../load/validate-example.ts';
import { variantNames } from './variants.ts';
import { hoistInline, variantDoc } from './inline-types.ts';
import type { ArrayNode, NamedType, ObjectNode, Property, ScalarNode, TypeNode } from './types.ts';

const COMPONENT_PREFIX = '#/components/schemas/';

export interface SchemaContext {
  spec: any;
  /** Named types by model name. */
  types: Map<string, NamedType>;
  /** Non-component refs being expanded (guards cycles through refs into paths or properties). */
  expanding: Set<string>;
  /** Findings the model makes about the spec (located and reported by buildModel). */
  notes: { rule: string; message: string; pointer: string }[];
}

export function newSchemaContext(spec: any): SchemaContext {
  return { spec, types: new Map(), expanding: new Set(), notes: [] };
}

/** Converts every component schema into a named type. */
export function convertComponents(ctx: SchemaContext): void {
  const schemas = ctx.spec.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) {
    const pointer = pointerOf(['components', 'schemas', name]);
    ctx.types.set(name, { name, origin: 'component', pointer, type: { kind: 'unknown' } });
  }
  for (const name of Object.keys(schemas).sort()) {
    const named = ctx.types.get(name)!;
    named.type = convertSchema(ctx, schemas[name], { owner: name, pointer: named.pointer, root: true });
  }
}

interface Where {
  /** Named type this schema belongs to (inline objects get hoisted under it); absent for operations. */
  owner?: string;
  /** The schema is the owner's own (not a property's): its union variants nest under the owner. */
  root?: boolean;
  pointer: string;
}

export function convertSchema(ctx: SchemaContext, raw: unknown, where: Where): TypeNode {
  if (!isPlainObject(raw)) return { kind: 'unknown' }; // absent, `true` or `false`: nothing to type
  const schema = raw as Record<string, any>;
  if (typeof schema.$ref === 'string') return refWithSiblings(ctx, schema, where);
  const node = convertShape(ctx, schema, where);
  if (
    schema.nullable === true ||
    (Array.isArray(schema.type) && schema.type.includes('null') && node.kind !== 'null')
  ) {
    node.nullable = true;
  }
  if (typeof schema.description === 'string') node.description = schema.description;
  if (schema.deprecated === true) node.deprecated = true;
  if ('default' in schema) node.default = schema.default;
  if ('example' in schema && !exampleProblem(schema.example, schema, (r) => getAt(ctx.spec, r.slice(1)))) {
    node.example = schema.example;
  }
  return node;
}

function convertRef(ctx: SchemaContext, schema: Record<string, any>, where: Where): TypeNode {
  const ref: string = schema.$ref;
  // 3.1 allows siblings next to $ref; the ones that matter for a use site are kept on the ref node.
  const extra = {
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    ...(schema.nullable === true ? { nullable: true } : {}),
    ...(schema.deprecated === true ? { deprecated: true } : {}),
  };
  if (ref.startsWith(COMPONENT_PREFIX) && !ref.slice(COMPONENT_PREFIX.length).includes('/')) {
    const name = ref.slice(COMPONENT_PREFIX.length).replace(/~1/g, '/').replace(/~0/g, '~');
    return { kind: 'ref', name, ...extra };
  }
  if (ctx.expanding.has(ref)) return { kind: 'unknown', ...extra };
  ctx.expanding.add(ref);
  const node = convertSchema(ctx, getAt(ctx.spec, ref.slice(1)), { ...where, pointer: ref.slice(1) });
  ctx.expanding.delete(ref);
  return { ...node, ...extra };
}

/**
 * `additionalProperties` beside a `$ref` (3.1 applies siblings too: `suggested: {$ref: Address,
 * additionalProperties: true}`) opens the referenced object to other keys: the ref intersected with
 * an index signature, the use site's description and nullability moved onto the intersection.
 */
function refWithSiblings(ctx: SchemaContext, schema: Record<string, any>, where: Where): TypeNode {
  const ref = convertRef(ctx, schema, where);
  const extra = schema.additionalProperties;
  if (ref.kind !== 'ref' || (extra !== true && !isPlainObject(extra))) return ref;
  // The keyword applies to objects only: beside a string or an array it constrains nothing.
  const target = getAt(ctx.spec, schema.$ref.slice(1));
  const isObject =
    isPlainObject(target) &&
    (target.type === 'object' || isPlainObject(target.properties) || Array.isArray(target.allOf));
  if (!isObject) return ref;
  const { description, nullable, deprecated, ...bare } = ref;
  const open: ObjectNode = {
    kind: 'object',
    properties: [],
    additional:
      extra === true || Object.keys(extra).length === 0
        ? true
        : convertSchema(ctx, extra, { ...where, pointer: where.pointer + '/additionalProperties' }),
  };
  return {
    kind: 'intersection',
    parts: [bare, open],
    ...(description !== undefined ? { description } : {}),
    ...(nullable ? { nullable } : {}),
    ...(deprecated ? { deprecated } : {}),
  };
}

function convertShape(ctx: SchemaContext, schema: Record<string, any>, where: Where): TypeNode {
  const sub = (raw: unknown, ...segments: (string | number)[]) =>
    convertSchema(ctx, raw, { ...where, pointer: where.pointer + pointerOf(segments) });
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part: unknown, i: number) => sub(part, 'allOf', i));
    if (schema.properties || schema.required || schema.minProperties)
      parts.push(objectNode(ctx, schema, where));
    return parts.length === 1 ? parts[0] : { kind: 'intersection', parts };
  }
  const variantsKey = Array.isArray(schema.oneOf)
    ? 'oneOf'
    : Array.isArray(schema.anyOf)
      ? 'anyOf'
      : undefined;
  if (variantsKey) {
    // Properties declared beside oneOf/anyOf hold for every variant (JSON Schema applies all keywords):
    // they become an allOf part, and variants that only add `required` or forbid a field are objects.
    const declares = isPlainObject(schema.properties) && Object.keys(schema.properties).length > 0;
    const asObject = (v: unknown) =>
      declares && isPlainObject(v) && !v.$ref && !v.type && !v.allOf && !v.oneOf && !v.anyOf
        ? { type: 'object', ...v }
        : v;
    const variants = convertVariants(ctx, schema[variantsKey].map(asObject), where, variantsKey);
    const nonNull = variants.filter((v) => v.kind !== 'null');
    let union: TypeNode;
    if (nonNull.length === 1 && !schema.discriminator)
      union = { ...nonNull[0], ...(nonNull.length < variants.length ? { nullable: true } : {}) };
    else {
      union = {
        kind: 'union',
        variants: nonNull,
        ...(nonNull.length < variants.length ? { nullable: true } : {}),
        ...(variantsKey === 'anyOf' ? { anyOf: true as const } : {}),
      };
      if (isPlainObject(schema.discriminator) && typeof schema.discriminator.propertyName === 'string') {
        const mapping = Object.entries<string>((schema.discriminator.mapping ?? {}) as Record<string, string>)
          .map(([value, target]) => ({
            value,
            type: target.startsWith(COMPONENT_PREFIX) ? target.slice(COMPONENT_PREFIX.length) : target,
          }))
          .sort((a, b) => a.value.localeCompare(b.value));
        union.discriminator = { property: schema.discriminator.propertyName, mapping };
      }
    }
    return declares
      ? { kind: 'intersection', parts: [besideVariants(objectNode(ctx, schema, where)), union] }
      : union;
  }
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter(
    (t: string) => t !== 'null',
  );
  if (types.length > 1) {
    return {
      kind: 'union',
      variants: types.map((t: string) => convertShape(ctx, { ...schema, type: t }, where)),
    };
  }
  // `type: null` alone (3.1's way to write a oneOf's null member) is the null type, not "unknown".
  const onlyNull = schema.type === 'null' || (Array.isArray(schema.type) && schema.type.join() === 'null');
  const type: string | undefined = types[0] ?? (onlyNull ? 'null' : inferType(schema));
  if (type === 'object') return objectNode(ctx, schema, where);
  if (type === 'array') {
    const node: ArrayNode = { kind: 'array', items: sub(schema.items, 'items') };
    if (typeof schema.minItems === 'number' && schema.minItems > 0) node.minItems = schema.minItems;
    if (typeof schema.maxItems === 'number') node.maxItems = schema.maxItems;
    return node;
  }
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean' || type === 'null') {
    const node: ScalarNode = { kind: type };
    if (typeof schema.format === 'string' && schema.format) node.format = schema.format;
    if (typeof schema.pattern === 'string') node.pattern = schema.pattern;
    for (const key of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
      if (typeof schema[key] === 'number') node[key] = schema[key];
    }
    if (Array.isArray(schema.enum))
      node.enum = schema.enum.filter((v: unknown) => v === null || typeof v !== 'object');
    else if ('const' in schema) node.enum = [schema.const];
    return node;
  }
  return { kind: 'unknown' };
}

/** The object beside oneOf/anyOf: what it requires, it requires through the composition. */
function besideVariants(node: TypeNode): TypeNode {
  if (node.kind !== 'object') return node;
  const properties = node.properties.map((p) =>
    p.required ? { ...p, requiredByComposition: 'always' as const } : p,
  );
  return { ...node, properties };
}

function inferType(schema: Record<string, any>): string | undefined {
  if (schema.properties || schema.additionalProperties !== undefined) return 'object';
  if (schema.items) return 'array';
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : [];
  const first = values.find((v: unknown) => v !== null);
  return first === undefined ? undefined : typeof first === 'number' ? 'number' : typeof first;
}

function objectNode(ctx: SchemaContext, schema: Record<string, any>, where: Where): TypeNode {
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
  // `Url: {not: {}}` matches no value: the property must be absent, so it is no property at all.
  const forbids = (raw: unknown) =>
    isPlainObject(raw) &&
    isPlainObject(raw.not) &&
    Object.keys(raw.not).length === 0 &&
    Object.keys(raw).every((k) => k === 'not' || k === 'description');
  const declared = Object.entries<any>(schema.properties ?? {});
  const forbidden = declared.filter(([, raw]) => forbids(raw)).map(([name]) => name);
  const properties: Property[] = declared
    .filter(([, raw]) => !forbids(raw))
    .map(([name, raw]) => {
      const pointer = where.pointer + pointerOf(['properties', name]);
      const flags =
        isPlainObject(raw) && typeof raw.$ref === 'string'
          ? { ...(getAt(ctx.spec, raw.$ref.slice(1)) as object), ...raw }
          : (raw ?? {});
      const owner = where.owner && `${where.owner}.${name}`;
      let type = convertSchema(ctx, raw, { owner, pointer });
      if (owner) type = hoistInline(ctx.types, type, owner, pointer);
      const property: Property = {
        name,
        type,
        required: required.has(name),
        readOnly: flags.readOnly === true,
        writeOnly: flags.writeOnly === true,
      };
      // The spec's own name for the field in SDK params (`Timeout` -> `timeout_seconds`).
      const sdkName = (flags as Record<string, unknown>)['x-stainless-param'];
      if (typeof sdkName === 'string' && /^[A-Za-z_$][\w$]*$/.test(sdkName)) property.sdkName = sdkName;
      return property;
    });
  const node: ObjectNode = { kind: 'object', properties };
  const elsewhere = [...required].filter((name) => !properties.some((p) => p.name === name));
  if (elsewhere.length) node.requiresElsewhere = elsewhere.sort();
  if (typeof schema.minProperties === 'number' && schema.minProperties > 0)
    node.minProperties = schema.minProperties;
  if (forbidden.length) node.forbidden = forbidden.sort();
  const extra = schema.additionalProperties;
  if (extra === true || (isPlainObject(extra) && Object.keys(extra).length === 0)) node.additional = true;
  else if (isPlainObject(extra))
    node.additional = convertSchema(ctx, extra, {
      ...where,
      pointer: where.pointer + '/additionalProperties',
    });
  else if (extra === undefined && properties.length === 0) {
    node.additional = true;
    node.additionalImplied = true;
  }
  return node;
}

/**
 * A union's variants. With an owner, its inline object variants become named types too: the only one
 * of a property takes the property's name, several get `<property>_<label>`, and those of a schema's
 * own union nest under it as `<owner>.<label>` (labels: variants.ts). A first pass without an owner
 * (which hoists nothing) finds the labels, so that what a variant nests is named under the variant.
 */
function convertVariants(ctx: SchemaContext, raws: unknown[], where: Where, key: string): TypeNode[] {
  const at = (i: number) => where.pointer + pointerOf([key, i]);
  const owner = where.owner;
  const probe = owner ? raws.map((raw, i) => convertSchema(ctx, raw, { pointer: at(i) })) : [];
  // `oneOf: [X, null]` is X itself, nullable: no union, so no member to name.
  const isUnion = probe.filter((v) => v.kind !== 'null').length > 1;
  const names = !owner || !isUnion ? [] : where.root ? variantNames(probe) : variantNames(probe, owner);
  return raws.map((raw, i) => {
    const named = names[i];
    if (!owner || named === undefined) return convertSchema(ctx, raw, { ...where, pointer: at(i) });
    const name = where.root ? `${owner}.${named}` : named;
    const node = convertSchema(ctx, raw, { owner: name, pointer: at(i) });
    return variantDoc(ctx.types, hoistInline(ctx.types, node, name, at(i)));
  });
}
