/**
 * Redirects: fetch followed a 307/308 to another host with the POST body (and any credential header
 * not named Authorization) and returned that host's answer as the API's. Now only same-origin
 * redirects are followed; another origin is an APIError with the redirect's status and nothing is sent
 * there. Two local servers are two origins (different ports).
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIError } from '../../../templates/typescript/runtime/errors.ts';
import { MAX_REDIRECTS } from '../../../templates/typescript/runtime/redirects.ts';
import { API_KEY, json, rejectionOf, startServer, testClient, type TestServer } from '../helpers.ts';

let api: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  [api, elsewhere] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([api.close(), elsewhere.close()]));

const redirect = (status: number, location: string) => () =>
  api.handle((_req, res) => res.writeHead(status, { location }).end());

describe('a redirect to another origin is not followed', () => {
  it.each([307, 308, 301, 302, 303])(
    '%i after a POST: an APIError, nothing sent there, no retry',
    async (status) => {
      redirect(status, `${elsewhere.url}/v2/messages`)();
      elsewhere.handle((_req, res) => json(res, 200, { data: { id: 'forged' } }));
      const { client } = testClient(api.url, {
        defaultHeaders: { 'X-Api-Key': API_KEY },
        retryNonIdempotent: true,
      });
      const error = (await rejectionOf(
        client.request({ method: 'post', path: '/messages', body: { text: 'secret text' } }),
      )) as APIError;
      expect(error).toBeInstanceOf(APIError);
      expect(error.status).toBe(status);
      expect(error.message).toContain(`to another origin, ${elsewhere.url}; not followed`);
      expect(elsewhere.requests).toHaveLength(0);
      expect(api.requests).toHaveLength(1);
      expect(inspect(error, { depth: Infinity })).not.toContain(API_KEY);
    },
  );

  it('a GET too (its credentials)', async () => {
    redirect(302, `${elsewhere.url}/v2/balance`)();
    const { client } = testClient(api.url);
    expect(
      ((await rejectionOf(client.request({ method: 'get', path: '/balance' }))) as APIError).status,
    ).toBe(302);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('https -> http on the same host is another origin', async () => {
    const fetch = async (url: string) =>
      url.startsWith('https:')
        ? new Response(null, { status: 307, headers: { location: url.replace('https:', 'http:') } })
        : new Response('{}', { headers: { 'content-type': 'application/json' } });
    const { client } = testClient('https://api.example.test/v2', { fetch });
    expect(
      ((await rejectionOf(client.request({ method: 'get', path: '/balance' }))) as APIError).status,
    ).toBe(307);
  });
});

describe('a redirect within the origin is followed', () => {
  it('307 keeps the method, the body and the credentials', async () => {
    api.handle((req, res) =>
      req.url === '/messages'
        ? res.writeHead(307, { location: '/v3/messages' }).end()
        : json(res, 200, { ok: 1 }),
    );
    const { client } = testClient(api.url);
    await expect(
      client.request({ method: 'post', path: '/messages', body: { text: 'hi' } }),
    ).resolves.toEqual({
      ok: 1,
    });
    const [, second] = api.requests;
    expect([second!.method, second!.url, second!.body.toString(), second!.headers.authorization]).toEqual([
      'POST',
      '/v3/messages',
      '{"text":"hi"}',
      `Bearer ${API_KEY}`,
    ]);
  });

  it('303 continues as a GET without the body', async () => {
    api.handle((req, res) =>
      req.method === 'POST' ? res.writeHead(303, { location: '/result/1' }).end() : json(res, 200, { ok: 2 }),
    );
    const { client } = testClient(api.url);
    await expect(client.request({ method: 'post', path: '/jobs', body: { a: 1 } })).resolves.toEqual({
      ok: 2,
    });
    const second = api.requests[1]!;
    expect([second.method, second.body.length, second.headers['content-type']]).toEqual([
      'GET',
      0,
      undefined,
    ]);
  });

  it(`a loop stops after ${MAX_REDIRECTS} redirects with an APIError`, async () => {
    api.handle((_req, res) => res.writeHead(307, { location: '/again' }).end());
    const { client } = testClient(api.url, { maxRetries: 0 });
    const error = (await rejectionOf(client.request({ method: 'get', path: '/start' }))) as APIError;
    expect(error.message).toContain(`More than ${MAX_REDIRECTS} redirects`);
    expect(api.requests).toHaveLength(MAX_REDIRECTS + 1);
  });
});

describe('choices left to the caller and the runtime', () => {
  it("fetchOptions.redirect is fetch's own behaviour, knowingly", async () => {
    redirect(302, `${elsewhere.url}/v2/balance`)();
    elsewhere.handle((_req, res) => json(res, 200, { from: 'elsewhere' }));
    const { client } = testClient(api.url, { fetchOptions: { redirect: 'follow' } });
    await expect(client.request({ method: 'get', path: '/balance' })).resolves.toEqual({ from: 'elsewhere' });
  });

  it('a runtime that hides the redirect (opaque, as browsers do) gives an APIError saying how to follow it', async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', {
      value: 'opaqueredirect',
    });
    const { client } = testClient('https://api.example.test/v2', { fetch: async () => opaque });
    const error = (await rejectionOf(client.request({ method: 'get', path: '/balance' }))) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBeUndefined();
    expect(error.message).toContain("fetchOptions: { redirect: 'follow' }");
  });
});
