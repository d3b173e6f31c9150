/**
 * The foundation's promises on the real Telnyx spec (../shared): every public operation named and
 * placed in one product, the previous release's names kept, pagination detected for every style.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type RunResult } from '../generator/pipeline.ts';
import { lockKey, readNamesLock } from '../generator/naming/index.ts';
import { listFiles } from '../generator/write/index.ts';
import { ROOT, tempFiles } from './support/cli.ts';

const SHARED = join(ROOT, '../shared');
/** The production names lock: the official release made from the current spec. */
const LOCK_MD = join(SHARED, 'reference/telnyx-node-2026-07-16/api.md');

let out: string;
let result: RunResult;
let manifest: any;

beforeAll(async () => {
  out = join(tempFiles({}), 'out');
  result = await runPipeline({ out, only: ['manifest', 'typescript'] });
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
}, 60_000);

describe('manifest of the current Telnyx spec', () => {
  it('lists the 1103 public operations (1156 minus 53 hidden), each with five accessors and one product', () => {
    expect(result.api.operations).toHaveLength(1156);
    expect(result.api.operations.filter((o) => o.hidden)).toHaveLength(53);
    expect(manifest.operations).toHaveLength(1103);
    const slugs = new Set(result.api.products.map((p) => p.slug));
    for (const op of manifest.operations) {
      for (const lang of ['ts', 'python', 'ruby', 'go', 'java'])
        expect(op.accessors[lang], `${op.method} ${op.path} ${lang}`).toMatch(/^client\./);
      expect(slugs.has(op.product), `${op.method} ${op.path} -> ${op.product}`).toBe(true);
    }
  });

  it('models the 66 webhook events of the spec with their payload types', () => {
    expect(result.api.webhooks).toHaveLength(66);
    expect(result.api.webhooks.every((w) => w.payload.kind !== 'unknown')).toBe(true);
  });

  it('puts every public operation in exactly one product', () => {
    const placed = result.api.products.flatMap((p) => p.operations);
    expect(new Set(placed).size).toBe(placed.length);
    expect(new Set(placed)).toEqual(new Set(manifest.operations.map((o: any) => `${o.method} ${o.path}`)));
  });

  it('gives no two public operations the same accessor', () => {
    const accessors = manifest.operations.map((o: any) => o.accessors.ts);
    expect(new Set(accessors).size).toBe(accessors.length);
  });

  it('keeps the accessor of every operation the production names lock (the current release) has', () => {
    const lock = readNamesLock(LOCK_MD);
    const locked = manifest.operations.filter((o: any) => lock.has(lockKey(o.method, o.path)));
    const differ = locked.filter((o: any) => {
      const want = lock.get(lockKey(o.method, o.path))!;
      return ['client', ...want.resource, want.method].join('.') !== o.accessors.ts;
    });
    console.log(
      `names lock: ${locked.length - differ.length} of ${locked.length} still-public operations keep their accessor`,
    );
    expect(locked).toHaveLength(1103);
    expect(differ).toEqual([]);
  });

  it('writes api.md in the reference format, readable as the next names lock', () => {
    const written = readNamesLock(join(out, 'typescript/api.md'));
    expect(written.size).toBe(1103);
    const answer = written.get(lockKey('post', '/calls/{call_control_id}/actions/answer'))!;
    expect(answer).toEqual({
      resource: ['calls', 'actions'],
      method: 'answer',
      args: '(callControlID, { ...params })',
      operationId: 'AnswerCall',
      aliases: [],
    });
    // Aliases read back as the production lock has them: the next release keeps them too.
    // (`paged` says whether that release returns a page class; ours writes no page classes in
    // api.md, since our package auto-pages every list the model pages, so it is not compared.)
    const official = readNamesLock(LOCK_MD);
    for (const key of ['post /documents', 'post /porting/loa_configurations/preview'])
      expect({ ...written.get(key), operationId: undefined, paged: undefined }, key).toEqual({
        ...official.get(key),
        operationId: undefined,
        paged: undefined,
      });
  });

  it('regenerating gives byte-identical output', async () => {
    const again = join(tempFiles({}), 'out');
    await runPipeline({ out: again, only: ['manifest', 'typescript'] });
    for (const file of listFiles(out))
      expect(readFileSync(join(again, file), 'utf8'), file).toBe(readFileSync(join(out, file), 'utf8'));
  }, 60_000);
});

describe('pagination', () => {
  const examples: [string, string, string][] = [
    ['page-number', 'GET /access_ip_address', 'data'],
    ['page-cursor-brackets', 'GET /call_control_applications', 'data'],
    ['records', 'GET /10dlc/brand', 'records'],
    ['texml', 'GET /texml/Accounts/{account_sid}/Calls', 'calls'],
    ['page-cursor', 'GET /email_events', 'data'],
    ['page-per-page', 'GET /legacy/reporting/usage_reports/messaging', 'data'],
    ['cursor-limit', 'GET /storage/kvs/{id}/keys', 'data'],
    ['page-page-size', 'GET /messaging_tollfree/verification/requests', 'records'],
    ['page-number-size', 'GET /inexplicit_number_orders', 'data'],
  ];
  it.each(examples)('detects %s on %s (items in %s)', (style, key, field) => {
    const op = result.api.operations.find((o) => o.key === key)!;
    expect(op.pagination?.style).toBe(style);
    expect(op.pagination?.itemsField).toBe(field);
  });

  it('finds every style of RUNTIME.md in the spec', () => {
    const counts = new Map<string, number>();
    for (const op of result.api.operations)
      if (op.pagination) counts.set(op.pagination.style, (counts.get(op.pagination.style) ?? 0) + 1);
    console.log('pagination styles:', Object.fromEntries([...counts].sort()));
    expect([...counts.keys()].sort()).toEqual(examples.map(([s]) => s).sort());
  });
});
