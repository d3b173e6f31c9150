/**
 * Every public operation, called through the generated client with its required parameters, against
 * Prism mocking the same spec: a call passes on a 2xx with no request violation. The generated
 * package's own suite (tests/api-resources) does the calls; this runs it and reports by cause.
 */
import { beforeAll, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../generator/config.ts';
import { loadSpec, resolveSpecSource } from '../../generator/load/index.ts';
import { ROOT } from '../support/cli.ts';
import { mockURL } from '../support/prism.ts';
import { classify, lintRulesByOperation, readResults, renderReport } from '../support/prism-report.ts';

const out = inject('generatedDir');
const pkg = join(out, 'typescript');
/** The spec as loaded, to follow an operation's refs to the lint findings that concern it. */
let spec: any;

beforeAll(async () => {
  const source = await resolveSpecSource(undefined, loadConfig().spec);
  spec = loadSpec(source, join(ROOT, '.cache/load')).data;
});

it('accepts at least 98% of the public operations, and reports every failure with its cause', () => {
  if (!existsSync(join(pkg, 'node_modules')))
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  const reportFile = join(out, 'prism-results.json');
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/vitest'),
    ['run', '--config', 'vitest.config.mjs', '--reporter=json', `--outputFile=${reportFile}`],
    { cwd: pkg, encoding: 'utf8', env: { ...process.env, TEST_API_BASE_URL: mockURL() }, timeout: 900_000 },
  );
  expect(existsSync(reportFile), run.stderr.slice(-2000)).toBe(true);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const lint = JSON.parse(readFileSync(join(out, 'lint.json'), 'utf8'));
  const rulesByOperation = lintRulesByOperation(manifest, lint, spec);
  const results = readResults(JSON.parse(readFileSync(reportFile, 'utf8'))).map((r) =>
    classify(r, rulesByOperation),
  );
  const report = renderReport(results, results.length);
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(join(ROOT, '.cache/prism-report.md'), report);
  console.log(report);
  expect(results).toHaveLength(manifest.operations.length);
  const passed = results.filter((r) => r.passed).length;
  expect(passed / results.length).toBeGreaterThanOrEqual(0.98);
  // Every failure lies in the spec (and lint names it) or in the mock; none in our requests.
  expect(results.filter((r) => !r.passed && r.cause === 'client').map((r) => `${r.title}: ${r.why}`)).toEqual(
    [],
  );
}, 900_000);
