/**
 * Setup file of the official-suite runs (vitest.official.config.ts).
 * - The official SDK's endpoint tests are all written `test.skip(...)` (its mock-server tests are
 *   disabled upstream): here `test.skip` and `it.skip` run the test, so the files are used byte for
 *   byte. vitest's chain properties are non-configurable getters, hence a proxy over the global
 *   instead of a reassignment of `skip`.
 * - Every request the SDK under test makes is recorded in its test's `meta` (method, path, status,
 *   Prism's `sl-violations` header), which the JSON reporter writes out: the report classifies a
 *   failure by what the mock answered, not only by the error message. The wrapper returns the
 *   response untouched; both SDKs read `globalThis.fetch` when a client is constructed, which the test
 *   files do after this file has run.
 */
import { beforeEach } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  violations?: { location?: (string | number)[]; message?: string; severity?: string }[];
}

const state = globalThis as typeof globalThis & {
  __dropinWrapped?: WeakSet<object>;
  __dropinTask?: { meta: Record<string, unknown> };
};
const wrapped = (state.__dropinWrapped ??= new WeakSet<object>());

for (const name of ['test', 'it'] as const) {
  const original = (globalThis as any)[name];
  if (typeof original !== 'function' || wrapped.has(original)) continue;
  const proxy = new Proxy(original, {
    get: (target, key, receiver) => (key === 'skip' ? target : Reflect.get(target, key, receiver)),
  });
  wrapped.add(proxy);
  (globalThis as any)[name] = proxy;
}

if (!wrapped.has(globalThis.fetch)) {
  const original = globalThis.fetch;
  const recording: typeof fetch = async (input, init) => {
    const response = await original(input, init);
    const task = state.__dropinTask;
    if (task) {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const header = response.headers.get('sl-violations');
      let violations: RecordedRequest['violations'];
      try {
        violations = header ? JSON.parse(header) : undefined;
      } catch {
        violations = [{ message: header! }];
      }
      const requests = ((task.meta.requests as RecordedRequest[] | undefined) ??= []);
      requests.push({ method, path: url.pathname + url.search, status: response.status, violations });
    }
    return response;
  };
  wrapped.add(recording);
  globalThis.fetch = recording;
}

beforeEach((context) => {
  state.__dropinTask = context.task as unknown as { meta: Record<string, unknown> };
});
