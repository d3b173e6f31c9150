/**
 * Shape questions the naming rules ask about an operation (docs/NAMING.md, "Method names").
 */
import type { OperationDraft } from './operations.ts';
import type { TypeNode } from './types.ts';

/**
 * Does a GET return a list? `true` when it pages (or has page `meta`), or its body is an array of
 * records (items with an `id` or `record_type`), bare or wrapped in `data` or in a single field.
 * `false` for an object, and for TeXML pages, which like Twilio's are documents (`uri`,
 * `first_page_uri`, items under a resource name). `undefined` when the body alone cannot tell: no
 * schema, or an array of plain values (usage series, options), which lists only where the path is a
 * collection; the naming rules decide from the paths.
 */
export function returnsList(op: OperationDraft, resolve: (n: TypeNode) => TypeNode): boolean | undefined {
  if (op.pagination) return op.pagination.autoPaging;
  if (op.response.kind !== 'json') return false;
  if (!op.response.type) return undefined;
  const body = resolve(op.response.type);
  if (body.kind === 'unknown') return undefined;
  const array = itemsArray(body, resolve);
  if (!array) return false;
  const item = resolve(array.items);
  const records =
    item.kind === 'object' && item.properties.some((p) => p.name === 'id' || p.name === 'record_type');
  // `meta` next to `data` is page metadata: a page even where the spec declares no page parameters.
  const paged = body.kind === 'object' && body.properties.some((p) => p.name === 'meta');
  return records || paged ? true : undefined;
}

/** The array a body lists: the body, its `data`, or its only field, looked up through `{ data: { buckets: [...] } }`. */
function itemsArray(
  body: TypeNode,
  resolve: (n: TypeNode) => TypeNode,
): Extract<TypeNode, { kind: 'array' }> | undefined {
  let node = body;
  for (let depth = 0; depth < 3 && node.kind === 'object'; depth++) {
    const data =
      node.properties.find((p) => p.name === 'data') ??
      (node.properties.length === 1 ? node.properties[0] : undefined);
    if (!data) return undefined;
    node = resolve(data.type);
  }
  return node.kind === 'array' ? node : undefined;
}
