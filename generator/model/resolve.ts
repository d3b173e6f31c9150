/**
 * Looking through named references in the model: `ref` -> its named type, and an `allOf` of objects
 * -> one object with all their properties. For questions like "which fields does this body have".
 */
import type { NamedType, ObjectNode, Property, TypeNode } from './types.ts';

export function makeResolver(types: Map<string, NamedType>) {
  const resolve = (node: TypeNode, depth = 0): TypeNode => {
    if (depth > 30) return { kind: 'unknown' };
    if (node.kind === 'ref') {
      const named = types.get(node.name);
      return named ? resolve(named.type, depth + 1) : { kind: 'unknown' };
    }
    if (node.kind === 'intersection') {
      const parts = node.parts.map((p) => resolve(p, depth + 1));
      if (parts.every((p) => p.kind === 'object')) return mergeObjects(parts as ObjectNode[], node);
    }
    return node;
  };
  return resolve;
}

function mergeObjects(parts: ObjectNode[], from: TypeNode): ObjectNode {
  const byName = new Map<string, Property>();
  for (const part of parts) {
    for (const prop of part.properties) {
      const seen = byName.get(prop.name);
      byName.set(prop.name, seen ? { ...prop, required: seen.required || prop.required } : prop);
    }
  }
  // A part may require a property another part declares (`allOf: [Base, {required: [name]}]`).
  const elsewhere = new Set(parts.flatMap((p) => p.requiresElsewhere ?? []));
  for (const [name, prop] of byName) if (elsewhere.has(name)) byName.set(name, { ...prop, required: true });
  const merged: ObjectNode = { kind: 'object', properties: [...byName.values()] };
  const minProperties = Math.max(0, ...parts.map((p) => p.minProperties ?? 0));
  if (minProperties > 0) merged.minProperties = minProperties;
  if (from.description) merged.description = from.description;
  if (from.nullable) merged.nullable = true;
  return merged;
}
