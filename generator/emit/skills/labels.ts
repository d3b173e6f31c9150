/**
 * Type labels for `Optional:`, `Returns:` and webhook payload fields, in the vocabulary of
 * docs/SKILLS.md: `uuid`, `date-time`, `uri`, `enum: a, b`, `array[string]`, `object`, `string | null`.
 * Read from the schema, never guessed from a name.
 */
import type { Operation, Property, TypeNode } from '../../model/index.ts';

type Resolve = (n: TypeNode) => TypeNode;

const FORMATS: Record<string, string> = {
  uuid: 'uuid',
  'date-time': 'date-time',
  date: 'date',
  uri: 'uri',
  url: 'uri',
  email: 'email',
};
/** Long enums (country lists) are cut: the label is a hint, the spec is the reference. */
const MAX_ENUM = 8;

export function typeLabel(node: TypeNode, resolve: Resolve, depth = 0): string {
  const base = label(node, resolve, depth);
  const nullable = node.nullable || (node.kind === 'ref' && resolve(node).nullable);
  return nullable && !/\| null$/.test(base) ? `${base} | null` : base;
}

function label(node: TypeNode, resolve: Resolve, depth: number): string {
  const resolved = depth > 6 ? ({ kind: 'unknown' } as TypeNode) : resolve(node);
  switch (resolved.kind) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean': {
      const values = resolved.enum?.filter((v) => v !== null);
      if (values && values.length > 0) {
        const shown = values.slice(0, MAX_ENUM).map(String).join(', ');
        return `enum: ${shown}${values.length > MAX_ENUM ? `, … (${values.length} values)` : ''}`;
      }
      return (
        (resolved.kind === 'string' && resolved.format && FORMATS[resolved.format.toLowerCase()]) ||
        resolved.kind
      );
    }
    case 'null':
      return 'null';
    case 'array': {
      const item = label(resolved.items, resolve, depth + 1);
      return `array[${item.startsWith('enum:') ? 'string' : item}]`;
    }
    case 'union': {
      const variants = [...new Set(resolved.variants.map((v) => label(v, resolve, depth + 1)))];
      const plain = variants.filter((v) => v !== 'null');
      const joined =
        plain.length > 3 || plain.some((v) => v.startsWith('enum:')) ? 'object' : plain.join(' | ');
      return variants.includes('null') ? `${joined} | null` : joined;
    }
    case 'unknown':
      return 'any';
    default:
      return 'object';
  }
}

/** The object whose fields a success response documents: `data` unwrapped, lists by their items. */
export function responseObject(op: Operation, resolve: Resolve): TypeNode | undefined {
  if (op.response.kind !== 'json' || !op.response.type) return undefined;
  if (op.pagination) return resolve(op.pagination.itemType);
  let node = resolve(op.response.type);
  const data = node.kind === 'object' ? node.properties.find((p) => p.name === 'data') : undefined;
  if (data) node = resolve(data.type);
  if (node.kind === 'array') node = resolve(node.items);
  return node;
}

export interface FieldLabel {
  name: string;
  type: string;
}

/** `Returns:` the response fields one level deep (writeOnly ones are never sent back). */
export function returnFields(op: Operation, resolve: Resolve): FieldLabel[] {
  const node = responseObject(op, resolve);
  if (!node || node.kind !== 'object') return [];
  return node.properties
    .filter((p) => !p.writeOnly)
    .map((p) => ({ name: p.name, type: typeLabel(p.type, resolve) }));
}

/**
 * Dotted paths of a webhook payload's fields, objects walked and arrays of objects too (`to[].status`,
 * where a delivery status lives), cycles and depth bounded.
 */
export function payloadFields(payload: TypeNode, resolve: Resolve, maxDepth = 4): FieldLabel[] {
  const out: FieldLabel[] = [];
  const walk = (props: Property[], prefix: string, depth: number, seen: Set<string>) => {
    for (const p of props) {
      const path = prefix ? `${prefix}.${p.name}` : p.name;
      const outer = resolve(p.type);
      const array = outer.kind === 'array';
      const type = array ? outer.items : p.type;
      const refName = type.kind === 'ref' ? type.name : undefined;
      const inner = resolve(type);
      if (
        inner.kind === 'object' &&
        inner.properties.length > 0 &&
        depth < maxDepth &&
        !(refName && seen.has(refName))
      ) {
        const next = array ? `${path}[]` : path;
        walk(inner.properties, next, depth + 1, refName ? new Set([...seen, refName]) : seen);
      } else {
        out.push({ name: path, type: typeLabel(p.type, resolve) });
      }
    }
  };
  const root = resolve(payload);
  if (root.kind === 'object') walk(root.properties, '', 0, new Set());
  return out;
}
