/**
 * Credentials that HTTP cannot carry, and credentials echoed back: a key with a line break made every
 * call reject with fetch's TypeError, which printed the key; a proxy echoing the Authorization header
 * put the key into `APIError.headers`, visible in `util.inspect(error)`.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientCore } from '../../../templates/typescript/runtime/client-core.ts';
import {
  APIConnectionError,
  APIError,
  APIResponseParseError,
  AuthenticationError,
  TelnyxError,
} from '../../../templates/typescript/runtime/errors.ts';
import { API_KEY, json, rejectionOf, startServer, testClient, type TestServer } from '../helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

/** The error and everything it holds, as a log line would print it. */
const printed = (error: unknown) => inspect(error, { depth: Infinity, showHidden: true });

const BAD_KEYS: Array<[string, string, RegExp]> = [
  ['a line feed', `${API_KEY.slice(0, 10)}\n${API_KEY.slice(10)}`, /a line feed \(U\+000A\) at position 11/],
  ['a carriage return', `${API_KEY}\rX-Injected: 1`, /a carriage return \(U\+000D\)/],
  ['a NUL', `${API_KEY}\0`.padEnd(40, 'z'), /a NUL character \(U\+0000\)/],
  ['a character beyond Latin-1', `${API_KEY}\u2028tail`, /a character beyond Latin-1 \(U\+2028\)/],
  ['a tab inside', `${API_KEY}\t${API_KEY}`, /a tab \(U\+0009\)/],
  ['a DEL', `${API_KEY}\x7f`.padEnd(40, 'z'), /a control character \(U\+007F\)/],
];

