/**
 * Shape questions the naming rules ask about an operation (docs/NAMING.md, "Method names").
 */
import type { OperationDraft } from './operations.ts';
import type { TypeNode } from './types.ts';

/** A GET "returns a list" when it pages, or its body is an array or wraps one in `data`. */
export function returnsList(op: OperationDraft, resolve: (n: TypeNode) => TypeNode): boolean {
  if (op.pagination) return true;
  if (op.response.kind !== 'json' || !op.response.type) return false;
  const body = resolve(op.response.type);
  if (body.kind === 'array') return true;
  const data = body.kind === 'object' ? body.properties.find((p) => p.name === 'data') : undefined;
  return data !== undefined && resolve(data.type).kind === 'array';
}
