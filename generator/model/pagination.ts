/**
 * Detects how a list operation pages, from its query parameters and its response schema (never from
 * a list of paths). Each style is one row of a table: the query parameters that identify it and the
 * response evidence it needs. The first matching row wins, so more specific styles come first.
 */
import type { Parameter, Pagination, PaginationStyle, TypeNode } from './types.ts';

interface StyleRule {
  style: PaginationStyle;
  /** Every one of these query keys must exist (deepObject members spelled `page[number]`). */
  params: string[];
  /** Response fields that must exist next to the items array, when the style needs them. */
  responseFields?: string[];
}

/** Ordered: cursor styles before numbered ones, since some cursor operations also accept numbers. */
const STYLES: StyleRule[] = [
  { style: 'page-cursor-brackets', params: ['page[after]'] },
  { style: 'page-cursor-brackets', params: ['page[before]'] },
  { style: 'texml', params: ['PageSize'] },
  { style: 'page-cursor', params: ['page_cursor'] },
  { style: 'cursor-limit', params: ['cursor', 'limit'] },
  { style: 'records', params: ['page', 'recordsPerPage'] },
  { style: 'page-per-page', params: ['page', 'per_page'] },
  { style: 'page-page-size', params: ['page', 'page_size'] },
  { style: 'page-number-size', params: ['page_number', 'page_size'] },
  { style: 'page-number', params: ['page[number]'] },
  { style: 'page-number', params: ['page[size]'] },
];

/** Query keys as they go on the wire: deepObject object members become `name[member]`. */
export function queryKeys(params: Parameter[], resolve: (node: TypeNode) => TypeNode): Set<string> {
  const keys = new Set<string>();
  for (const p of params) {
    if (p.in !== 'query') continue;
    const type = resolve(p.type);
    // Object parameters count by their members whatever their declared style: the spec has `page`
    // objects without `style: deepObject` that mean page[number] (lint: object-query-parameter-style).
    if (type.kind === 'object' && (p.style === 'deepObject' || type.properties.length > 0)) {
      for (const member of type.properties) keys.add(`${p.name}[${member.name}]`);
      // A bare deepObject `page` with no declared members is the numbered style's container.
      if (type.properties.length === 0 && p.name === 'page') keys.add('page[number]');
    } else {
      keys.add(p.name);
    }
  }
  return keys;
}

/**
 * Items live in `data` or `records`, else in the only array field of the body; a body that is itself
 * an array holds the items (itemsField '').
 */
function itemsOf(response: TypeNode | undefined, resolve: (node: TypeNode) => TypeNode) {
  if (!response) return undefined;
  const body = resolve(response);
  if (body.kind === 'array') return { field: '', item: body.items };
  if (body.kind !== 'object') return undefined;
  const arrays = body.properties.filter((p) => resolve(p.type).kind === 'array');
  const chosen =
    arrays.find((p) => p.name === 'data') ??
    arrays.find((p) => p.name === 'records') ??
    (arrays.length === 1 ? arrays[0] : undefined);
  if (!chosen) return undefined;
  const array = resolve(chosen.type);
  return array.kind === 'array' ? { field: chosen.name, item: array.items } : undefined;
}

export function detectPagination(
  method: string,
  params: Parameter[],
  response: TypeNode | undefined,
  resolve: (node: TypeNode) => TypeNode,
): Pagination | undefined {
  if (method !== 'get') return undefined;
  const keys = queryKeys(params, resolve);
  const rule = STYLES.find((r) => r.params.every((k) => keys.has(k)));
  if (!rule) return undefined;
  const items = itemsOf(response, resolve);
  if (!items) return undefined;
  return { style: rule.style, itemsField: items.field, itemType: items.item };
}