describe('an API key that cannot be a header value', () => {
  it.each(BAD_KEYS)('with %s: a TelnyxError at construction that does not show the key', (_n, key, want) => {
    let error: unknown;
    try {
      new ClientCore({ apiKey: key, baseURL: server.url });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TelnyxError);
    expect((error as Error).message).toMatch(want);
    expect(printed(error)).not.toContain(API_KEY);
  });

  it('the same from TELNYX_API_KEY', () => {
    vi.stubEnv('TELNYX_API_KEY', `${API_KEY}\n${API_KEY}`);
    expect(() => new ClientCore({ baseURL: server.url })).toThrow(/apiKey contains a line feed/);
  });

  it('a space inside is sent as is, as fetch sends it (the official tests use "My API Key")', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const client = new ClientCore({ apiKey: 'My API Key', baseURL: server.url, logLevel: 'off' });
    await client.request({ method: 'get', path: '/balance' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer My API Key');
  });

  it('surrounding whitespace (a key read from a file) is trimmed and the call goes out', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const client = new ClientCore({ apiKey: `\n ${API_KEY}\r\n`, baseURL: server.url, logLevel: 'off' });
    await client.request({ method: 'get', path: '/balance' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });
});

describe('other header values HTTP cannot carry are a TelnyxError without the value', () => {
  it('in defaultHeaders: at construction', () => {
    const build = () =>
      new ClientCore({
        apiKey: API_KEY,
        baseURL: server.url,
        defaultHeaders: { 'X-Token': `${API_KEY}\n` + 'x' },
      });
    expect(build).toThrow(TelnyxError);
    expect(build).toThrow(/header "X-Token" contains a line break/);
  });

  it.each<[string, object]>([
    ['a per-request header', { headers: { Authorization: `Bearer ${API_KEY}\nX-Evil: 1` } }],
    ['an idempotency key', { idempotencyKey: `${API_KEY}\r\n` + 'x' }],
  ])('%s: the call rejects (no fetch TypeError), nothing is sent', async (_name, options) => {
    server.handle((_req, res) => json(res, 200, {}));
    const { client } = testClient(server.url);
    const error = await rejectionOf(client.request({ method: 'post', path: '/messages', body: {} }, options));
    expect(error).toBeInstanceOf(TelnyxError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(printed(error)).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(0);
  });
});

describe('a server or proxy echoing the key', () => {
  it('APIError.headers, message and body are redacted; util.inspect shows no key', async () => {
    server.handle((req, res) =>
      json(
        res,
        401,
        { errors: [{ detail: `bad token ${req.headers.authorization}` }] },
        {
          'x-echo-authorization': req.headers.authorization!,
          authorization: req.headers.authorization!,
          'x-request-id': 'req-1',
          'retry-after': '1',
        },
      ),
    );
    const { client } = testClient(server.url);
    const error = (await rejectionOf(client.request({ method: 'get', path: '/balance' }))) as APIError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.headers?.get('x-echo-authorization')).toBe('Bearer [redacted]');
    expect(error.headers?.get('authorization')).toBe('***');
    // Headers that hold no secret stay readable.
    expect([error.headers?.get('x-request-id'), error.requestID, error.headers?.get('retry-after')]).toEqual([
      'req-1',
      'req-1',
      '1',
    ]);
    expect(error.message).toContain('bad token Bearer [redacted]');
    expect(printed(error)).not.toContain(API_KEY);
  });

  it('in a 2xx body that is not the promised JSON (APIResponseParseError)', async () => {
    server.handle((req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html', 'x-echo': req.headers.authorization! })
        .end(`<p>proxy says ${req.headers.authorization}</p>`),
    );
    const { client } = testClient(server.url);
    const error = await rejectionOf(
      client.request({ method: 'get', path: '/balance', responseKind: 'json' }),
    );
    expect(error).toBeInstanceOf(APIResponseParseError);
    expect(printed(error)).not.toContain(API_KEY);
  });

  it("in a fetch failure's cause (a custom fetch whose error prints the header)", async () => {
    const fetch = async (_url: string, init: RequestInit) => {
      throw new TypeError(`invalid header ${new Headers(init.headers).get('authorization')}`);
    };
    const { client } = testClient(server.url, { fetch, maxRetries: 0 });
    const error = await rejectionOf(client.request({ method: 'get', path: '/balance' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('Bearer [redacted]');
    expect(printed(error)).not.toContain(API_KEY);
  });
});

describe('OAuth access tokens', () => {
  const TOKEN = 'tok_0123456789abcdefSECRET';

  it('a token HTTP cannot carry is an APIError that does not show it, not a TypeError later', async () => {
    server.handle((req, res) =>
      req.url === '/oauth/token'
        ? json(res, 200, { access_token: `${TOKEN}\nX-Evil: 1`, expires_in: 3600 })
        : json(res, 200, {}),
    );
    const client = new ClientCore({
      clientID: 'id',
      clientSecret: 'secret-1',
      baseURL: server.url,
      logLevel: 'off',
    });
    const error = await rejectionOf(client.request({ method: 'get', path: '/balance' }));
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toMatch(/access_token that cannot be sent in an HTTP header/);
    expect(printed(error)).not.toContain(TOKEN);
    expect(server.requests.map((r) => r.url)).toEqual(['/oauth/token']);
  });

  it('an access token echoed back later is redacted like the key', async () => {
    server.handle((req, res) =>
      req.url === '/oauth/token'
        ? json(res, 200, { access_token: TOKEN, expires_in: 3600 })
        : json(
            res,
            500,
            { errors: [{ detail: `saw ${req.headers.authorization}` }] },
            {
              'x-echo': req.headers.authorization!,
            },
          ),
    );
    const client = new ClientCore({
      clientID: 'id',
      clientSecret: 'secret-1',
      baseURL: server.url,
      logLevel: 'off',
      maxRetries: 0,
    });
    const error = (await rejectionOf(client.request({ method: 'get', path: '/balance' }))) as APIError;
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(error.headers?.get('x-echo')).toBe('Bearer [redacted]');
    expect(printed(error)).not.toContain(TOKEN);
  });
});
