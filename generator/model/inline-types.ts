/**
 * Inline objects become named types: an inline object (or array of them) with properties, found under
 * a component, is hoisted into the named types as `Owner.property` (or a union variant's name), and
 * its use site becomes a `ref` (model/schemas.ts decides the names; this moves the shapes).
 */
import type { NamedType, TypeNode } from './types.ts';

/** An inline object (or array of them) with properties becomes a named type under its owner. */
export function hoistInline(
  types: Map<string, NamedType>,
  type: TypeNode,
  name: string,
  pointer: string,
): TypeNode {
  if (type.kind === 'array')
    return { ...type, items: hoistInline(types, type.items, name, pointer + '/items') };
  if (type.kind !== 'object' || type.properties.length === 0 || types.has(name)) return type;
  const { nullable, description, deprecated, example, default: def, ...shape } = type;
  types.set(name, { name, origin: 'inline', pointer, type: shape });
  const ref: TypeNode = { kind: 'ref', name };
  if (nullable) ref.nullable = true;
  if (description) ref.description = description;
  if (deprecated) ref.deprecated = true;
  return ref;
}

/** A hoisted variant's description documents its named type (a union member has no doc of its own). */
export function variantDoc(types: Map<string, NamedType>, node: TypeNode): TypeNode {
  const target = node.kind === 'array' ? node.items : node;
  if (target.kind !== 'ref' || !target.description) return node;
  const named = types.get(target.name);
  if (named?.origin === 'inline' && !named.type.description)
    named.type = { ...named.type, description: target.description };
  const { description: _d, ...ref } = target;
  return node.kind === 'array' ? { ...node, items: ref } : ref;
}
