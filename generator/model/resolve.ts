/**
 * Looking through named references in the model: `ref` -> its named type, an `allOf` of objects -> one
 * object with all their properties, and objects beside a union of objects -> a union of merged objects.
 * For questions like "which fields does this body have".
 */
import type { NamedType, ObjectNode, Property, TypeNode, UnionNode } from './types.ts';

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
      // Objects beside one undiscriminated union of objects (`properties` next to `oneOf`): each
      // variant is the objects merged with it, so a body's fields stay visible variant by variant.
      const unions = parts.filter((p): p is UnionNode => p.kind === 'union');
      const objects = parts.filter((p): p is ObjectNode => p.kind === 'object');
      const [union] = unions;
      if (unions.length === 1 && objects.length === parts.length - 1 && !union.discriminator) {
        const variants = union.variants.map((v) => resolve(v, depth + 1));
        if (variants.every((v) => v.kind === 'object')) {
          const merged: UnionNode = {
            kind: 'union',
            variants: variants.map((v) =>
              requiredInVariant(mergeObjects([...objects, v as ObjectNode], {}), v as ObjectNode),
            ),
          };
          if (node.description) merged.description = node.description;
          if (node.nullable || union.nullable) merged.nullable = true;
          if (union.anyOf) merged.anyOf = true;
          return merged;
        }
      }
    }
    return node;
  };
  return resolve;
}

function mergeObjects(parts: ObjectNode[], from: Pick<TypeNode, 'description' | 'nullable'>): ObjectNode {
  const byName = new Map<string, Property>();
  // A part that forbids a property (`not: {}`) takes it out of what the others declare.
  const forbidden = [...new Set(parts.flatMap((p) => p.forbidden ?? []))].sort();
  for (const part of parts) {
    for (const prop of part.properties) {
      if (forbidden.includes(prop.name)) continue;
      const seen = byName.get(prop.name);
      byName.set(prop.name, seen ? mergeRequired(prop, seen.required || prop.required, [seen, prop]) : prop);
    }
  }
  // A part may require a property another part declares (`allOf: [Base, {required: [name]}]`).
  const elsewhere = new Set(parts.flatMap((p) => p.requiresElsewhere ?? []));
  for (const [name, prop] of byName)
    if (elsewhere.has(name) && !prop.required)
      byName.set(name, { ...prop, required: true, requiredByComposition: 'always' });
  const merged: ObjectNode = { kind: 'object', properties: [...byName.values()] };
  const minProperties = Math.max(0, ...parts.map((p) => p.minProperties ?? 0));
  if (minProperties > 0) merged.minProperties = minProperties;
  if (forbidden.length) merged.forbidden = forbidden;
  if (from.description) merged.description = from.description;
  if (from.nullable) merged.nullable = true;
  return merged;
}

/** A property required by any of `sources`; by composition only when none requires it itself. */
function mergeRequired(prop: Property, required: boolean, sources: Property[]): Property {
  const { requiredByComposition: _, ...rest } = prop;
  const own = sources.some((p) => p.required && !p.requiredByComposition);
  const by = sources.find((p) => p.required)?.requiredByComposition ?? 'always';
  return required && !own ? { ...rest, required, requiredByComposition: by } : { ...rest, required };
}

/** What a union's variant requires by composition (`anyOf: [{required: [url]}, ...]`) it requires alone. */
function requiredInVariant(merged: ObjectNode, variant: ObjectNode): ObjectNode {
  const own = new Set(variant.requiresElsewhere ?? []);
  if (!own.size) return merged;
  const properties = merged.properties.map((p): Property =>
    own.has(p.name) && p.requiredByComposition ? { ...p, requiredByComposition: 'variant' } : p,
  );
  return { ...merged, properties };
}
