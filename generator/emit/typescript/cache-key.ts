/**
 * Keys of the TypeScript package's units in the per-unit cache (generator/emit/unit-cache.ts): one
 * resource module, and models.ts. A resource module reads its resource (name, chain, operations and
 * its children's names), the model operations and their surface, and through type references the
 * named types they reach (resolved, spelled out in place when a mode must hide a field, or named by
 * their TS name): its key hashes all of these, the reached types transitively. Whatever else
 * resourceView comes to read must join this key; test/incremental.test.ts compares cached runs with
 * uncached ones to catch a key that misses an input.
 */
import type { Api, NamedType, Operation, Resource } from '../../model/index.ts';
import type { Surface } from '../../surface/index.ts';
import { sha256, valueHash } from '../../util/hash.ts';
import type { Scope } from './operation-types.ts';

export interface TypeScriptKeys {
  resource(r: Resource): string;
  models(): string;
}

export function typeScriptKeys(
  base: string,
  api: Api,
  surface: Surface,
  typeNames: Map<string, string>,
  scope: Scope,
): TypeScriptKeys {
  const ops = new Map(api.operations.map((op) => [op.key, op]));
  const typeHashes = new Map<string, string>();
  const typeHash = (t: NamedType) => {
    let hash = typeHashes.get(t.name);
    if (hash === undefined) typeHashes.set(t.name, (hash = valueHash(t)));
    return hash;
  };
  // Each type's direct references, found once; a resource's types are their closure.
  const direct = new Map<string, string[]>();
  const refsOfType = (t: NamedType) => {
    let refs = direct.get(t.name);
    if (!refs) direct.set(t.name, (refs = [...referencedTypes(t.type)]));
    return refs;
  };
  const reached = (roots: Iterable<string>) => {
    const found = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const name = queue.pop()!;
      if (found.has(name)) continue;
      found.add(name);
      const t = scope.types.get(name);
      if (t) queue.push(...refsOfType(t));
    }
    return [...found].sort();
  };
  return {
    resource(r) {
      const own = r.operations.map((key) => ops.get(key) as Operation);
      const surfaced = r.operations.map((key) => surface.get(key));
      const types = reached(referencedTypes([own, surfaced])).map((name) => {
        const t = scope.types.get(name);
        return [
          name,
          t ? typeHash(t) : 'missing',
          typeNames.get(name) ?? null,
          scope.input.has(name),
          scope.output.has(name),
        ];
      });
      const shape = {
        ...r,
        children: r.children.map((c) => ({ name: c.name, chain: c.chain, parent: c.children.length > 0 })),
      };
      return sha256(['resource', base, valueHash([shape, own, surfaced]), valueHash(types)].join('\0'));
    },
    models() {
      return sha256(
        ['models', base, valueHash(api.types.map((t) => [t.name, typeHash(t)])), valueHash(typeNames)].join(
          '\0',
        ),
      );
    },
  };
}

/**
 * The model names of the types a value refers to: every `{ kind: 'ref' }` node in it, and the types a
 * discriminator maps to, wherever they sit (operations, surfaces and types alike).
 */
function referencedTypes(value: unknown, into = new Set<string>(), seen = new Set<object>()): Set<string> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return into;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) referencedTypes(item, into, seen);
    return into;
  }
  if (value instanceof Map || value instanceof Set) {
    for (const item of value.values()) referencedTypes(item, into, seen);
    return into;
  }
  const node = value as { kind?: unknown; name?: unknown; discriminator?: { mapping?: { type: string }[] } };
  if (node.kind === 'ref' && typeof node.name === 'string') into.add(node.name);
  if (node.kind === 'union') for (const m of node.discriminator?.mapping ?? []) into.add(m.type);
  for (const v of Object.values(value)) referencedTypes(v, into, seen);
  return into;
}
