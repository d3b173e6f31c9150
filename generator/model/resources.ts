/**
 * The resources tree: one node per TS chain segment, with the operations that live directly in it.
 */
import type { Operation, Resource } from './types.ts';

export function buildResources(ops: Operation[]): Resource[] {
  const root: Resource = { name: '', chain: [], operations: [], children: [] };
  for (const op of ops) {
    let node = root;
    for (const segment of op.names.resource) {
      let child = node.children.find((c) => c.name === segment);
      if (!child) {
        child = { name: segment, chain: [...node.chain, segment], operations: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    node.operations.push(op.key);
  }
  const byKey = new Map(ops.map((op) => [op.key, op]));
  const sort = (node: Resource) => {
    node.children.sort((a, b) => a.name.localeCompare(b.name));
    node.operations.sort(
      (a, b) => byKey.get(a)!.names.method.localeCompare(byKey.get(b)!.names.method) || a.localeCompare(b),
    );
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}
