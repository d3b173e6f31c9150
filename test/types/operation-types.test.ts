/**
 * Type-level drop-in per operation (issue 9, point 6): for every method line of the official api.md
 * (telnyx-node 2026-07-16) that ours has with the same accessor, the official Params type must be
 * assignable to ours (what a user already passes still compiles) and our result type to the official
 * one (what a user already declares still holds it). One generated file, one checker run over both
 * SDKs' sources (support/operation-types.ts); each failure is mapped back to its operation and
 * direction, written with its error to `.cache/types-report.md` and printed.
 *
 * A ratchet: the pass counts may not fall below the floors measured when this test was written.
 * Raise a floor in the commit that improves it; the goal is every checked operation in both
 * directions, or each exception listed here with its reason.
 */
import { beforeAll, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../support/cli.ts';
import {
  checkOperationTypes,
  renderOperationTypesReport,
  type OperationTypesResult,
} from './support/operation-types.ts';

const OFFICIAL = resolve(ROOT, '../shared/reference/telnyx-node-2026-07-16');
// measured 2026-11-30: 723 of the 741 operations whose methods take a Params object on both sides
// (the other 365 take path arguments or nothing); the 18 left: index signatures ours lacks
// (additionalProperties bodies), enum values the official release keeps, `unknown` in official
// fields ours type, and a few required/optional flips. Goal: 741/741.
const PARAMS_FLOOR = 723;
// measured 2026-11-30 (after the runtime's page body fields): 1062 of 1106 results; the 44 left:
// 22 fields the official release requires and ours leave optional (PaginationMeta page_number, ...),
// 8 enum values ('Telnyx' vs 'telnyx'), 7 methods ours pages where the official returns the whole
// body, 6 index signatures ours lack, 1 `unknown`. Goal: 1106/1106.
const RESPONSE_FLOOR = 1062;

const out = inject('generatedDir');
let result: OperationTypesResult;

beforeAll(async () => {
  result = await checkOperationTypes({
    officialRoot: OFFICIAL,
    oursRoot: join(out, 'typescript'),
    dir: join(out, '../operation-types'),
  });
  const report = renderOperationTypesReport(result, { params: PARAMS_FLOOR, response: RESPONSE_FLOOR });
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(join(ROOT, '.cache/types-report.md'), report);
  console.log(
    [
      `operation types: params ${result.passed.params}/${result.checked.params}, ` +
        `responses ${result.passed.response}/${result.checked.response} ` +
        `(${result.skipped.length} params skipped: no Params type on a side; checker ${result.seconds.tsc.toFixed(1)} s)`,
      ...result.failures.map((f) => `  ${f.direction} ${f.accessor}: ${f.kind}: ${f.last || f.first}`),
      'see .cache/types-report.md',
    ].join('\n'),
  );
  for (const [direction, floor] of [
    ['params', PARAMS_FLOOR],
    ['response', RESPONSE_FLOOR],
  ] as const)
    if (result.passed[direction] > floor)
      console.log(`${direction} passes above its floor: raise it to ${result.passed[direction]}`);
}, 300_000);

it('checks every official method line, with no error outside the checks', () => {
  expect(result.harness).toEqual([]);
  expect(result.officialLines).toBeGreaterThan(1100);
  expect(result.unmatched, 'official accessors ours lacks (test/typescript/drop-in.test.ts)').toEqual([]);
  // Each method is found in the class its href's file declares (or re-exports), on both sides.
  expect(result.skipped.filter((s) => s.direction === 'both')).toEqual([]);
  expect(result.checked.response).toBe(result.matched);
});

it(`official Params are assignable to ours for at least ${PARAMS_FLOOR} operations`, () => {
  expect(result.passed.params, 'see .cache/types-report.md').toBeGreaterThanOrEqual(PARAMS_FLOOR);
});

it(`our results are assignable to the official ones for at least ${RESPONSE_FLOOR} operations`, () => {
  expect(result.passed.response, 'see .cache/types-report.md').toBeGreaterThanOrEqual(RESPONSE_FLOOR);
});
