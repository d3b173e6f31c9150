/**
 * OpenAPI parameter -> model Parameter, with its wire style resolved once. Every later reader (the
 * runtime layout, curl, the docs' Optional lists, pagination detection) takes `style` as decided
 * here and never looks at the spec's style/explode again.
 */
import { isPlainObject } from '../util/objects.ts';
import { getAt } from '../load/refs.ts';
import { convertSchema, type SchemaContext } from './schemas.ts';
import type { Parameter, ParamStyle, TypeNode } from './types.ts';

const DELIMITED: Record<string, ParamStyle> = {
  spaceDelimited: 'space-delimited',
  pipeDelimited: 'pipe-delimited',
};

/**
 * The wire style. OpenAPI defaults query to form/explode and path/header to simple. The Telnyx
 * convention on top: an object query parameter declared without a style (or as form/explode, which
 * would spread its keys as top-level parameters) is a deep object: the API reads `page[number]`,
 * and 10 parameters of the spec leave the style out (lint: object-query-parameter-style).
 */
export function wireStyle(
  location: Parameter['in'],
  declared: { style?: unknown; explode?: unknown },
  type: TypeNode,
): ParamStyle {
  if (location === 'path' || location === 'header') return 'simple';
  const style = typeof declared.style === 'string' ? declared.style : 'form';
  const explode = typeof declared.explode === 'boolean' ? declared.explode : style === 'form';
  if (style === 'deepObject') return 'deep-object';
  // Delimited styles exploded are plain repeated keys (OpenAPI: explode applies only to form).
  if (DELIMITED[style]) return explode ? 'form' : DELIMITED[style];
  if (type.kind === 'object' && explode) return 'deep-object';
  return explode ? 'form' : 'form-comma';
}

/** True when the style came from the convention, not from the spec (a lint finding says so). */
export function styleByConvention(raw: { style?: unknown }, param: Parameter): boolean {
  return param.in === 'query' && param.style === 'deep-object' && raw.style !== 'deepObject';
}

export function toParameter(
  ctx: SchemaContext,
  raw: any,
  at: string,
  resolve: (n: TypeNode) => TypeNode,
): Parameter {
  const location = raw.in as Parameter['in'];
  const type = convertSchema(ctx, raw.schema, { pointer: `${at}/schema` });
  const param: Parameter = {
    name: raw.name,
    in: location,
    required: location === 'path' || raw.required === true,
    type,
    deprecated: raw.deprecated === true,
    style: wireStyle(location, raw, resolve(type)),
  };
  if (typeof raw.description === 'string') param.description = raw.description;
  const example = exampleOf(ctx.spec, raw);
  if (example.found) param.example = example.value;
  return param;
}

/** `example`, else the first entry of the `examples` map (an Example Object, possibly a $ref). */
function exampleOf(spec: any, raw: any): { found: boolean; value?: unknown } {
  if ('example' in raw) return { found: true, value: raw.example };
  if (!isPlainObject(raw.examples)) return { found: false };
  for (const entry of Object.values<any>(raw.examples)) {
    let node = entry;
    for (let i = 0; i < 20 && isPlainObject(node) && typeof node.$ref === 'string'; i++)
      node = getAt(spec, node.$ref.slice(1));
    if (isPlainObject(node) && 'value' in node) return { found: true, value: node.value };
  }
  return { found: false };
}

/**
 * Query keys as they go on the wire: a deep object's members become `name[member]`; anything else is
 * its own name. Pagination detection matches styles against these.
 */
export function wireKeys(params: Parameter[], resolve: (n: TypeNode) => TypeNode): Set<string> {
  const keys = new Set<string>();
  for (const p of params) {
    if (p.in !== 'query') continue;
    const type = resolve(p.type);
    if (p.style === 'deep-object' && type.kind === 'object' && type.properties.length > 0)
      for (const member of type.properties) keys.add(`${p.name}[${member.name}]`);
    else keys.add(p.name);
  }
  return keys;
}
