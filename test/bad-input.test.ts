/**
 * Bad input never produces a stack trace or partial output: exit code 2 and a message that names the
 * place (file:line:col, JSON pointer, or the places tried) and the fix.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURE_CONFIG, hasStackTrace, runCli, tempFiles } from './support/cli.ts';

const header =
  'openapi: 3.1.0\ninfo: { title: T, version: "1" }\nservers: [{ url: https://api.example.com/v2 }]\n';
const okOperation = (extra = '') =>
  `      tags: [Pets]\n${extra}      responses: { '200': { description: ok } }\n`;

const cases: [string, { spec: string; config?: string; want: RegExp[] }][] = [
  [
    'malformed YAML names line and column',
    {
      spec: `${header}paths:\n  /pets:\n    get: [unclosed\n`,
      want: [/spec\.yml:\d+:\d+/, /invalid YAML/, /fix:/],
    },
  ],
  [
    'unresolvable $ref names the pointer and where it was used',
    {
      spec: `${header}paths:\n  /pets:\n    get:\n${okOperation("      parameters: [{ $ref: '#/components/parameters/Missing' }]\n")}`,
      want: [/unresolvable \$ref #\/components\/parameters\/Missing/, /spec\.yml:8:\d+/, /fix: define/],
    },
  ],
  [
    'an operation without responses is named by line',
    {
      spec: `${header}paths:\n  /pets:\n    get:\n      tags: [Pets]\n`,
      want: [/operation has no `responses`/, /spec\.yml:7:\d+/],
    },
  ],
  [
    'a ref chain that loops is rejected',
    {
      spec: `${header}paths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n`,
      want: [/\$ref chain loops/],
    },
  ],
];

describe('bad input', () => {
  it.each(cases)('%s', (_name, { spec, want }) => {
    const dir = tempFiles({ 'spec.yml': spec });
    const run = runCli([
      '--spec',
      join(dir, 'spec.yml'),
      '--config',
      FIXTURE_CONFIG,
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(2);
    for (const pattern of want) expect(run.stderr).toMatch(pattern);
    expect(hasStackTrace(run.stderr + run.stdout)).toBe(false);
  });

  it('a missing spec lists every place tried', () => {
    const dir = tempFiles({
      'config.yml': `spec:\n  sha256: '${'0'.repeat(64)}'\n  localCopies: [no/such/copy.yml, nor/this.yml]\n  cacheDir: ${join('.cache', 'nothing-here')}\nnames: { from: none }\nproducts: test/fixtures/products.yml\npackage: { name: x }\n`,
    });
    const run = runCli(['--config', join(dir, 'config.yml'), '--out', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /no spec found; tried: .*no\/such\/copy\.yml, .*nor\/this\.yml, .*nothing-here/,
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('a sha256 mismatch shows both hashes', () => {
    const dir = tempFiles({ 'spec.yml': `${header}paths: {}\n` });
    const config = `spec:\n  sha256: '${'a'.repeat(64)}'\n  localCopies: [${join(dir, 'spec.yml')}]\nnames: { from: none }\nproducts: test/fixtures/products.yml\npackage: { name: x }\n`;
    const run = runCli([
      '--config',
      join(tempFiles({ 'c.yml': config }), 'c.yml'),
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`expected ${'a'.repeat(64)}, got [0-9a-f]{64}`));
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('an unknown command-line flag is a usage error, not a crash', () => {
    const run = runCli(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run generate/);
  });
});
