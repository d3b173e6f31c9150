/**
 * Retries by HTTP semantics (RFC 9110 9.2.2), end to end: PUT and DELETE are idempotent, so they are
 * retried like reads after a 5xx, a timeout or a reset; PATCH is not (it may append or count), so it
 * is treated like POST: retried only where the server cannot have acted (429, 503, a refused
 * connection), unless it carries an idempotency key or the caller opts in. Before, every method but
 * POST was retried everywhere, and the package README said otherwise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPMethod } from '../../../templates/typescript/runtime/request.ts';
import { ROOT } from '../../support/cli.ts';
import { json, refusedURL, rejectionOf, startServer, testClient, type TestServer } from '../helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

type Fault = '500' | '502' | '504' | 'timeout' | 'reset' | '429' | '503';

/** The first `failures` requests meet `fault`, then 200. */
function failWith(fault: Fault, failures = 1): void {
  server.handle((_req, res, i) => {
    if (i >= failures) return json(res, 200, { ok: true });
    if (fault === 'reset') return res.socket?.destroy();
    if (fault === 'timeout') return new Promise(() => {}); // never answers
    return json(res, Number(fault), { errors: [] });
  });
}

/** How many requests one call makes against `fault` (up to 2 retries, 100 ms per attempt). */
async function attempts(method: HTTPMethod, fault: Fault, options: object = {}): Promise<number> {
  failWith(fault);
  const { client } = testClient(server.url, { timeout: 100 });
  await client.request({ method, path: '/numbers/1', body: method === 'get' ? undefined : {} }, options).then(
    () => undefined,
    () => undefined,
  );
  return server.requests.length;
}

describe('idempotent methods are retried after any retryable failure', () => {
  const faults: Fault[] = ['500', '502', '504', 'timeout', 'reset'];
  it.each(['put', 'delete', 'get'] as HTTPMethod[])('%s', async (method) => {
    const seen: Record<string, number> = {};
    for (const fault of faults) seen[fault] = await attempts(method, fault);
    expect(seen).toEqual(Object.fromEntries(faults.map((f) => [f, 2])));
  });
});

describe('PATCH is treated like POST', () => {
  it.each(['patch', 'post'] as HTTPMethod[])(
    '%s: not retried where the server may have acted (500, 502, 504, timeout, reset)',
    async (method) => {
      const seen: Record<string, number> = {};
      for (const fault of ['500', '502', '504', 'timeout', 'reset'] as Fault[])
        seen[fault] = await attempts(method, fault);
      expect(seen).toEqual({ 500: 1, 502: 1, 504: 1, timeout: 1, reset: 1 });
    },
  );

  it.each(['patch', 'post'] as HTTPMethod[])(
    '%s: retried after 429 and 503 (not acted on)',
    async (method) => {
      expect([await attempts(method, '429'), await attempts(method, '503')]).toEqual([2, 2]);
    },
  );

  it('patch: retried when the connection is refused (never reached)', async () => {
    const { client, delays } = testClient(await refusedURL());
    await rejectionOf(client.request({ method: 'patch', path: '/numbers/1', body: {} }));
    expect(delays).toEqual([500, 1000]);
  });

  it('patch: retried after a 500 with an idempotency key (the same on every attempt) or when opted in', async () => {
    expect(await attempts('patch', '500', { idempotencyKey: 'edit-7' })).toBe(2);
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['edit-7', 'edit-7']);
    expect(await attempts('patch', '500', { retryNonIdempotent: true })).toBe(2);
  });
});

describe('the package README states the same policy', () => {
  const readme = readFileSync(join(ROOT, 'templates/typescript/README.md.hbs'), 'utf8');
  const retries = readme.slice(readme.indexOf('## Retries'), readme.indexOf('## Pagination'));

  it('PUT and DELETE with the reads, PATCH with POST', () => {
    expect(retries).toMatch(/GET, HEAD, OPTIONS, PUT and DELETE[^.]*retried on every\s+retryable failure/);
    expect(retries).toMatch(
      /POST and PATCH calls[^.]*retried only when the server cannot\s+have acted: 429, 503/,
    );
  });
});
