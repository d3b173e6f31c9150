/**
 * Retry behaviour end to end against a local server: how many attempts each failure gets, the delays
 * between them (recorded by a fake sleep, jitter pinned), server-requested waits and their cap, and
 * the idempotency policy that keeps a retry from sending two SMS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  InternalServerError,
  RateLimitError,
} from '../../templates/typescript/runtime/errors.ts';
import {
  isReplaySafe,
  isRetryable,
  retryDelayMs,
  serverRequestedDelayMs,
  type Failure,
} from '../../templates/typescript/runtime/retries.ts';
import { json, refusedURL, rejectionOf, startServer, testClient, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Fails `failures` times with `status` (and headers), then answers 200 `{ok: true}`. */
function failThenSucceed(failures: number, status: number, headers: Record<string, string> = {}): void {
  server.handle((_req, res, i) =>
    i < failures ? json(res, status, { errors: [] }, headers) : json(res, 200, { ok: true }),
  );
}

describe('retries on retryable statuses (GET)', () => {
  it.each([429, 500, 503, 408, 409, 502])(
    '%i twice, then success: 3 attempts, waits 500 then 1000 ms',
    async (status) => {
      failThenSucceed(2, status);
      const { client, delays } = testClient(server.url);
      await expect(client.request({ method: 'get', path: '/numbers' })).resolves.toEqual({ ok: true });
      expect(server.requests).toHaveLength(3);
      expect(delays).toEqual([500, 1000]);
    },
  );

  it('gives up after maxRetries and throws the last error', async () => {
    failThenSucceed(10, 500);
    const { client, delays } = testClient(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.request({ method: 'get', path: '/numbers' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(4);
    expect(delays).toEqual([500, 1000, 2000]);
  });

  it('caps exponential backoff at 8 s', async () => {
    failThenSucceed(10, 503);
    const { client, delays } = testClient(server.url, { maxRetries: 6 });
    await rejectionOf(client.request({ method: 'get', path: '/numbers' }));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('per-request maxRetries overrides the client', async () => {
    failThenSucceed(10, 500);
    const { client } = testClient(server.url);
    await rejectionOf(client.request({ method: 'get', path: '/numbers' }, { maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    failThenSucceed(1, status);
    const { client, delays } = testClient(server.url);
    await rejectionOf(client.request({ method: 'get', path: '/numbers' }));
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries a connection reset', async () => {
    server.handle((_req, res, i) => (i < 2 ? res.socket?.destroy() : json(res, 200, { ok: true })));
    const { client, delays } = testClient(server.url);
    await expect(client.request({ method: 'get', path: '/numbers' })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });
});

describe('server-requested waits', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each<[string, Record<string, string>, number]>([
    ['Retry-After in seconds', { 'retry-after': '3' }, 3000],
    ['fractional Retry-After', { 'retry-after': '1.5' }, 1500],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(now + 7000).toUTCString() }, 7000],
    ['Retry-After date in the past', { 'retry-after': new Date(now - 7000).toUTCString() }, 0],
    ['retry-after-ms, preferred over Retry-After', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    ['Retry-After beyond the 60 s cap', { 'retry-after': '3600' }, 60_000],
    ['an HTTP date beyond the cap', { 'retry-after': new Date(now + 86_400_000).toUTCString() }, 60_000],
    ['an unreadable Retry-After (backoff instead)', { 'retry-after': 'soon' }, 500],
  ])('%s', async (_name, headers, expected) => {
    failThenSucceed(1, 429, headers);
    const { client, delays } = testClient(server.url, { now: () => now });
    await client.request({ method: 'get', path: '/numbers' });
    expect(delays).toEqual([expected]);
  });
});

describe('idempotency', () => {
  it('sends one generated key per call and the same key on every retry', async () => {
    failThenSucceed(2, 500);
    const { client } = testClient(server.url);
    await client.request({
      method: 'post',
      path: '/messages',
      body: { to: '+1' },
      idempotencyHeader: 'Idempotency-Key',
    });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
    expect(new Set(keys).size).toBe(1);

    failThenSucceed(0, 500);
    await client.request({
      method: 'post',
      path: '/messages',
      body: {},
      idempotencyHeader: 'Idempotency-Key',
    });
    expect(server.requests[0]!.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it("uses the caller's key when given", async () => {
    failThenSucceed(1, 503);
    const { client } = testClient(server.url);
    const options = { idempotencyKey: 'order-42' };
    await client.request(
      { method: 'post', path: '/number_orders', body: {}, idempotencyHeader: 'Idempotency-Key' },
      options,
    );
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['order-42', 'order-42']);
  });

  it('a key passed as the header parameter is kept, reused, and makes the POST retryable', async () => {
    failThenSucceed(1, 500);
    const { client } = testClient(server.url);
    await client.request({
      method: 'post',
      path: '/messages',
      body: {},
      idempotencyHeader: 'Idempotency-Key',
      headers: { 'Idempotency-Key': 'from-params' },
    });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['from-params', 'from-params']);
  });

  it('does not retry a POST without a key on 500 (the server may have acted)', async () => {
    failThenSucceed(1, 500);
    const { client, delays } = testClient(server.url);
    const error = await rejectionOf(
      client.request({ method: 'post', path: '/messages', body: { to: '+1' } }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
    expect(delays).toEqual([]);
  });

  it.each([429, 503])('retries a POST without a key on %i (the server did not act)', async (status) => {
    failThenSucceed(1, status);
    const { client } = testClient(server.url);
    await expect(client.request({ method: 'post', path: '/messages', body: {} })).resolves.toEqual({
      ok: true,
    });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a POST without a key after a reset mid-request', async () => {
    server.handle((_req, res) => res.socket?.destroy());
    const { client } = testClient(server.url);
    expect(await rejectionOf(client.request({ method: 'post', path: '/messages', body: {} }))).toBeInstanceOf(
      APIConnectionError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST without a key when the connection is refused', async () => {
    const { client, delays } = testClient(await refusedURL());
    const error = await rejectionOf(client.request({ method: 'post', path: '/messages', body: {} }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(delays).toEqual([500, 1000]);
  });

  it('retries a POST on 500 when the caller opts in (client or request)', async () => {
    failThenSucceed(1, 500);
    const { client } = testClient(server.url, { retryNonIdempotent: true });
    await expect(client.request({ method: 'post', path: '/messages', body: {} })).resolves.toEqual({
      ok: true,
    });

    failThenSucceed(1, 500);
    const { client: plain } = testClient(server.url);
    const call = plain.request({ method: 'post', path: '/messages', body: {} }, { retryNonIdempotent: true });
    await expect(call).resolves.toEqual({ ok: true });
  });

  it('a 429 on a POST surfaces as RateLimitError once retries run out', async () => {
    failThenSucceed(10, 429);
    const { client } = testClient(server.url, { maxRetries: 1 });
    expect(await rejectionOf(client.request({ method: 'post', path: '/messages', body: {} }))).toBeInstanceOf(
      RateLimitError,
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe('policy tables', () => {
  const status = (s: number): Failure => ({ kind: 'status', status: s, headers: new Headers() });
  it.each<[string, Failure, boolean, boolean]>([
    ['500, replay-safe', status(500), true, true],
    ['500, unsafe POST', status(500), false, false],
    ['503, unsafe POST', status(503), false, true],
    ['429, unsafe POST', status(429), false, true],
    ['409, replay-safe', status(409), true, true],
    ['409, unsafe POST', status(409), false, false],
    ['404, replay-safe', status(404), true, false],
    ['timeout, replay-safe', { kind: 'timeout' }, true, true],
    ['timeout, unsafe POST', { kind: 'timeout' }, false, false],
    ['refused, unsafe POST', { kind: 'connection', refused: true }, false, true],
    ['reset, unsafe POST', { kind: 'connection', refused: false }, false, false],
  ])('%s', (_name, failure, replaySafe, want) => {
    expect(isRetryable(failure, replaySafe)).toBe(want);
  });

  it('only a POST or PATCH without a key or opt-in is unsafe to replay (RFC 9110 idempotent methods)', () => {
    const methods = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'POST'];
    expect(methods.map((m) => isReplaySafe(m, false, false))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([isReplaySafe('patch', true, false), isReplaySafe('PATCH', false, true)]).toEqual([true, true]);
    expect([
      isReplaySafe('POST', false, false),
      isReplaySafe('POST', true, false),
      isReplaySafe('post', false, true),
    ]).toEqual([false, true, true]);
  });

  it('jitter shortens the backoff by at most 25%', () => {
    const delays = [0, 0.5, 0.999].map((r) => retryDelayMs(1, undefined, () => r, Date.now));
    expect(delays[0]).toBe(1000);
    expect(delays[1]).toBe(875);
    expect(delays[2]).toBeGreaterThan(750);
  });

  it('ignores negative and empty retry headers', () => {
    expect(serverRequestedDelayMs(new Headers({ 'retry-after': '-5' }), 0)).toBeUndefined();
    expect(serverRequestedDelayMs(new Headers({ 'retry-after-ms': '' }), 0)).toBeUndefined();
  });
});
