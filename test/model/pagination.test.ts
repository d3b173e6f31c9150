/**
 * Pagination styles (generator/model/pagination.ts): one row per style, detected from the query
 * parameters and the response body of a GET, never from the path.
 */
import { describe, expect, it } from 'vitest';
import type { Pagination } from '../../generator/model/types.ts';
import { json, operation } from './fragment.ts';

const PET = { $ref: '#/components/schemas/Pet' };
const COMPONENTS = { schemas: { Pet: { type: 'object', properties: { id: { type: 'string' } } } } };

const q = (name: string, schema: object = { type: 'integer' }) => ({ name, in: 'query', schema });
/** A `page` object parameter with these members. */
const page = (members: string[], extra: object = { style: 'deepObject', explode: true }) => ({
  ...q('page', {
    type: 'object',
    properties: Object.fromEntries(members.map((m) => [m, { type: 'string' }])),
  }),
  ...extra,
});
/** A body with the items under `field`, beside `meta`. */
const list = (field = 'data', beside: object = { meta: { type: 'object' } }) => ({
  type: 'object',
  properties: { [field]: { type: 'array', items: PET }, ...beside },
});

const pagination = (parameters: object[], body: object, method = 'get') =>
  operation({ '/pets': { [method]: { parameters, responses: json(body) } } }, COMPONENTS).pagination;

/** What detection decides per row: the style and where the items are. */
type Detected = Pick<Pagination, 'style' | 'itemsField' | 'itemType'>;
const style = (style: Pagination['style'], itemsField = 'data'): Detected => ({
  style,
  itemsField,
  itemType: { kind: 'ref', name: 'Pet' },
});
const detected = (p: Pagination | undefined): Detected | undefined =>
  p && { style: p.style, itemsField: p.itemsField, itemType: p.itemType };

describe('pagination styles', () => {
  const cases: [
    string,
    { given: { params: object[]; body: object; method?: string }; want: Detected | undefined },
  ][] = [
    [
      'page-number: a deepObject page[number] / page[size]',
      { given: { params: [page(['number', 'size'])], body: list() }, want: style('page-number') },
    ],
    [
      'page-number: a query key spelled page[size]',
      { given: { params: [q('page[size]')], body: list() }, want: style('page-number') },
    ],
    [
      'page-number: a page object without style: deepObject counts by its members',
      { given: { params: [page(['number'], {})], body: list() }, want: style('page-number') },
    ],
    [
      'page-number: a bare deepObject page is the numbered container',
      {
        given: { params: [{ ...q('page', { type: 'object' }), style: 'deepObject' }], body: list() },
        want: style('page-number'),
      },
    ],
    [
      'page-cursor-brackets: page[after]',
      { given: { params: [page(['after', 'size'])], body: list() }, want: style('page-cursor-brackets') },
    ],
    [
      'page-cursor-brackets: page[before]',
      { given: { params: [page(['before'])], body: list() }, want: style('page-cursor-brackets') },
    ],
    [
      'a cursor wins over page numbers',
      {
        given: { params: [page(['number', 'size', 'after'])], body: list() },
        want: style('page-cursor-brackets'),
      },
    ],
    [
      'texml: PageSize, items in the only array (a resource name)',
      {
        given: {
          params: [q('Page'), q('PageSize'), q('PageToken', { type: 'string' })],
          body: list('calls', { next_page_uri: { type: 'string' } }),
        },
        want: style('texml', 'calls'),
      },
    ],
    [
      'page-cursor',
      {
        given: { params: [q('page_cursor', { type: 'string' }), q('page_size')], body: list() },
        want: style('page-cursor'),
      },
    ],
    [
      'cursor-limit',
      {
        given: { params: [q('cursor', { type: 'string' }), q('limit')], body: list() },
        want: style('cursor-limit'),
      },
    ],
    [
      'offset-limit',
      { given: { params: [q('offset'), q('limit')], body: list() }, want: style('offset-limit') },
    ],
    [
      'a cursor wins over an offset',
      {
        given: { params: [q('cursor', { type: 'string' }), q('offset'), q('limit')], body: list() },
        want: style('cursor-limit'),
      },
    ],
    [
      'records: page / recordsPerPage, items in records',
      {
        given: {
          params: [q('page'), q('recordsPerPage')],
          body: list('records', { totalRecords: { type: 'integer' } }),
        },
        want: style('records', 'records'),
      },
    ],
    [
      'page-per-page',
      { given: { params: [q('page'), q('per_page')], body: list() }, want: style('page-per-page') },
    ],
    [
      'page-page-size',
      { given: { params: [q('page'), q('page_size')], body: list() }, want: style('page-page-size') },
    ],
    [
      'page-number-size',
      {
        given: { params: [q('page_number'), q('page_size')], body: list() },
        want: style('page-number-size'),
      },
    ],
    [
      'a body that is the array itself',
      {
        given: { params: [q('page'), q('per_page')], body: { type: 'array', items: PET } },
        want: style('page-per-page', ''),
      },
    ],
    [
      'data wins over other arrays',
      {
        given: {
          params: [page(['number'])],
          body: list('data', { links: { type: 'array', items: { type: 'string' } } }),
        },
        want: style('page-number'),
      },
    ],
    [
      'a cursor without a limit is not paging',
      { given: { params: [q('cursor', { type: 'string' })], body: list() }, want: undefined },
    ],
    ['page alone is not paging', { given: { params: [q('page')], body: list() }, want: undefined }],
    ['not a GET', { given: { params: [page(['number'])], body: list(), method: 'post' }, want: undefined }],
    [
      'no array in the body',
      {
        given: {
          params: [page(['number'])],
          body: { type: 'object', properties: { id: { type: 'string' } } },
        },
        want: undefined,
      },
    ],
    [
      'two arrays, neither data nor records',
      {
        given: { params: [page(['number'])], body: list('pets', { dogs: { type: 'array', items: PET } }) },
        want: undefined,
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) =>
    expect(detected(pagination(given.params, given.body, given.method))).toEqual(want),
  );
});

describe('a detected style carries its row', () => {
  it.each<[string, { given: object[]; want: Pagination }]>([
    [
      'page-number: the default page class, paged by page[number] / page[size]',
      {
        given: [page(['number', 'size'])],
        want: {
          style: 'page-number',
          pageClass: 'DefaultPagination',
          params: ['page[number]', 'page[size]'],
          next: 'meta.page_number < meta.total_pages',
          autoPaging: true,
          itemsField: 'data',
          itemType: { kind: 'ref', name: 'Pet' },
        },
      },
    ],
    [
      'texml: pages are documents, not iterated item by item',
      {
        given: [q('Page'), q('PageSize'), q('PageToken', { type: 'string' })],
        want: {
          style: 'texml',
          pageClass: 'TeXMLPagination',
          params: ['Page', 'PageSize', 'PageToken'],
          next: 'next_page_uri',
          autoPaging: false,
          itemsField: 'data',
          itemType: { kind: 'ref', name: 'Pet' },
        },
      },
    ],
  ])('%s', (_name, { given, want }) => expect(pagination(given, list())).toEqual(want));
});
