/**
 * Which variant of a union became which: a union's variants carry no identity of their own, so old
 * and new are paired by name where they are named types, else by likeness.
 */
import type { TypeNode } from '../model/index.ts';

type Resolve = (node: TypeNode) => TypeNode;

/**
 * Old and new variants paired: the same named type first, then the closest of the same kind
 * (objects by shared field names), each at most once. Indices into the two lists.
 */
export function matchVariants(ov: TypeNode[], nv: TypeNode[], oldResolve: Resolve, newResolve: Resolve) {
  const pairs: [number, number][] = [];
  const usedNew = new Set<number>();
  const usedOld = new Set<number>();
  ov.forEach((o, i) => {
    if (o.kind !== 'ref') return;
    const j = nv.findIndex((n, k) => !usedNew.has(k) && n.kind === 'ref' && n.name === o.name);
    if (j < 0) return;
    pairs.push([i, j]);
    usedOld.add(i);
    usedNew.add(j);
  });
  const shapes = (list: TypeNode[], resolve: Resolve) => list.map((t) => resolve(t));
  const os = shapes(ov, oldResolve);
  const ns = shapes(nv, newResolve);
  const candidates: { i: number; j: number; score: number }[] = [];
  os.forEach((o, i) => {
    if (usedOld.has(i)) return;
    ns.forEach((n, j) => {
      if (usedNew.has(j) || o.kind !== n.kind) return;
      candidates.push({ i, j, score: similarity(o, n) });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const { i, j, score } of candidates) {
    if (usedOld.has(i) || usedNew.has(j) || score <= 0) continue;
    pairs.push([i, j]);
    usedOld.add(i);
    usedNew.add(j);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** 1 for scalars and arrays of one kind; for objects the share of field names they have in common. */
function similarity(o: TypeNode, n: TypeNode): number {
  if (o.kind !== 'object' || n.kind !== 'object') {
    if (o.kind === 'string' && n.kind === 'string' && o.enum && n.enum)
      return o.enum.some((v) => n.enum!.includes(v)) ? 1 : 0.5;
    return 1;
  }
  const a = new Set(o.properties.map((p) => p.name));
  const b = new Set(n.properties.map((p) => p.name));
  const shared = [...a].filter((x) => b.has(x)).length;
  const all = new Set([...a, ...b]).size;
  return all === 0 ? 1 : shared / all;
}
