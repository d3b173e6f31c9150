/**
 * The client against a local server: configuration, headers and URLs as sent, timeouts, aborts,
 * bodies that stall or do not parse, and what each response kind resolves to.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientCore } from '../../templates/typescript/runtime/client-core.ts';
import {
  APIConnectionTimeoutError,
  APIResponseParseError,
  APIUserAbortError,
  TelnyxError,
} from '../../templates/typescript/runtime/errors.ts';
import { buildHeaders, headerValue } from '../../templates/typescript/runtime/headers.ts';
import { API_KEY, json, rejectionOf, startServer, testClient, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

const ok = () => server.handle((_req, res) => json(res, 200, { data: { id: '1' } }));

describe('configuration', () => {
  it('fails at construction without a key, naming the variable and the option', () => {
    vi.stubEnv('TELNYX_API_KEY', '');
    expect(() => new ClientCore({})).toThrow(TelnyxError);
    expect(() => new ClientCore({})).toThrow(/TELNYX_API_KEY.*apiKey/);
  });

  it('reads TELNYX_API_KEY and TELNYX_BASE_URL, defaults to api.telnyx.com/v2', async () => {
    vi.stubEnv('TELNYX_API_KEY', 'KEYfromenv123');
    vi.stubEnv('TELNYX_BASE_URL', '');
    const client = new ClientCore();
    expect(client.baseURL).toBe('https://api.telnyx.com/v2');
    expect(client.timeout).toBe(60_000);
    expect(client.maxRetries).toBe(2);

    vi.stubEnv('TELNYX_BASE_URL', `${server.url}/v2/`);
    ok();
    await new ClientCore({ logLevel: 'off' }).request({ method: 'get', path: '/balance' });
    expect(server.requests[0]!.url).toBe('/v2/balance');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer KEYfromenv123');
  });

  it('rejects bad option values with the option name', () => {
    expect(() => new ClientCore({ apiKey: 'k', maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => new ClientCore({ apiKey: 'k', timeout: Number.NaN })).toThrow(/timeout/);
    expect(() => new ClientCore({ apiKey: 'k', timeout: 0 })).toThrow(/timeout must be a positive/);
    expect(() => new ClientCore({ apiKey: 'k', baseURL: 'api.telnyx.com' })).toThrow(/baseURL/);
  });

  it('never exposes the key when the client is printed or serialised', () => {
    const { client } = testClient(server.url);
    expect(JSON.stringify(client)).not.toContain(API_KEY);
    expect(Object.values(client).join(' ')).not.toContain(API_KEY);
  });

  it('withOptions returns a configured copy and leaves the original alone', async () => {
    ok();
    const { client } = testClient(server.url, { defaultHeaders: { 'X-Team': 'a' } });
    const copy = client.withOptions({ maxRetries: 5, defaultHeaders: { 'X-Team': 'b' } });
    expect(copy).toBeInstanceOf(ClientCore);
    expect([client.maxRetries, copy.maxRetries]).toEqual([2, 5]);
    await copy.request({ method: 'get', path: '/x' });
    await client.request({ method: 'get', path: '/x' });
    expect(server.requests.map((r) => [r.headers['x-team'], r.headers.authorization])).toEqual([
      ['b', `Bearer ${API_KEY}`],
      ['a', `Bearer ${API_KEY}`],
    ]);
  });
});

describe('what is sent', () => {
  it('layers headers: defaults < operation < request; null removes', async () => {
    ok();
    const { client } = testClient(server.url, {
      defaultHeaders: { 'X-A': 'client', 'X-B': 'client', 'X-C': 'client' },
    });
    await client.request(
      { method: 'post', path: '/calls', body: { a: 1 }, headers: { 'X-B': 'operation' } },
      { headers: { 'X-C': null, 'X-D': 'request' } },
    );
    const h = server.requests[0]!.headers;
    expect([h['x-a'], h['x-b'], h['x-c'], h['x-d']]).toEqual(['client', 'operation', undefined, 'request']);
    expect(h['content-type']).toBe('application/json');
    expect(h.accept).toBe('application/json');
    expect(server.requests[0]!.body.toString()).toBe('{"a":1}');
  });

  it('reads one header of the layers as buildHeaders would set it, without building them', () => {
    const layers = [
      new Headers({ 'content-type': 'text/plain' }),
      [['Content-Type', 'text/csv']] as const,
      { 'X-Other': 'x' },
    ];
    expect(headerValue(layers, 'Content-Type')).toBe('text/csv');
    expect(buildHeaders(layers).get('content-type')).toBe('text/csv');
    // A later null removes it, a later undefined leaves it.
    expect(headerValue([...layers, { 'CONTENT-TYPE': null }], 'content-type')).toBeUndefined();
    expect(headerValue([...layers, { 'content-type': undefined }, null], 'content-type')).toBe('text/csv');
    expect(headerValue([{ 'Content-Length': 3 }], 'content-length')).toBe('3');
  });

  it('merges defaultQuery, operation query and request query', async () => {
    ok();
    const { client } = testClient(server.url, { defaultQuery: { tenant: 't1', x: 'default' } });
    await client.request(
      { method: 'get', path: '/a', query: { x: 'op', filter: { y: 1 } } },
      { query: { z: true } },
    );
    expect(decodeURIComponent(server.requests[0]!.url)).toBe('/a?tenant=t1&x=op&filter[y]=1&z=true');
  });

  it("honours an operation's own server only with the default base URL", async () => {
    ok();
    const { client } = testClient(server.url);
    await client.request({ method: 'get', path: '/.well-known/openid', server: 'https://api.telnyx.com' });
    expect(server.requests[0]!.url).toBe('/.well-known/openid');

    const seen: string[] = [];
    const fetch = async (url: string) => {
      seen.push(url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const onDefault = new ClientCore({ apiKey: API_KEY, fetch, logLevel: 'off' });
    await onDefault.request({ method: 'get', path: '/.well-known/openid', server: 'https://api.telnyx.com' });
    await onDefault.request({ method: 'get', path: '/balance' });
    expect(seen).toEqual(['https://api.telnyx.com/.well-known/openid', 'https://api.telnyx.com/v2/balance']);
  });

  it('refuses an absolute URL on another origin (it would carry the API key there)', async () => {
    ok();
    const { client } = testClient(server.url);
    const error = await rejectionOf(client.request({ method: 'get', path: 'https://evil.example/v2/x' }));
    expect(error).toBeInstanceOf(TelnyxError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt that gets no response, retries, then throws APIConnectionTimeoutError', async () => {
    server.handle(() => undefined); // never answers
    const { client, delays } = testClient(server.url, { timeout: 50, maxRetries: 1 });
    const started = Date.now();
    const error = await rejectionOf(client.request({ method: 'get', path: '/slow' }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toMatch(/timed out after 50 ms \(GET \/slow\)/);
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([500]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('the timeout covers a body that stalls after the headers', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": [');
      // ...and never finishes.
    });
    const { client } = testClient(server.url, { timeout: 100, maxRetries: 0 });
    expect(await rejectionOf(client.request({ method: 'get', path: '/stall' }))).toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it('a slow body that arrives within the timeout is read whole', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": [1,');
      setTimeout(() => res.end('2,3]}'), 60);
    });
    const { client } = testClient(server.url, { timeout: 2000 });
    await expect(client.request({ method: 'get', path: '/slow-body' })).resolves.toEqual({ data: [1, 2, 3] });
  });

  it('a per-request timeout overrides the client', async () => {
    server.handle((_req, res) => setTimeout(() => json(res, 200, {}), 200));
    const { client } = testClient(server.url, { timeout: 10_000 });
    const call = client.request({ method: 'get', path: '/x' }, { timeout: 30, maxRetries: 0 });
    expect(await rejectionOf(call)).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("the caller's signal aborts an in-flight request at once, without retrying", async () => {
    server.handle(() => undefined);
    const { client, delays } = testClient(server.url);
    const controller = new AbortController();
    const call = client.request({ method: 'get', path: '/x' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    expect(await rejectionOf(call)).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(delays).toEqual([]);
  });

  it('an already-aborted signal sends nothing', async () => {
    ok();
    const { client } = testClient(server.url);
    const call = client.request({ method: 'get', path: '/x' }, { signal: AbortSignal.abort() });
    expect(await rejectionOf(call)).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('aborting during the wait between retries stops at once (real sleep)', async () => {
    server.handle((_req, res) => json(res, 503, {}, { 'retry-after': '30' }));
    const client = new ClientCore({ apiKey: API_KEY, baseURL: server.url, logLevel: 'off' });
    const controller = new AbortController();
    const call = client.request({ method: 'get', path: '/x' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect(await rejectionOf(call)).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('responses', () => {
  it('a malformed JSON body throws APIResponseParseError with the status and a snippet', async () => {
    server.handle((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-9' })
        .end('{"data": [1, 2'),
    );
    const { client } = testClient(server.url);
    const error = await rejectionOf(client.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(APIResponseParseError);
    expect(error.message).toContain('200');
    expect(error.message).toContain('{"data": [1, 2');
    expect((error as APIResponseParseError).requestID).toBe('req-9');
  });

  it('resolves 204 to undefined, text and CSV to strings, binary to the raw Response', async () => {
    server.handle((req, res) => {
      if (req.url === '/none') return res.writeHead(204).end();
      if (req.url === '/csv') return res.writeHead(200, { 'content-type': 'text/csv' }).end('a,b\n1,2\n');
      if (req.url === '/pdf')
        return res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from([37, 80, 68, 70]));
      return res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    });
    const { client } = testClient(server.url);
    await expect(
      client.request({ method: 'delete', path: '/none', responseKind: 'none' }),
    ).resolves.toBeUndefined();
    await expect(client.request({ method: 'get', path: '/none' })).resolves.toBeUndefined();
    await expect(client.request({ method: 'get', path: '/csv', responseKind: 'csv' })).resolves.toBe(
      'a,b\n1,2\n',
    );
    await expect(client.request({ method: 'get', path: '/text', responseKind: 'text' })).resolves.toBe(
      'hello',
    );
    const pdf = await client.request<Response>({ method: 'get', path: '/pdf', responseKind: 'binary' });
    expect(pdf).toBeInstanceOf(Response);
    expect([...new Uint8Array(await pdf.arrayBuffer())]).toEqual([37, 80, 68, 70]);
    expect(server.requests.find((r) => r.url === '/pdf')!.headers.accept).toBe('*/*');
  });

  it('withResponse gives data, the Response and the request id; asResponse an unread Response', async () => {
    server.handle((_req, res) => json(res, 200, { data: 7 }, { 'x-request-id': 'req-1' }));
    const { client } = testClient(server.url);
    const { data, response, requestID } = await client
      .request<{ data: number }>({ method: 'get', path: '/x' })
      .withResponse();
    expect([data, response.status, requestID]).toEqual([{ data: 7 }, 200, 'req-1']);

    const raw = await client.request({ method: 'get', path: '/x' }).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ data: 7 });
  });

  it('the Response of a buffered call is the fetched one: same bytes, status text, url and headers', async () => {
    // Latin-1 bytes that UTF-8 decoding would replace: the caller must get the bytes, not a re-encoding.
    const bytes = [0x63, 0x61, 0x66, 0xe9, 0x0a];
    server.handle((_req, res) =>
      res
        .writeHead(201, 'Made', { 'content-type': 'text/plain; charset=latin1', 'x-request-id': 'r-2' })
        .end(Buffer.from(bytes)),
    );
    const { client } = testClient(server.url);
    const call = client.request<string>({ method: 'get', path: '/t', responseKind: 'text' });
    const { data, response } = await call.withResponse();
    expect(data).toBe('caf\ufffd\n');
    expect([response.status, response.statusText, response.url]).toEqual([201, 'Made', `${server.url}/t`]);
    expect(response.headers.get('x-request-id')).toBe('r-2');
    expect(await call.asResponse()).toBe(response);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(bytes);
  });

  it('an APIPromise is a Promise, parses once and works with then/catch/finally', async () => {
    ok();
    const { client } = testClient(server.url);
    const call = client.request<{ data: { id: string } }>({ method: 'get', path: '/x' });
    expect(call).toBeInstanceOf(Promise);
    const [a, b] = await Promise.all([call, call.then((r) => r.data.id)]);
    expect(a).toEqual({ data: { id: '1' } });
    expect(b).toBe('1');
    let finished = false;
    await call.finally(() => (finished = true));
    expect(finished).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});
