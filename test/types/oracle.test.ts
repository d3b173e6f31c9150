/**
 * The independent type oracle (issue 9, point 6; docs/ARCHITECTURE.md): openapi-typescript turns the
 * same spec into its own types, once per run, and every component schema's type in ours (`Models.X`,
 * named by the generator's own naming) and in theirs (`components['schemas'][Key]`) must be
 * assignable both ways, or the difference is listed with its kind (support/oracle.ts) in
 * `.cache/oracle-report.md` and printed.
 *
 * A ratchet like the drop-in measures: the counts may not fall below the floors measured when this
 * test was written; raise them in the commit that improves them.
 */
import { beforeAll, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../generator/pipeline.ts';
import { ROOT } from '../support/cli.ts';
import {
  checkOracle,
  componentTypeNames,
  renderOracleReport,
  runOpenapiTypescript,
  type OracleResult,
} from './support/oracle.ts';

// measured 2026-11-30: 1867 of 1875 component schemas; the 8 left: discriminated variants whose
// value openapi-typescript takes from the schema name (`"ComparativeLine"`) where the schema's enum
// says `"comparative"`, and 2 schemas theirs leave untyped (`unknown`: an anyOf of required-only
// fragments, an array without `type`) where ours infer a type. Goal: 1875, or each one explained.
const THEIRS_TO_OURS_FLOOR = 1867;
// measured 2026-11-30: 1818 of 1875; the 57 left: 45 discriminated variants (openapi-typescript
// narrows the discriminator property to its mapping value and requires it; ours keep the schema's
// own optional property or enum), 12 `nullable: true` beside a `$ref` (a 3.0 keyword in this 3.1
// spec: ours allow null, openapi-typescript ignores it). Goal: 1875, or each one explained.
const OURS_TO_THEIRS_FLOOR = 1818;

const out = inject('generatedDir');
let result: OracleResult;

beforeAll(async () => {
  const dir = join(out, '../oracle');
  // The model as the generator names it (from the load cache the global setup filled: < 1 s).
  const [oracle, { api }] = await Promise.all([
    runOpenapiTypescript(dir),
    runPipeline({ out: join(dir, 'manifest'), only: ['manifest'] }),
  ]);
  result = await checkOracle({
    oracleFile: oracle.file,
    modelsFile: join(out, 'typescript/src/models.ts'),
    names: componentTypeNames(api),
    dir,
    openapiTypescriptSeconds: oracle.seconds,
  });
  const floors = { 'theirs->ours': THEIRS_TO_OURS_FLOOR, 'ours->theirs': OURS_TO_THEIRS_FLOOR };
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(join(ROOT, '.cache/oracle-report.md'), renderOracleReport(result, floors));
  console.log(
    [
      `type oracle: theirs->ours ${result.passed['theirs->ours']}/${result.compared}, ` +
        `ours->theirs ${result.passed['ours->theirs']}/${result.compared} of ${result.schemas} schemas ` +
        `(openapi-typescript ${result.seconds.openapiTypescript.toFixed(1)} s, check ${result.seconds.check.toFixed(1)} s)`,
      ...result.failures.map((f) => `  ${f.direction} ${f.key}: ${f.kind}`),
      'see .cache/oracle-report.md',
    ].join('\n'),
  );
  for (const [direction, floor] of Object.entries(floors) as Array<[keyof typeof floors, number]>)
    if (result.passed[direction] > floor)
      console.log(`${direction} passes above its floor: raise it to ${result.passed[direction]}`);
}, 300_000);

it('compares every component schema, with no error outside the checks', () => {
  expect(result.harness).toEqual([]);
  expect(result.schemas).toBeGreaterThan(1800);
  expect(result.skipped, 'component schemas with no type in models.ts').toEqual([]);
  expect(result.compared).toBe(result.schemas);
});

it(`openapi-typescript's type of at least ${THEIRS_TO_OURS_FLOOR} schemas is assignable to ours`, () => {
  expect(result.passed['theirs->ours'], 'see .cache/oracle-report.md').toBeGreaterThanOrEqual(
    THEIRS_TO_OURS_FLOOR,
  );
});

it(`ours of at least ${OURS_TO_THEIRS_FLOOR} schemas is assignable to openapi-typescript's`, () => {
  expect(result.passed['ours->theirs'], 'see .cache/oracle-report.md').toBeGreaterThanOrEqual(
    OURS_TO_THEIRS_FLOOR,
  );
});
