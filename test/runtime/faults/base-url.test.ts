/**
 * A base URL that carries a query (`https://proxy/v2?tenant=1`, a gateway's routing key) used to give
 * `/v2?tenant=1/messages/m1`. Decided: handled, not refused. The query goes on every request (after
 * the path's own, before the call's; a name the call sets itself is not repeated), including
 * page links and the OAuth token request. Refused at construction: a fragment, and a user name or
 * password (fetch rejects those with a TypeError that prints them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCore } from '../../../templates/typescript/runtime/client-core.ts';
import { TelnyxError } from '../../../templates/typescript/runtime/errors.ts';
import { TeXMLPagination } from '../../../templates/typescript/runtime/page-styles.ts';
import { buildURL, resolveAPILink } from '../../../templates/typescript/runtime/request.ts';
import { API_KEY, json, startServer, testClient, type TestServer } from '../helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('a query on the base URL is sent with every request', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['no query of its own', {}, '/v2/messages/m1?tenant=1'],
    [
      'a query of its own, after the base one',
      { page: { number: 2 } },
      '/v2/messages/m1?tenant=1&page%5Bnumber%5D=2',
    ],
    ['the call sets the same name: its own value only', { tenant: '2' }, '/v2/messages/m1?tenant=2'],
  ])('%s', async (_name, query, want) => {
    server.handle((_req, res) => json(res, 200, {}));
    const { client } = testClient(`${server.url}/v2?tenant=1`);
    await client.request({ method: 'get', path: '/messages/m1', query });
    expect(server.requests.map((r) => r.url)).toEqual([want]);
  });

  it('several values and a trailing slash before the query', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const { client } = testClient(`${server.url}/v2/?a=1&a=2&b=x%20y`);
    await client.get('/balance');
    expect(server.requests[0]!.url).toBe('/v2/balance?a=1&a=2&b=x+y');
  });

  it('with defaultQuery, the public buildURL and withOptions', () => {
    const client = new ClientCore({
      apiKey: API_KEY,
      baseURL: 'https://proxy.example/v2?tenant=1',
      defaultQuery: { region: 'eu' },
    });
    expect(client.buildURL('/calls', { limit: 5 })).toBe(
      'https://proxy.example/v2/calls?tenant=1&region=eu&limit=5',
    );
    expect(client.withOptions({ timeout: 5 }).buildURL('/calls', {})).toBe(
      'https://proxy.example/v2/calls?tenant=1&region=eu',
    );
  });

  it('a page link keeps one copy of the base query (TeXML next_page_uri)', async () => {
    server.handle((req, res, i) =>
      json(res, 200, {
        calls: [{ sid: String(i) }],
        next_page_uri: i === 0 ? `/v2/texml/Calls.json?tenant=1&Page=1&PageToken=t1` : null,
      }),
    );
    const { client } = testClient(`${server.url}/v2?tenant=1`);
    const first = await client.getAPIList(
      TeXMLPagination,
      { method: 'get', path: '/texml/Calls.json' },
      'calls',
    );
    const items = [];
    for await (const item of first) items.push(item);
    expect(items).toHaveLength(2);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v2/texml/Calls.json?tenant=1',
      '/v2/texml/Calls.json?tenant=1&Page=1&PageToken=t1',
    ]);
    expect(resolveAPILink('/v2/x?Page=2', 'https://h.example/v2?tenant=1')).toBe(
      'https://h.example/v2/x?Page=2',
    );
  });

  it('the OAuth token request too', async () => {
    server.handle((req, res) =>
      json(
        res,
        200,
        req.url?.startsWith('/v2/oauth/token') ? { access_token: 'tok_abcdef', expires_in: 60 } : {},
      ),
    );
    const client = new ClientCore({
      clientID: 'id',
      clientSecret: 'sec',
      baseURL: `${server.url}/v2?tenant=1`,
    });
    await client.get('/balance');
    expect(server.requests.map((r) => r.url)).toEqual(['/v2/oauth/token?tenant=1', '/v2/balance?tenant=1']);
  });

  it('buildURL with an absolute same-origin path that already names the base query', () => {
    expect(
      buildURL('https://h.example/v2?tenant=1', 'https://h.example/v2/x?tenant=1&p=2', {}, undefined),
    ).toBe('https://h.example/v2/x?tenant=1&p=2');
  });
});

describe('refused at construction', () => {
  it('a fragment', () => {
    expect(() => new ClientCore({ apiKey: API_KEY, baseURL: 'https://h.example/v2#x' })).toThrow(
      /has a fragment \(#...\)/,
    );
  });

  it('a user name or password, without repeating them', () => {
    let error: unknown;
    try {
      new ClientCore({ apiKey: API_KEY, baseURL: 'https://user:hunter2secret@h.example/v2' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TelnyxError);
    expect((error as Error).message).toMatch(/must not contain a user name or password/);
    expect((error as Error).message).not.toContain('hunter2secret');
  });
});
