/**
 * Every paging style walks three pages of a fake API with `for await` straight off the call (no
 * first await), sending the paging parameters that style's endpoints expect, and stops on the last
 * page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCore } from '../../templates/typescript/runtime/client-core.ts';
import {
  CursorLimitPagination,
  CursorPagination,
  DefaultPagination,
  PageCursorPagination,
  PageNumberSizePagination,
  PagePageSizePagination,
  PerPagePagination,
  RecordsPagination,
  TeXMLPagination,
} from '../../templates/typescript/runtime/page-styles.ts';
import type { AbstractPage, PageConstructor } from '../../templates/typescript/runtime/pagination.ts';
import { resolveAPILink, type RequestDescription } from '../../templates/typescript/runtime/request.ts';
import { PAGE_MEMBERS } from '../../generator/emit/typescript/operation-types.ts';
import { json, startServer, testClient, type TestServer } from './helpers.ts';

interface Item {
  id: number;
}
const itemsOf = (page: number): Item[] => [{ id: 2 * page - 1 }, { id: 2 * page }];
const next = (page: number) => (page < 3 ? page + 1 : undefined);

interface Style {
  Page: PageConstructor<AbstractPage<Item>>;
  itemField: string;
  first: RequestDescription;
  /** The fake API: which page (1..3) a request asks for, and the body to answer with. */
  serve(q: URLSearchParams): { page: number; body: unknown };
  /** Decoded path+query of the three requests, as the endpoint expects them. */
  sent: string[];
}

const cursorFor = (page: number | undefined) => (page ? `c${page}` : undefined);
const pageOfCursor = (cursor: string | null) => (cursor ? Number(cursor.slice(1)) : 1);

