/**
 * Which accessors use each exported model type, and which way: a type an operation's params or body
 * name (through any number of refs) is written by users of that accessor, one its response or a
 * webhook payload names is read by them. The generated package flattens bodies into per-method params
 * types, so its declarations alone do not show that `Models.CreateRoomRequest` is what
 * `client.rooms.create` sends: the declarations check asks here. Types no operation or event uses are
 * compared on their own (exports.ts).
 */
import type { TypeNode } from '../model/index.ts';
import type { ModelSide } from './types.ts';

export interface TypeUse {
  accessors: Set<string>;
  /** Reached from a request (params, body). */
  input: boolean;
  /** Reached from a response or a webhook payload. */
  output: boolean;
}

/** Top-level TS name of every named type (`Models.X`) -> its users; types nobody uses are absent. */
export function typeUsage(side: ModelSide, webhooksAccessor: string): Map<string, TypeUse> {
  const byName = new Map(side.api.types.map((t) => [t.name, t]));
  const usage = new Map<string, TypeUse>();
  const mark = (roots: (TypeNode | undefined)[], accessor: string, output: boolean) => {
    const seen = new Set<string>();
    const visit = (node: TypeNode | undefined): void => {
      if (!node) return;
      switch (node.kind) {
        case 'ref': {
          if (seen.has(node.name)) return;
          seen.add(node.name);
          const tsName = (side.typeNames.get(node.name) ?? node.name).split('.')[0];
          const use = usage.get(tsName) ?? { accessors: new Set(), input: false, output: false };
          use.accessors.add(accessor);
          if (output) use.output = true;
          else use.input = true;
          usage.set(tsName, use);
          return visit(byName.get(node.name)?.type);
        }
        case 'array':
          return visit(node.items);
        case 'object':
          node.properties.forEach((p) => visit(p.type));
          return visit(node.additional === true ? undefined : node.additional);
        case 'union':
          return node.variants.forEach(visit);
        case 'intersection':
          return node.parts.forEach(visit);
        default:
          return;
      }
    };
    roots.forEach(visit);
  };
  for (const op of side.api.operations) {
    if (!side.surface.has(op.key)) continue;
    mark(
      [...op.params.map((p) => p.type), ...(op.body?.contents.map((c) => c.type) ?? [])],
      op.names.ts,
      false,
    );
    mark([op.response.type], op.names.ts, true);
  }
  for (const event of side.api.webhooks) mark([event.payload], webhooksAccessor, true);
  return usage;
}
