/**
 * Every error of a call is the rejection of the promise it returns, never a synchronous throw: a
 * caller who writes `client.numbers.retrieve(id).catch(...)` or `promise.then(ok, fail)` must see
 * it. `..` as a path parameter threw from inside the generated method (describe), and a bad per-call
 * `baseURL` on a list call threw from `requestPage`. The resource below is shaped exactly as the
 * generator writes one (a one-line method passing `describe(...)` to the client).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCore } from '../../../templates/typescript/runtime/client-core.ts';
import { TelnyxError } from '../../../templates/typescript/runtime/errors.ts';
import {
  describe as describeCall,
  type OperationSpec,
} from '../../../templates/typescript/runtime/operation.ts';
import { PageNumberSizePagination } from '../../../templates/typescript/runtime/page-styles.ts';
import type { RequestOptions } from '../../../templates/typescript/runtime/request.ts';
import { json, startServer, testClient, type TestServer } from '../helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.handle((_req, res) => json(res, 200, { data: [] }));
});
afterAll(() => server.close());

const OPERATIONS = {
  retrieve: { method: 'get', path: '/accounts/{account_id}/numbers/{id}' },
  delete: { method: 'delete', path: '/numbers/{id}' },
  list: { method: 'get', path: '/accounts/{account_id}/numbers', query: ['page'] },
} satisfies Record<string, OperationSpec>;

/** As the generator writes a resource. */
class Numbers {
  constructor(private readonly _client: ClientCore) {}
  retrieve(id: string, params: { account_id: string }, options?: RequestOptions) {
    return this._client.request<unknown>(describeCall(OPERATIONS.retrieve, id, params), options);
  }
  delete(id: string, options?: RequestOptions) {
    return this._client.request<unknown>(describeCall(OPERATIONS.delete, id, undefined), options);
  }
  list(accountId: string, params?: { page?: number }, options?: RequestOptions) {
    return this._client.getAPIList<PageNumberSizePagination<unknown>>(
      PageNumberSizePagination,
      describeCall(OPERATIONS.list, accountId, params),
      'data',
      options,
    );
  }
}

/** Calls `call`, failing the test on a synchronous throw; returns what the promise rejects with. */
async function rejectionOnly(call: () => PromiseLike<unknown>): Promise<unknown> {
  let promise: PromiseLike<unknown>;
  try {
    promise = call();
  } catch (error) {
    throw new Error(`threw synchronously: ${String(error)}`);
  }
  return promise.then(
    () => {
      throw new Error('resolved');
    },
    (error: unknown) => error,
  );
}

describe('bad arguments reject the returned promise', () => {
  const numbers = () => new Numbers(testClient(server.url).client);

  it.each<[string, () => PromiseLike<unknown>, RegExp]>([
    [
      '`..` as the positional path parameter',
      () => numbers().delete('..'),
      /"id".*would change which resource/,
    ],
    ['`.` as the positional path parameter', () => numbers().retrieve('.', { account_id: 'a' }), /"id"/],
    [
      '`..` as an earlier path parameter',
      () => numbers().retrieve('n1', { account_id: '..' }),
      /"account_id"/,
    ],
    ['an empty path parameter', () => numbers().delete(''), /"id" .* is ""/],
    [
      'a missing path parameter',
      () => numbers().list(undefined as unknown as string),
      /"account_id".*required/,
    ],
    ['`..` on a list call', () => numbers().list('..'), /"account_id"/],
    [
      'a bad per-call baseURL on a list call',
      () => numbers().list('a', {}, { baseURL: 'not a url' }),
      /not an absolute URL/,
    ],
    ['a bad per-call timeout', () => numbers().delete('n1', { timeout: -1 }), /timeout must be a positive/],
    [
      'a bad per-call maxRetries on a generic call',
      () => testClient(server.url).client.get('/x', { maxRetries: 1.5 }),
      /maxRetries must be a non-negative integer/,
    ],
    [
      'an absolute path on another origin',
      () => testClient(server.url).client.get('https://elsewhere.example/x'),
      /Refusing to send a request to https:\/\/elsewhere.example/,
    ],
  ])('%s', async (_name, call, want) => {
    const error = await rejectionOnly(call);
    expect(error).toBeInstanceOf(TelnyxError);
    expect((error as Error).message).toMatch(want);
    expect(server.requests).toHaveLength(0);
  });

  it('.withResponse(), .asResponse() and iterating a page promise reject the same way', async () => {
    await expect(numbers().delete('..').withResponse()).rejects.toBeInstanceOf(TelnyxError);
    await expect(numbers().delete('..').asResponse()).rejects.toBeInstanceOf(TelnyxError);
    const iterate = async () => {
      for await (const _item of numbers().list('..')) break;
    };
    await expect(iterate()).rejects.toBeInstanceOf(TelnyxError);
  });

  it('describe() itself never throws: it returns the failure for the client to raise', () => {
    const described = describeCall(OPERATIONS.delete, '..', undefined);
    expect(described.failure).toBeInstanceOf(TelnyxError);
  });
});
