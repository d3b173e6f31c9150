/**
 * Where a call's result lives, so that every example prints it (docs/SKILLS.md: the `Returns:` lists
 * show fields without their envelope): `response.data.id` when the response wraps an object with an
 * id in `data`, `response.data` when `data` holds something else, `response.id` for a bare object;
 * a core task may name another field (`data.call_control_id`). List items are printed whole: where an
 * official SDK returns a list as one model (Python iterates it as pairs), `item.id` would not exist. Go and Java
 * spell fields as naming does (`Data.ID`, `data().id()`), and a step is optional when the schema
 * says the field may be missing or null (JS `?.`, Java `Optional`).
 */
import type { Operation, TypeNode } from '../../model/index.ts';
import { goField, javaSetter, pythonArg, rubyArg } from '../../naming/fields.ts';

type Resolve = (n: TypeNode) => TypeNode;

export interface Step {
  /** A response field's wire name (`data`, `id`, or a field a core task names). */
  name: string;
  optional: boolean;
}

export interface ResultPath {
  /** From the response object of a JSON result. */
  response: Step[];
}

export function resultPath(op: Operation, resolve: Resolve): ResultPath {
  if (op.response.kind !== 'json' || !op.response.type) return { response: [] };
  const top = resolve(op.response.type);
  const data = stepTo(top, 'data', resolve);
  const inner =
    data && top.kind === 'object' ? top.properties.find((p) => p.name === 'data')!.type : undefined;
  const id = inner ? stepTo(resolve(inner), 'id', resolve) : stepTo(top, 'id', resolve);
  const response = [data, id].filter((s): s is Step => s !== undefined);
  return { response };
}

/** The steps of a dotted response path a core task names (`data.call_control_id`). */
export function namedPath(op: Operation, path: string, resolve: Resolve): ResultPath {
  const steps: Step[] = [];
  let node = op.response.kind === 'json' && op.response.type ? resolve(op.response.type) : undefined;
  for (const name of path.split('.')) {
    const property = node?.kind === 'object' ? node.properties.find((p) => p.name === name) : undefined;
    if (!property) break;
    const type = resolve(property.type);
    steps.push({
      name,
      optional: !property.required || property.type.nullable === true || type.nullable === true,
    });
    node = type;
  }
  return { response: steps };
}

function stepTo(node: TypeNode, name: string, resolve: Resolve): Step | undefined {
  if (node.kind !== 'object') return undefined;
  const property = node.properties.find((p) => p.name === name && !p.writeOnly);
  if (!property) return undefined;
  const type = resolve(property.type);
  return { name, optional: !property.required || property.type.nullable === true || type.nullable === true };
}

/**
 * JavaScript: `response.data?.id`. Optional chaining after the first step whatever our types say: it is
 * valid where a field is required, and the official SDK's types make more fields optional than ours.
 */
export const jsPath = (root: string, steps: Step[]) =>
  root + steps.map((step, i) => `${i ? '?.' : '.'}${step.name}`).join('');

/** Python and Ruby: attribute access on the SDK's models, whose attributes are snake_case (`brand_id`). */
export const pyPath = (root: string, steps: Step[]) =>
  [root, ...steps.map((s) => pythonArg(s.name))].join('.');
export const rbPath = (root: string, steps: Step[]) => [root, ...steps.map((s) => rubyArg(s.name))].join('.');

/** Go: exported fields of value types, never nil. */
export const goPath = (root: string, steps: Step[]) => [root, ...steps.map((s) => goField(s.name))].join('.');

/** Java: accessors returning `Optional` for optional fields, unwrapped with `flatMap`/`map`. */
export function javaPath(root: string, steps: Step[]): string {
  let out = root;
  let optional = false;
  for (const step of steps) {
    const call = `${javaSetter(step.name)}()`;
    if (!optional) out += `.${call}`;
    else out = `${out}.${step.optional ? 'flatMap' : 'map'}(value -> value.${call})`;
    optional ||= step.optional;
  }
  return optional ? `${out}.orElse(null)` : out;
}
