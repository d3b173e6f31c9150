/**
 * What every page class shares: items, "is there a next page", fetching it, and iterating every
 * item of every page. The styles (page number, cursor, TeXML links, ...) differ only in how the next
 * request is derived from this page's body and request; they live in page-styles.ts.
 *
 * Query convention: parameters keep their spec names, with deepObject parameters as nested objects
 * (`{page: {number: 2, size: 20}}`). Flat bracketed keys (`'page[number]'`) are read too, and replaced
 * by the nested form when a page class sets them, so either spelling pages correctly.
 */
import { APIPromise } from './api-promise.js';
import { TelnyxError } from './errors.js';
import type { RequestDescription, RequestOptions } from './request.js';

/** Everything needed to fetch a page again or fetch the one after it. */
export interface PageRequest {
  description: RequestDescription;
  options: RequestOptions;
  /** Body field holding the items (`data`, `records`, `calls`, ...); '' when the body is the array. */
  itemField: string;
}

export interface PageInit {
  client: PageClient;
  request: PageRequest;
  response: Response;
  body: unknown;
  /** The API root this page was fetched from, for resolving links the API returns. */
  baseURL: string;
}

export type PageConstructor<P> = new (init: PageInit) => P;

/** The one client capability pages need; implemented by ClientCore. */
export interface PageClient {
  requestPage<P extends AbstractPage<unknown>>(
    Page: PageConstructor<P>,
    request: PageRequest,
  ): PagePromise<P>;
}

export type PageItem<P> = P extends AbstractPage<infer Item> ? Item : never;

/**
 * A page of a list. Like the official SDK's page objects, it carries the body's own fields as
 * properties (`page.data`, `page.meta`, `page.records`, ...; each style declares the ones it reads),
 * next to the methods; `data` is always the page's items, whatever the body calls them.
 */
export abstract class AbstractPage<Item> implements AsyncIterable<Item> {
  /** The items of this page (the body's `data`, or its items field under another name). */
  declare data: Item[];
  /** The HTTP response of this page. */
  readonly response: Response;
  /** The parsed JSON body of this page. */
  readonly body: unknown;
  protected readonly client: PageClient;
  protected readonly request: PageRequest;
  protected readonly baseURL: string;

  constructor(init: PageInit) {
    this.client = init.client;
    this.request = init.request;
    this.response = init.response;
    this.body = init.body;
    this.baseURL = init.baseURL;
    // Fields named like a member (`response`, `body`, a method) keep the member; `.body` has them all.
    const self = this as unknown as Record<string, unknown>;
    if (isObject(init.body))
      for (const [key, value] of Object.entries(init.body)) if (!(key in this)) self[key] = value;
    if (!('data' in this) || this.request.itemField !== 'data') this.data = this.getPaginatedItems();
  }

  /** The request for the following page, or null on the last page. */
  protected abstract nextPageRequest(): PageRequest | null;

  /** The items on this page. */
  getPaginatedItems(): Item[] {
    const items = this.request.itemField === '' ? this.body : field(this.body, this.request.itemField);
    return Array.isArray(items) ? (items as Item[]) : [];
  }

  /** False on the last page, and on an empty page whatever its metadata says (no endless loops). */
  hasNextPage(): boolean {
    return this.getPaginatedItems().length > 0 && this.nextPageRequest() !== null;
  }

  async getNextPage(): Promise<this> {
    const next = this.hasNextPage() ? this.nextPageRequest() : null;
    if (!next) {
      throw new TelnyxError('There is no next page; check `hasNextPage()` before calling `getNextPage()`.');
    }
    return this.client.requestPage(this.constructor as PageConstructor<this>, next);
  }

  /** This page, then each following page, fetched as the loop asks for it. */
  async *iterPages(): AsyncGenerator<this> {
    let page: this = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and all following pages. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) yield* page.getPaginatedItems();
  }

  /** A query parameter of this page's request, by its nested path (`['page', 'number']`). */
  protected queryParam(path: readonly string[]): unknown {
    const query = this.request.description.query ?? {};
    const nested = path.reduce<unknown>((node, key) => field(node, key), query);
    return nested ?? query[flatName(path)];
  }

  /** This page's request with the given query parameters set and the `unset` ones removed. */
  protected withQuery(
    set: ReadonlyArray<readonly [readonly string[], unknown]>,
    unset: readonly string[][] = [],
  ): PageRequest {
    let query: Record<string, unknown> = { ...this.request.description.query };
    for (const path of unset) query = setNested(query, path, undefined);
    for (const [path, value] of set) query = setNested(query, path, value);
    return { ...this.request, description: { ...this.request.description, query } };
  }
}

/**
 * A page that is also iterable before it arrives, so `for await (const x of client.things.list())`
 * works without awaiting the first page separately.
 */
export class PagePromise<P extends AbstractPage<unknown>>
  extends APIPromise<P>
  implements AsyncIterable<PageItem<P>>
{
  async *[Symbol.asyncIterator](): AsyncGenerator<PageItem<P>> {
    const page = await this;
    for await (const item of page) yield item as PageItem<P>;
  }
}

/** `obj[key]` for a JSON object, undefined for anything else. */
export function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return (value as Record<string, unknown>)[key];
}

/** A finite number from a JSON number or numeric string (some meta fields are strings). */
export function numberField(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A non-empty string, else undefined (an empty cursor means "no more pages"). */
export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function flatName(path: readonly string[]): string {
  return path.length === 1
    ? path[0]!
    : `${path[0]}${path
        .slice(1)
        .map((p) => `[${p}]`)
        .join('')}`;
}

/** A copy of `query` with the nested `path` set (or removed for undefined) and its flat alias dropped. */
function setNested(
  query: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  if (path.length > 1) delete out[flatName(path)];
  const [head, ...rest] = path;
  if (head === undefined) return out;
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else out[head] = value;
    return out;
  }
  const current = out[head];
  out[head] = setNested(isObject(current) ? current : {}, rest, value);
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