const styles: Record<string, Style> = {
  DefaultPagination: {
    Page: DefaultPagination,
    itemField: 'data',
    first: { method: 'get', path: '/numbers', query: { page: { size: 2 }, filter: { status: 'active' } } },
    serve: (q) => {
      const page = Number(q.get('page[number]') ?? 1);
      return {
        page,
        body: {
          data: itemsOf(page),
          meta: { page_number: page, page_size: 2, total_pages: 3, total_results: 6 },
        },
      };
    },
    sent: [
      '/numbers?page[size]=2&filter[status]=active',
      '/numbers?page[size]=2&page[number]=2&filter[status]=active',
      '/numbers?page[size]=2&page[number]=3&filter[status]=active',
    ],
  },
  CursorPagination: {
    Page: CursorPagination,
    itemField: 'data',
    // Flat bracketed names work too; the cursor replaces any page[before].
    first: { method: 'get', path: '/storage/cloudfs', query: { 'page[limit]': 2, 'page[before]': 'x' } },
    serve: (q) => {
      const page = pageOfCursor(q.get('page[after]'));
      const cursors = { after: cursorFor(next(page)), before: page > 1 ? 'b' : undefined };
      return { page, body: { data: itemsOf(page), meta: { cursors } } };
    },
    sent: [
      '/storage/cloudfs?page[limit]=2&page[before]=x',
      '/storage/cloudfs?page[limit]=2&page[after]=c2',
      '/storage/cloudfs?page[limit]=2&page[after]=c3',
    ],
  },
  RecordsPagination: {
    Page: RecordsPagination,
    itemField: 'records',
    first: { method: 'get', path: '/10dlc/brand', query: { recordsPerPage: 2 } },
    serve: (q) => {
      const page = Number(q.get('page') ?? 1);
      return { page, body: { page, records: itemsOf(page), totalRecords: 6 } };
    },
    sent: [
      '/10dlc/brand?recordsPerPage=2',
      '/10dlc/brand?recordsPerPage=2&page=2',
      '/10dlc/brand?recordsPerPage=2&page=3',
    ],
  },
  TeXMLPagination: {
    Page: TeXMLPagination,
    itemField: 'calls',
    first: { method: 'get', path: '/texml/Accounts/AC1/Calls', query: { PageSize: 2 } },
    serve: (q) => {
      const page = q.get('PageToken') ? Number(q.get('Page')) + 1 : 1;
      const n = next(page);
      // As Telnyx sends it: a path from the host root, /v2 included.
      const link = n ? `/v2/texml/Accounts/AC1/Calls?Page=${n - 1}&PageSize=2&PageToken=tok${n}` : null;
      return { page, body: { calls: itemsOf(page), page: page - 1, page_size: 2, next_page_uri: link } };
    },
    sent: [
      '/texml/Accounts/AC1/Calls?PageSize=2',
      '/texml/Accounts/AC1/Calls?Page=1&PageSize=2&PageToken=tok2',
      '/texml/Accounts/AC1/Calls?Page=2&PageSize=2&PageToken=tok3',
    ],
  },
  PageCursorPagination: {
    Page: PageCursorPagination,
    itemField: 'data',
    first: { method: 'get', path: '/email_messages', query: { page_size: 2 } },
    serve: (q) => {
      const page = pageOfCursor(q.get('page_cursor'));
      // Both spellings of "next cursor" occur; the last page repeats no cursor.
      const meta =
        page === 1 ? { page_cursor: cursorFor(next(page)) } : { next_page_cursor: cursorFor(next(page)) };
      return { page, body: { data: itemsOf(page), meta: { page_size: 2, ...meta } } };
    },
    sent: [
      '/email_messages?page_size=2',
      '/email_messages?page_size=2&page_cursor=c2',
      '/email_messages?page_size=2&page_cursor=c3',
    ],
  },
  PerPagePagination: {
    Page: PerPagePagination,
    itemField: 'data',
    first: { method: 'get', path: '/legacy/usage', query: { per_page: 2 } },
    serve: (q) => {
      const page = Number(q.get('page') ?? 1);
      return { page, body: { data: itemsOf(page), meta: { page_number: page, total_pages: 3 } } };
    },
    sent: ['/legacy/usage?per_page=2', '/legacy/usage?per_page=2&page=2', '/legacy/usage?per_page=2&page=3'],
  },
  CursorLimitPagination: {
    Page: CursorLimitPagination,
    itemField: 'data',
    first: { method: 'get', path: '/storage/kvs/k1/keys', query: { limit: 2 } },
    serve: (q) => {
      const page = pageOfCursor(q.get('cursor'));
      // The last page still carries a cursor: has_more: false must win.
      return {
        page,
        body: { data: itemsOf(page), meta: { cursor: cursorFor(next(page)) ?? 'stale', has_more: page < 3 } },
      };
    },
    sent: [
      '/storage/kvs/k1/keys?limit=2',
      '/storage/kvs/k1/keys?limit=2&cursor=c2',
      '/storage/kvs/k1/keys?limit=2&cursor=c3',
    ],
  },
  PagePageSizePagination: {
    Page: PagePageSizePagination,
    itemField: 'records',
    first: { method: 'get', path: '/tollfree/requests', query: { page: 1, page_size: 2 } },
    serve: (q) => {
      const page = Number(q.get('page') ?? 1);
      return { page, body: { records: itemsOf(page), total_records: 6 } };
    },
    sent: [
      '/tollfree/requests?page=1&page_size=2',
      '/tollfree/requests?page=2&page_size=2',
      '/tollfree/requests?page=3&page_size=2',
    ],
  },
  PageNumberSizePagination: {
    Page: PageNumberSizePagination,
    itemField: 'data',
    first: { method: 'get', path: '/inexplicit_number_orders', query: { page_size: 2 } },
    serve: (q) => {
      const page = Number(q.get('page_number') ?? 1);
      return { page, body: { data: itemsOf(page), meta: { page_number: page, total_pages: 3 } } };
    },
    sent: [
      '/inexplicit_number_orders?page_size=2',
      '/inexplicit_number_orders?page_size=2&page_number=2',
      '/inexplicit_number_orders?page_size=2&page_number=3',
    ],
  },
};

let server: TestServer;
let client: ClientCore;
beforeAll(async () => {
  server = await startServer();
  // Under /v2, like the real API root, so TeXML's host-root links are exercised.
  client = testClient(`${server.url}/v2`).client;
});
afterAll(() => server.close());

const decoded = () => server.requests.map((r) => decodeURIComponent(r.url).replace(/^\/v2/, ''));

