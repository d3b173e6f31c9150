/**
 * One page class per paging style in the Telnyx spec. Each states where "the next page" comes from;
 * the model detects which style an operation uses from its parameters and response schema.
 *
 * Cursor styles stop when the server hands back the cursor just sent, so a server bug cannot make a
 * `for await` loop spin forever on the same page.
 */
import { AbstractPage, field, numberField, stringField, type PageRequest } from './pagination.js';
import { resolveAPILink } from './request.js';

/** `meta` of page-number styles. */
export interface PageNumberMeta {
  page_number?: number;
  page_size?: number;
  total_pages?: number;
  total_results?: number;
}

/** `meta` of `page[after]`/`page[before]` lists. */
export interface CursorMeta {
  cursors?: { after?: string | null; before?: string | null };
  [key: string]: unknown;
}

/** `meta` of `page_cursor` lists. */
export interface PageCursorMeta {
  next_page_cursor?: string | null;
  page_cursor?: string | null;
  [key: string]: unknown;
}

/** `meta` of `page`/`per_page` lists. */
export interface PerPageMeta {
  page?: number;
  page_number?: number;
  per_page?: number;
  total_pages?: number;
  [key: string]: unknown;
}

/** `meta` of `cursor`/`limit` lists. */
export interface CursorLimitMeta {
  cursor?: string | null;
  has_more?: boolean;
  [key: string]: unknown;
}

/** `meta` of `offset`/`limit` lists. */
export interface OffsetMeta {
  total?: number;
  [key: string]: unknown;
}

/** `page[number]`/`page[size]`; next while `meta.page_number < meta.total_pages` (most list endpoints). */
export class DefaultPagination<Item> extends AbstractPage<Item> {
  declare meta: PageNumberMeta;

  protected nextPageRequest(): PageRequest | null {
    const meta = field(this.body, 'meta');
    const current =
      numberField(field(meta, 'page_number')) ?? numberField(this.queryParam(['page', 'number'])) ?? 1;
    const total = numberField(field(meta, 'total_pages'));
    if (total === undefined || current >= total) return null;
    return this.withQuery([[['page', 'number'], current + 1]]);
  }
}

/** `page[after]`/`page[before]`; next = `meta.cursors.after`, last page when it is absent. */
export class CursorPagination<Item> extends AbstractPage<Item> {
  declare meta: CursorMeta;

  protected nextPageRequest(): PageRequest | null {
    const after = stringField(field(field(field(this.body, 'meta'), 'cursors'), 'after'));
    if (after === undefined || after === this.queryParam(['page', 'after'])) return null;
    return this.withQuery(
      [[['page', 'after'], after]],
      [
        ['page', 'before'],
        ['page', 'number'],
      ],
    );
  }
}

/** `page`/`recordsPerPage` with `records` and `totalRecords` (10DLC). */
export class RecordsPagination<Item> extends AbstractPage<Item> {
  declare records: Item[];
  declare page: number;
  declare totalRecords: number;

  protected nextPageRequest(): PageRequest | null {
    const page = numberField(field(this.body, 'page')) ?? numberField(this.queryParam(['page'])) ?? 1;
    // Without an explicit page size, a full page's length is the server's default size.
    const size = numberField(this.queryParam(['recordsPerPage'])) ?? this.getPaginatedItems().length;
    const total = numberField(field(this.body, 'totalRecords'));
    if (total === undefined || page * size >= total) return null;
    return this.withQuery([[['page'], page + 1]]);
  }
}

/**
 * TeXML (`Page`/`PageSize`/`PageToken`): follows `next_page_uri`, a link carrying every paging
 * parameter, until it is null or empty. Items sit in a resource-named field (`calls`, `queues`, ...).
 */
export class TeXMLPagination<Item> extends AbstractPage<Item> {
  declare next_page_uri?: string | null;
  declare first_page_uri?: string | null;
  declare uri?: string | null;
  declare page?: number;
  declare page_size?: number;
  declare start?: number;
  declare end?: number;

  protected nextPageRequest(): PageRequest | null {
    const link = stringField(field(this.body, 'next_page_uri'));
    if (link === undefined) return null;
    const path = resolveAPILink(link, this.baseURL);
    return {
      ...this.request,
      description: { ...this.request.description, path, query: undefined, server: undefined },
    };
  }
}

