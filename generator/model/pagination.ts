/**
 * Detects how a list operation pages, from its query parameters and its response schema (never from
 * a list of paths). Each style is one row of a table: the query parameters that identify it and the
 * response evidence it needs. The first matching row wins, so more specific styles come first.
 */
import { wireKeys } from './parameters.ts';
import type { Parameter, Pagination, PaginationStyle, TypeNode } from './types.ts';

/** One paging style: how to recognise it, and what a page class and the docs need to know of it. */
interface StyleRule {
  style: PaginationStyle;
  /** Every one of these wire keys must be a query parameter (deep-object members as `page[number]`). */
  detect: string[];
  pageClass: string;
  /** The keys a caller pages with, in the order the docs list them. */
  params: string[];
  next: string;
  autoPaging?: false;
}

const NUMBERED = {
  style: 'page-number',
  pageClass: 'DefaultPagination',
  params: ['page[number]', 'page[size]'],
  next: 'meta.page_number < meta.total_pages',
} as const;
const CURSOR = {
  style: 'page-cursor-brackets',
  pageClass: 'CursorPagination',
  params: ['page[after]', 'page[before]', 'page[size]'],
  next: 'meta.cursors.after',
} as const;

/** Ordered: cursor styles before numbered ones, since some cursor operations also accept numbers. */
const STYLES: StyleRule[] = [
  { ...CURSOR, params: [...CURSOR.params], detect: ['page[after]'] },
  { ...CURSOR, params: [...CURSOR.params], detect: ['page[before]'] },
  {
    style: 'texml',
    detect: ['PageSize'],
    pageClass: 'TeXMLPagination',
    params: ['Page', 'PageSize', 'PageToken'],
    next: 'next_page_uri',
    autoPaging: false,
  },
  {
    style: 'page-cursor',
    detect: ['page_cursor'],
    pageClass: 'PageCursorPagination',
    params: ['page_cursor', 'page_size'],
    next: 'meta.next_page_cursor',
  },
  {
    style: 'cursor-limit',
    detect: ['cursor', 'limit'],
    pageClass: 'CursorLimitPagination',
    params: ['cursor', 'limit'],
    next: 'meta.cursor',
  },
  {
    style: 'offset-limit',
    detect: ['offset', 'limit'],
    pageClass: 'OffsetPagination',
    params: ['offset', 'limit'],
    next: 'offset + items < meta.total',
  },
  {
    style: 'records',
    detect: ['page', 'recordsPerPage'],
    pageClass: 'RecordsPagination',
    params: ['page', 'recordsPerPage'],
    next: 'page * recordsPerPage < totalRecords',
  },
  {
    style: 'page-per-page',
    detect: ['page', 'per_page'],
    pageClass: 'PerPagePagination',
    params: ['page', 'per_page'],
    next: 'meta.page_number < meta.total_pages',
  },
  {
    style: 'page-page-size',
    detect: ['page', 'page_size'],
    pageClass: 'PagePageSizePagination',
    params: ['page', 'page_size'],
    next: 'page * page_size < total_records',
  },
  {
    style: 'page-number-size',
    detect: ['page_number', 'page_size'],
    pageClass: 'PageNumberSizePagination',
    params: ['page_number', 'page_size'],
    next: 'meta.page_number < meta.total_pages',
  },
  { ...NUMBERED, params: [...NUMBERED.params], detect: ['page[number]'] },
  { ...NUMBERED, params: [...NUMBERED.params], detect: ['page[size]'] },
];

/** Query keys of an operation for detection; a bare deep-object `page` is the numbered style's container. */
function detectionKeys(params: Parameter[], resolve: (node: TypeNode) => TypeNode): Set<string> {
  const keys = wireKeys(params, resolve);
  const bare = params.find((p) => p.in === 'query' && p.name === 'page' && p.style === 'deep-object');
  const type = bare && resolve(bare.type);
  if (type?.kind === 'object' && type.properties.length === 0) keys.add('page[number]');
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
  const keys = detectionKeys(params, resolve);
  const rule = STYLES.find((r) => r.detect.every((k) => keys.has(k)));
  if (!rule) return undefined;
  const items = itemsOf(response, resolve);
  if (!items) return undefined;
  return {
    style: rule.style,
    pageClass: rule.pageClass,
    params: rule.params,
    next: rule.next,
    autoPaging: rule.autoPaging ?? true,
    itemsField: items.field,
    itemType: items.item,
  };
}