describe.each(Object.entries(styles))('%s', (_name, style) => {
  const serve = () =>
    server.handle((req, res) => {
      const url = new URL(req.url, server.url);
      json(res, 200, style.serve(url.searchParams).body);
    });
  const list = () => client.getAPIList(style.Page, style.first, style.itemField);

  it('for await walks every item of three pages, sending the paging parameters', async () => {
    serve();
    const ids: number[] = [];
    for await (const item of list()) ids.push((item as Item).id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    expect(decoded()).toEqual(style.sent);
  });

  it('iterPages yields three pages; the last has no next page', async () => {
    serve();
    const first = await list();
    expect(first.getPaginatedItems()).toEqual(itemsOf(1));
    const pages: AbstractPage<Item>[] = [];
    for await (const page of first.iterPages()) pages.push(page);
    expect(pages.map((p) => p.getPaginatedItems().map((i) => i.id))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(pages.map((p) => p.hasNextPage())).toEqual([true, true, false]);
    expect(pages[1]).toBeInstanceOf(style.Page);
    await expect(pages[2]!.getNextPage()).rejects.toThrow(/no next page/);
  });
});

describe('page edge cases', () => {
  it("itemField '' reads a top-level array", async () => {
    server.handle((_req, res) => json(res, 200, [{ id: 1 }, { id: 2 }]));
    const page = await client.getAPIList(DefaultPagination<Item>, { method: 'get', path: '/plain' }, '');
    expect(page.getPaginatedItems()).toEqual([{ id: 1 }, { id: 2 }]);
    expect(page.hasNextPage()).toBe(false);
  });

  it('an empty page ends paging whatever its meta says', async () => {
    server.handle((_req, res) => json(res, 200, { data: [], meta: { page_number: 1, total_pages: 99 } }));
    const ids: unknown[] = [];
    for await (const item of client.getAPIList(
      DefaultPagination<Item>,
      { method: 'get', path: '/e' },
      'data',
    ))
      ids.push(item);
    expect(ids).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('a cursor that comes back unchanged ends paging instead of looping', async () => {
    server.handle((_req, res) => json(res, 200, { data: [{ id: 1 }], meta: { cursors: { after: 'same' } } }));
    let count = 0;
    const first = { method: 'get', path: '/loop', query: { page: { after: 'same' } } } as const;
    for await (const _ of client.getAPIList(CursorPagination<Item>, first, 'data')) count++;
    expect(count).toBe(1);
  });
});

describe('resolveAPILink', () => {
  it.each<[string, string, string]>([
    ['/v2/texml/Calls?Page=1', 'https://api.telnyx.com/v2', 'https://api.telnyx.com/v2/texml/Calls?Page=1'],
    ['/v2/texml/Calls?Page=1', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/texml/Calls?Page=1'],
    [
      '/v2/texml/Calls?Page=1',
      'https://proxy.example/telnyx/v2',
      'https://proxy.example/telnyx/v2/texml/Calls?Page=1',
    ],
    ['texml/Calls?Page=1', 'https://api.telnyx.com/v2', 'https://api.telnyx.com/v2/texml/Calls?Page=1'],
    [
      'https://api.telnyx.com/v2/texml/Calls?Page=1',
      'https://api.telnyx.com/v2',
      'https://api.telnyx.com/v2/texml/Calls?Page=1',
    ],
  ])('%s on %s', (link, base, want) => {
    expect(resolveAPILink(link, base)).toBe(want);
  });

  it('refuses a link to another host', () => {
    expect(() => resolveAPILink('https://evil.example/v2/x', 'https://api.telnyx.com/v2')).toThrow(
      /not following/,
    );
  });
});

describe("a page's own members (the generator's page types leave these body fields out)", () => {
  it('are exactly the names a body field cannot take over; every other body field is carried', () => {
    const body = { data: [{ id: 1 }], meta: { page_number: 1 }, extra: 2, response: 'r', hasNextPage: 'x' };
    const page = new DefaultPagination<Item>({
      client: {} as ClientCore,
      request: { description: { method: 'get', path: '/things' }, options: {}, itemField: 'data' },
      response: new Response(),
      body,
      baseURL: 'https://api.example.com',
    });
    const fields = page as unknown as Record<string, unknown>;
    const carried = Object.keys(body).filter((k) => fields[k] === body[k as keyof typeof body]);
    expect(carried).toEqual(['data', 'meta', 'extra']);
    // Own fields and the class chain's methods, without what was carried from the body.
    const names = new Set<string>();
    for (let o: object | null = page; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
      for (const name of Object.getOwnPropertyNames(o)) names.add(name);
    const own = [...names].filter((n) => n !== 'constructor' && !(carried.includes(n) && n !== 'data'));
    expect(own.sort()).toEqual([...PAGE_MEMBERS].sort());
  });
});
