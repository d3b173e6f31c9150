/**
 * The Go types a webhook handler decodes into: only the fields it reads (json.Unmarshal skips the
 * rest), one named struct per object on the way (`eventDataPayload`), laid out as gofmt aligns them.
 */
import { goField } from '../../../naming/fields.ts';
import type { HandlerView, Read, Scalar } from '../handler.ts';

interface Node {
  fields: Map<string, Node | Scalar>;
  /** An array of these objects, in its parent. */
  array: boolean;
}

const GO_TYPES: Record<Scalar, string> = {
  string: 'string',
  integer: 'int64',
  number: 'float64',
  boolean: 'bool',
  any: 'any',
};

export function goWebhookTypes(view: HandlerView): string {
  const root: Node = { fields: new Map(), array: false };
  const add = (path: string[], leaf: Scalar | 'object', array = false) => {
    let node = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const existing = node.fields.get(segment);
      if (last && leaf !== 'object') {
        if (existing === undefined) node.fields.set(segment, leaf);
        return;
      }
      let next = typeof existing === 'object' ? existing : undefined;
      if (!next) node.fields.set(segment, (next = { fields: new Map(), array: last && array }));
      node = next;
    });
  };
  if (view.switchAt) add(view.switchAt, 'string');
  const visit = (read: Read) => {
    if (read.kind === 'value') return add(read.path, read.type);
    const objects = read.fields.some((f) => f.path.length > 0);
    if (!objects) return add(read.array, 'any');
    add(read.array, 'object', true);
    for (const f of read.fields) if (f.path.length) add([...read.array, ...f.path], f.type);
  };
  [...view.cases.flatMap((c) => c.reads), ...view.fallback].forEach(visit);
  const structs: string[] = [];
  const declare = (name: string, node: Node) => {
    const rows: [string, string, string][] = [];
    const nested: [string, Node][] = [];
    for (const [wire, child] of node.fields) {
      const field = goField(wire);
      let type: string;
      if (typeof child === 'object') {
        const childName = name === 'webhookEvent' ? `event${field}` : `${name}${field}`;
        nested.push([childName, child]);
        type = child.array ? `[]${childName}` : childName;
      } else type = GO_TYPES[child];
      rows.push([field, type, `\`json:${JSON.stringify(wire)}\``]);
    }
    if (rows.length === 0) return void structs.push(`type ${name} struct{}`);
    const width = (i: 0 | 1) => Math.max(...rows.map((r) => r[i].length));
    const lines = rows.map(([f, t, tag]) => `\t${f.padEnd(width(0))} ${t.padEnd(width(1))} ${tag}`);
    structs.push(`type ${name} struct {\n${lines.join('\n')}\n}`);
    for (const [childName, child] of nested) declare(childName, child);
  };
  declare('webhookEvent', root);
  return structs.join('\n\n');
}
