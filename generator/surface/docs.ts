/**
 * The documented inputs of an operation (docs/SKILLS.md): `Required:` and `Optional:`, by the names
 * callers send. Read by the skills in every language, so all six list the same inputs.
 */
import type { ObjectNode, Operation, Property, TypeNode } from '../model/index.ts';
import type { BodyShape, DocField } from './types.ts';

type Resolve = (n: TypeNode) => TypeNode;

/**
 * Top-level body fields, readOnly ones excluded. A body that is one of several objects lists all the
 * variants' fields, and a field is required when every variant requires it (what any valid request
 * must send).
 */
export function bodyFields(shape: BodyShape, resolve: Resolve): Property[] {
  if (shape.kind === 'fields') return shape.properties;
  if (shape.kind !== 'variants' || shape.union.kind !== 'union') return [];
  const objects = shape.union.variants.map(resolve) as ObjectNode[];
  const byName = new Map<string, Property>();
  for (const v of objects) for (const p of v.properties) if (!byName.has(p.name)) byName.set(p.name, p);
  return [...byName.values()]
    .filter((p) => !p.readOnly)
    .map((p) => ({
      ...p,
      required: objects.every((v) => v.properties.some((q) => q.name === p.name && q.required)),
    }));
}

/**
 * `Required:` every required path, query, header and body input, each name once: a path parameter and
 * a body field may share a name (`call_control_id` of the bridge action), and the caller sends one
 * value for both, so the first (the parameter) is kept.
 */
export function requiredNames(op: Operation, shape: BodyShape, resolve: Resolve): string[] {
  const params = op.params.filter((p) => p.required && p.in !== 'cookie').map((p) => p.name);
  const body = bodyFields(shape, resolve)
    .filter((p) => p.required)
    .map((p) => p.name);
  return [...new Set([...params, ...body])];
}

/**
 * `Optional:` every optional query and body input. A deep-object parameter is listed by its keys as
 * they go on the wire (`filter[status]`), which says more than `filter (object)`.
 */
export function optionalFields(op: Operation, shape: BodyShape, resolve: Resolve): DocField[] {
  const query = op.params
    .filter((p) => !p.required && p.in === 'query')
    .flatMap((p) => {
      const object = resolve(p.type);
      if (p.style !== 'deep-object' || object.kind !== 'object' || object.properties.length === 0)
        return [{ name: p.name, type: p.type, deprecated: p.deprecated }];
      return object.properties
        .filter((f) => !f.readOnly)
        .map((f) => ({
          name: `${p.name}[${f.name}]`,
          type: f.type,
          deprecated: p.deprecated || f.type.deprecated === true,
        }));
    });
  const body = bodyFields(shape, resolve)
    .filter((p) => !p.required)
    .map((p) => ({ name: p.name, type: p.type, deprecated: p.type.deprecated === true }));
  return [...query, ...body];
}