/** `page_cursor`/`page_size`; next = `meta.next_page_cursor` or `meta.page_cursor` (email). */
export class PageCursorPagination<Item> extends AbstractPage<Item> {
  declare meta: PageCursorMeta;

  protected nextPageRequest(): PageRequest | null {
    const meta = field(this.body, 'meta');
    const next = stringField(field(meta, 'next_page_cursor')) ?? stringField(field(meta, 'page_cursor'));
    if (next === undefined || next === this.queryParam(['page_cursor'])) return null;
    return this.withQuery([[['page_cursor'], next]]);
  }
}

/** `page`/`per_page`; next while the current page is below `meta.total_pages` (legacy reporting). */
export class PerPagePagination<Item> extends AbstractPage<Item> {
  declare meta: PerPageMeta;

  protected nextPageRequest(): PageRequest | null {
    const meta = field(this.body, 'meta');
    const current =
      numberField(field(meta, 'page_number')) ??
      numberField(field(meta, 'page')) ??
      numberField(this.queryParam(['page'])) ??
      1;
    const total = numberField(field(meta, 'total_pages'));
    if (total === undefined || current >= total) return null;
    return this.withQuery([[['page'], current + 1]]);
  }
}

/** `cursor`/`limit`; next = `meta.cursor` while `meta.has_more` (or, without it, while a cursor comes back). */
export class CursorLimitPagination<Item> extends AbstractPage<Item> {
  declare meta: CursorLimitMeta;

  protected nextPageRequest(): PageRequest | null {
    const meta = field(this.body, 'meta');
    if (field(meta, 'has_more') === false) return null;
    const cursor = stringField(field(meta, 'cursor'));
    if (cursor === undefined || cursor === this.queryParam(['cursor'])) return null;
    return this.withQuery([[['cursor'], cursor]]);
  }
}

/** `page`/`page_size` with `records` and `total_records` (toll-free verification). */
export class PagePageSizePagination<Item> extends AbstractPage<Item> {
  declare records: Item[];
  declare page?: number;
  declare page_size?: number;
  declare total_records?: number;

  protected nextPageRequest(): PageRequest | null {
    const meta = field(this.body, 'meta');
    const page = numberField(field(this.body, 'page')) ?? numberField(this.queryParam(['page'])) ?? 1;
    const size =
      numberField(this.queryParam(['page_size'])) ??
      numberField(field(this.body, 'page_size')) ??
      this.getPaginatedItems().length;
    const total = numberField(field(this.body, 'total_records')) ?? numberField(field(meta, 'total_records'));
    if (total === undefined || page * size >= total) return null;
    return this.withQuery([[['page'], page + 1]]);
  }
}

/** `page_number`/`page_size`; next while `meta.page_number < meta.total_pages`. */
export class PageNumberSizePagination<Item> extends AbstractPage<Item> {
  declare meta: PageNumberMeta;

  protected nextPageRequest(): PageRequest | null {
    const meta = field(this.body, 'meta');
    const current =
      numberField(field(meta, 'page_number')) ?? numberField(this.queryParam(['page_number'])) ?? 1;
    const total = numberField(field(meta, 'total_pages'));
    if (total === undefined || current >= total) return null;
    return this.withQuery([[['page_number'], current + 1]]);
  }
}

/**
 * `offset`/`limit`; the next offset is this one plus the items received, while that is below
 * `meta.total` (or, without a total, while pages come back full).
 */
export class OffsetPagination<Item> extends AbstractPage<Item> {
  declare meta?: OffsetMeta;

  protected nextPageRequest(): PageRequest | null {
    const offset = numberField(this.queryParam(['offset'])) ?? 0;
    const received = this.getPaginatedItems().length;
    const total = numberField(field(field(this.body, 'meta'), 'total'));
    const limit = numberField(this.queryParam(['limit']));
    const more = total !== undefined ? offset + received < total : limit !== undefined && received >= limit;
    return more ? this.withQuery([[['offset'], offset + received]]) : null;
  }
}
