/**
 * The official SDK's client-level surface, as code written against it uses it: error classes on the
 * client class, the generic verbs with the official RequestOptions, `buildURL`/`buildRequest`, the
 * User-Agent, `x-should-retry`, streamed bodies, page objects carrying their body's fields, the
 * official `APIPromise` constructor and `withOptions` after runtime changes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { APIPromise } from '../../templates/typescript/runtime/api-promise.ts';
import { ClientCore } from '../../templates/typescript/runtime/client-core.ts';
import * as Errors from '../../templates/typescript/runtime/errors.ts';
import {
  DefaultPagination,
  RecordsPagination,
  TeXMLPagination,
} from '../../templates/typescript/runtime/page-styles.ts';
import { API_KEY, json, rejectionOf, startServer, testClient, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

describe('error classes', () => {
  it('are statics of the client class, and `instanceof` works on what a call throws', async () => {
    const names = [
      'TelnyxError',
      'APIError',
      'APIConnectionError',
      'APIConnectionTimeoutError',
      'APIUserAbortError',
      'NotFoundError',
      'ConflictError',
      'RateLimitError',
      'BadRequestError',
      'AuthenticationError',
      'InternalServerError',
      'PermissionDeniedError',
      'UnprocessableEntityError',
    ] as const;
    for (const name of names) expect(ClientCore[name], name).toBe(Errors[name]);
    server.handle((_req, res) => json(res, 404, { errors: [{ title: 'gone' }] }));
    const { client } = testClient(server.url);
    const error = await rejectionOf(client.get('/numbers/1'));
    expect(error).toBeInstanceOf(ClientCore.NotFoundError);
    expect(error).toBeInstanceOf(ClientCore.APIError);
  });
});

describe('generic requests', () => {
  it('get/post/put/patch/delete send the method, path, query and JSON body', async () => {
    server.handle((req, res) =>
      json(res, 200, { method: req.method, url: req.url, body: req.body.toString() }),
    );
    const { client } = testClient(server.url);
    const seen = [
      await client.get('/a', { query: { filter: { s: 'x' }, skip: null } }),
      await client.post('/b', { body: { n: 1 } }),
      await client.put('/c', { body: [1] }),
      await client.patch('/d'),
      await client.delete('/e'),
    ];
    expect(seen).toEqual([
      { method: 'GET', url: '/a?filter%5Bs%5D=x', body: '' },
      { method: 'POST', url: '/b', body: '{"n":1}' },
      { method: 'PUT', url: '/c', body: '[1]' },
      { method: 'PATCH', url: '/d', body: '' },
      { method: 'DELETE', url: '/e', body: '' },
    ]);
  });

  it('parse by content type: JSON, text, 204; `__binaryResponse` gives the Response', async () => {
    server.handle((req, res) => {
      if (req.url === '/text') return res.writeHead(200, { 'content-type': 'text/plain' }).end('hi');
      if (req.url === '/empty') return res.writeHead(204).end();
      return json(res, 200, { ok: true });
    });
    const { client } = testClient(server.url);
    expect(await client.get('/json')).toEqual({ ok: true });
    expect(await client.get('/text')).toBe('hi');
    expect(await client.delete('/empty')).toBeUndefined();
    const raw = await client.get<Response>('/json', { __binaryResponse: true });
    expect(raw).toBeInstanceOf(Response);
    expect(await raw.json()).toEqual({ ok: true });
  });

  it('per-request options: path, baseURL, headers, idempotencyKey, fetchOptions, maxRetries', async () => {
    server.handle((req, res) =>
      json(res, 200, { url: req.url, key: req.headers['idempotency-key'] ?? null }),
    );
    const fetched: RequestInit[] = [];
    const { client } = testClient('https://api.telnyx.com/v2', {
      fetch: (url, init) => {
        fetched.push(init);
        return fetch(url.replace('https://api.telnyx.com/v2', server.url), init);
      },
    });
    const got = await client.post('/ignored', {
      path: '/numbers',
      headers: { 'X-Extra': '1' },
      idempotencyKey: 'k-1',
      fetchOptions: { keepalive: false },
    });
    expect(got).toEqual({ url: '/numbers', key: 'k-1' });
    expect(fetched[0]!.keepalive).toBe(false);
    expect((fetched[0]!.headers as Headers).get('x-extra')).toBe('1');
    // A per-request baseURL wins over the client's.
    await expect(client.get('/x', { baseURL: `${server.url}/other` })).resolves.toEqual({
      url: '/other/x',
      key: null,
    });
  });

  it('the official whole-request shape works with request(), and a promise of options with the verbs', async () => {
    server.handle((req, res) => json(res, 200, { url: req.url }));
    const { client } = testClient(server.url);
    expect(await client.request({ method: 'get', path: '/one', query: { a: 1 } })).toEqual({
      url: '/one?a=1',
    });
    expect(await client.get('/two', Promise.resolve({ query: { b: 2 } }))).toEqual({ url: '/two?b=2' });
  });

  it('a streamed body is sent as a stream, once: never retried', async () => {
    server.handle((_req, res) => json(res, 503, {}));
    const { client } = testClient(server.url);
    const body = (async function* () {
      yield new TextEncoder().encode('chunk-1 ');
      yield 'chunk-2';
    })();
    await expect(client.post('/upload', { body })).rejects.toBeInstanceOf(Errors.InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.toString()).toBe('chunk-1 chunk-2');
  });

  it('bytes, Blobs, URLSearchParams go out as they are; a form content type encodes an object as a form', async () => {
    server.handle((req, res) =>
      json(res, 200, { type: req.headers['content-type'] ?? null, body: req.body.toString() }),
    );
    const { client } = testClient(server.url);
    expect(await client.post('/a', { body: new TextEncoder().encode('raw') })).toEqual({
      type: null,
      body: 'raw',
    });
    expect(await client.post('/b', { body: new URLSearchParams('x=1') })).toEqual({
      type: 'application/x-www-form-urlencoded;charset=UTF-8',
      body: 'x=1',
    });
    expect(
      await client.post('/c', {
        body: { To: '+1', CustomHeaders: [{ name: 'X-A', value: 'v' }] },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    ).toEqual({
      type: 'application/x-www-form-urlencoded',
      body: 'To=%2B1&CustomHeaders%5B0%5D%5Bname%5D=X-A&CustomHeaders%5B0%5D%5Bvalue%5D=v',
    });
  });
});

describe('buildURL and buildRequest', () => {
  it('build what a request would send, without sending it', async () => {
    const { client } = testClient('http://localhost:5000/v2/', { defaultQuery: { tenant: 't' } });
    expect(client.baseURL).toBe('http://localhost:5000/v2/');
    expect(client.buildURL('/foo', { a: 1, tenant: undefined })).toBe('http://localhost:5000/v2/foo?a=1');
    expect(client.buildURL('/foo', null)).toBe('http://localhost:5000/v2/foo?tenant=t');
    const { req, url, timeout } = await client.buildRequest({
      method: 'post',
      path: '/calls',
      body: { a: 1 },
      headers: { 'X-A': '1' },
    });
    expect([url, timeout, req.method, req.body]).toEqual([
      'http://localhost:5000/v2/calls?tenant=t',
      60_000,
      'POST',
      '{"a":1}',
    ]);
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(req.headers.get('x-a')).toBe('1');
    expect(req.headers.get('user-agent')).toBe('Telnyx/JS');
    expect(req.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });
});

describe('retries', () => {
  it('x-should-retry: true retries even a POST the policy would not; false stops even a GET', async () => {
    server.handle((_req, res, i) =>
      i === 0 ? json(res, 500, {}, { 'x-should-retry': 'true' }) : json(res, 200, { ok: true }),
    );
    const { client } = testClient(server.url);
    await expect(client.post('/messages', { body: { text: 'hi' } })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);

    server.handle((_req, res) => json(res, 503, {}, { 'x-should-retry': 'false' }));
    await expect(client.get('/numbers')).rejects.toBeInstanceOf(Errors.InternalServerError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('withOptions starts from the current baseURL, timeout and maxRetries', () => {
    const { client } = testClient('http://localhost:5000/', { timeout: 1000 });
    client.baseURL = 'http://localhost:6000/';
    client.timeout = 2000;
    const copy = client.withOptions({ maxRetries: 9 });
    expect([copy.baseURL, copy.timeout, copy.maxRetries]).toEqual(['http://localhost:6000/', 2000, 9]);
    expect(copy.constructor).toBe(client.constructor);
  });

  it('an unknown TELNYX_LOG is reported through the logger, unless logLevel is given', () => {
    vi.stubEnv('TELNYX_LOG', 'loud');
    const warn = vi.fn();
    const logger = { error: vi.fn(), warn, info: vi.fn(), debug: vi.fn() };
    expect(new ClientCore({ apiKey: API_KEY, logger }).logLevel).toBe('warn');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('TELNYX_LOG is "loud"'));
    warn.mockClear();
    new ClientCore({ apiKey: API_KEY, logger, logLevel: 'debug' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('publicKey comes from the option, else TELNYX_PUBLIC_KEY', () => {
    vi.stubEnv('TELNYX_PUBLIC_KEY', 'from-env');
    expect(new ClientCore({ apiKey: API_KEY }).publicKey).toBe('from-env');
    expect(new ClientCore({ apiKey: API_KEY, publicKey: 'given' }).publicKey).toBe('given');
  });
});

describe('APIPromise in the official shape', () => {
  it('takes (client, response props), parses by content type and logs at debug', async () => {
    const debug = vi.fn();
    const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug };
    const client = new ClientCore({ apiKey: API_KEY, logger, logLevel: 'debug' });
    const response = new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
    const promise = new APIPromise(client, Promise.resolve({ response, controller: new AbortController() }));
    expect(await promise).toEqual({ a: 1 });
    expect(debug).toHaveBeenCalled();
    const text = new APIPromise<string>(
      client,
      Promise.resolve({ response: new Response('plain'), controller: new AbortController() }),
    );
    expect(await text).toBe('plain');
  });
});

describe('page objects carry their body fields', () => {
  it('data and meta, records with data as the items, TeXML links; members keep their names', async () => {
    server.handle((req, res) => {
      if (req.url.startsWith('/records'))
        return json(res, 200, { records: [{ id: 1 }], page: 1, totalRecords: 1, hasNextPage: 'x' });
      if (req.url.startsWith('/texml'))
        return json(res, 200, { calls: [{ sid: 'a' }], next_page_uri: null, page: 0, page_size: 1 });
      return json(res, 200, { data: [{ id: 1 }], meta: { page_number: 1, total_pages: 1 }, response: 'x' });
    });
    const { client } = testClient(server.url);
    const page = await client.getAPIList(
      DefaultPagination<{ id: number }>,
      { method: 'get', path: '/numbers' },
      'data',
    );
    expect([page.data, page.meta.total_pages]).toEqual([[{ id: 1 }], 1]);
    expect(page.response).toBeInstanceOf(Response);
    expect((page.body as { response: string }).response).toBe('x');

    const records = await client.getAPIList(
      RecordsPagination<{ id: number }>,
      { method: 'get', path: '/records' },
      'records',
    );
    expect([records.records, records.data, records.totalRecords]).toEqual([[{ id: 1 }], [{ id: 1 }], 1]);
    expect(records.hasNextPage()).toBe(false);

    const texml = await client.getAPIList(
      TeXMLPagination<{ sid: string }>,
      { method: 'get', path: '/texml' },
      'calls',
    );
    expect([texml.data, texml.next_page_uri, texml.page_size]).toEqual([[{ sid: 'a' }], null, 1]);
    expect((texml as unknown as { calls: unknown }).calls).toEqual([{ sid: 'a' }]);
  });
});

describe('OAuth client credentials', () => {
  it('fetch a token from <baseURL>/oauth/token once, send it as the bearer, renew it when it expires', async () => {
    let tokens = 0;
    server.handle((req, res) => {
      if (req.url === '/oauth/token') {
        tokens++;
        return json(res, 200, { access_token: `tok-${tokens}`, token_type: 'Bearer', expires_in: 60 });
      }
      return json(res, 200, { auth: req.headers.authorization });
    });
    let clock = 1_000_000;
    const client = new ClientCore({
      baseURL: server.url,
      clientID: 'id',
      clientSecret: 'sécret',
      logLevel: 'off',
      now: () => clock,
    });
    expect(await client.get('/a')).toEqual({ auth: 'Bearer tok-1' });
    expect(await client.get('/b')).toEqual({ auth: 'Bearer tok-1' });
    const tokenRequest = server.requests.find((r) => r.url === '/oauth/token')!;
    expect([tokenRequest.method, tokenRequest.body.toString()]).toEqual([
      'POST',
      'grant_type=client_credentials',
    ]);
    expect(tokenRequest.headers.authorization).toBe(`Basic ${Buffer.from('id:sécret').toString('base64')}`);
    clock += 55_000; // within 10 s of expiry: renewed
    expect(await client.get('/c')).toEqual({ auth: 'Bearer tok-2' });
    expect(tokens).toBe(2);
  });

  it('a refused token is an APIError, and the next call asks again', async () => {
    server.handle((req, res) =>
      req.url === '/oauth/token' ? json(res, 401, { errors: [{ title: 'bad client' }] }) : json(res, 200, {}),
    );
    const client = new ClientCore({
      baseURL: server.url,
      clientID: 'id',
      clientSecret: 's',
      logLevel: 'off',
    });
    const error = await rejectionOf(client.get('/a'));
    expect(error).toBeInstanceOf(Errors.AuthenticationError);
    expect(error.message).toContain('bad client');
    await rejectionOf(client.get('/a'));
    expect(server.requests.filter((r) => r.url === '/oauth/token')).toHaveLength(2);
  });

  it('neither a key nor both credentials: a clear error at construction', () => {
    vi.stubEnv('TELNYX_API_KEY', '');
    vi.stubEnv('TELNYX_CLIENT_ID', '');
    expect(() => new ClientCore({ clientSecret: 's' })).toThrow(/TELNYX_API_KEY.*clientID/);
  });
});
