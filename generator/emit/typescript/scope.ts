/**
 * Read/write scope of named types (RUNTIME.md: readOnly fields never in params, writeOnly never in
 * responses): which shared model types must be spelled out in place in each mode.
 */
import type { NamedType, Property, TypeNode } from '../../model/index.ts';

/**
 * Named types that carry a field a mode must hide, directly or through the types they reference:
 * `input` = has readOnly fields (never offered in params), `output` = has writeOnly fields (never
 * shown in responses). Shared models keep every field; these are spelled out where used instead.
 */
export function scopedTypes(types: readonly NamedType[]): { input: Set<string>; output: Set<string> } {
  const refs = new Map<string, Set<string>>();
  const collect = (node: TypeNode, into: Set<string>) => {
    if (node.kind === 'ref') into.add(node.name);
    else if (node.kind === 'array') collect(node.items, into);
    else if (node.kind === 'object') {
      node.properties.forEach((p) => collect(p.type, into));
      if (node.additional && node.additional !== true) collect(node.additional, into);
    } else if (node.kind === 'union') node.variants.forEach((v) => collect(v, into));
    else if (node.kind === 'intersection') node.parts.forEach((p) => collect(p, into));
  };
  for (const t of types) collect(t.type, refs.set(t.name, new Set()).get(t.name)!);
  const closure = (seed: (p: Property) => boolean) => {
    const found = new Set(types.filter((t) => hasProperty(t.type, seed)).map((t) => t.name));
    for (let grew = true; grew;) {
      grew = false;
      for (const [name, targets] of refs) {
        if (!found.has(name) && [...targets].some((t) => found.has(t))) (found.add(name), (grew = true));
      }
    }
    return found;
  };
  return { input: closure((p) => p.readOnly), output: closure((p) => p.writeOnly) };
}

function hasProperty(node: TypeNode, test: (p: Property) => boolean): boolean {
  if (node.kind === 'object') return node.properties.some(test);
  if (node.kind === 'intersection') return node.parts.some((p) => hasProperty(p, test));
  if (node.kind === 'union') return node.variants.some((v) => hasProperty(v, test));
  return false;
}
