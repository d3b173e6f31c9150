/**
 * Schemas that are made of themselves: `A: { allOf: [$ref: A] }`, or A and B each composing the other
 * through allOf, oneOf or anyOf. Like a `$ref` chain that loops (refs.ts), such a cycle has no
 * meaning: it never reaches a shape, only itself. A TypeScript type alias cannot express it either
 * (`export type A = A;` fails to compile), while a cycle through a property or array items is an
 * ordinary recursive type and stays a reference. Rejected with the place of the ref that closes it.
 */
import { InputError, pointerOf, segmentsOf } from '../errors.ts';
import { isPlainObject } from '../util/objects.ts';
import type { ParsedFile } from './parse.ts';
import { getAt } from './refs.ts';

const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;
/** Where a schema is its parts themselves, not a container of them (properties, items). */
const COMPOSITIONS = ['allOf', 'oneOf', 'anyOf'] as const;

interface Edge {
  to: string;
  /** Path of the object holding the `$ref`. */
  at: (string | number)[];
}

export function checkCompositionCycles(doc: ParsedFile): void {
  const schemas = (doc.data as any).components?.schemas;
  if (!isPlainObject(schemas)) return;
  const names = Object.keys(schemas).sort();
  const edges = new Map(names.map((name) => [name, composedOf(doc.data, name, schemas[name])]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: { name: string; via?: Edge }[] = [];
  const visit = (name: string, via?: Edge) => {
    stack.push({ name, via });
    state.set(name, 'open');
    for (const edge of edges.get(name) ?? []) {
      if (state.get(edge.to) === 'open') fail(edge);
      if (!state.has(edge.to)) visit(edge.to, edge);
    }
    state.set(name, 'done');
    stack.pop();
  };
  const fail = (closing: Edge): never => {
    const from = stack.findIndex((s) => s.name === closing.to);
    const cycle = [...stack.slice(from).map((s) => s.name), closing.to].join(' -> ');
    throw new InputError(
      `schemas compose themselves through allOf/oneOf/anyOf: ${cycle}`,
      doc.locate(pointerOf(closing.at)),
      `break the cycle: drop this $ref, or refer to ${closing.to} from a property instead of composing it`,
    );
  };
  for (const name of names) if (!state.has(name)) visit(name);
}

/** The component schemas `schema` is composed of directly: through $ref, allOf, oneOf, anyOf. */
function composedOf(spec: unknown, name: string, schema: unknown): Edge[] {
  const edges: Edge[] = [];
  const followed = new Set<string>();
  const walk = (node: unknown, at: (string | number)[]) => {
    if (!isPlainObject(node)) return;
    if (typeof node.$ref === 'string') {
      const component = COMPONENT.exec(node.$ref);
      if (component) edges.push({ to: segmentsOf(node.$ref)[2], at });
      else if (node.$ref.startsWith('#') && !followed.has(node.$ref)) {
        // A ref into the middle of a schema is inlined by the model: what it composes counts here.
        followed.add(node.$ref);
        walk(getAt(spec, node.$ref.slice(1)), at);
      }
      return;
    }
    for (const key of COMPOSITIONS) {
      const parts = node[key];
      if (Array.isArray(parts)) parts.forEach((part, i) => walk(part, [...at, key, i]));
    }
  };
  walk(schema, ['components', 'schemas', name]);
  return edges;
}
