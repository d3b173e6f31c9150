/**
 * Names from the spec that become file names are cut to fit a file system (util/file-names.ts), the
 * same way every run; before, a 300-character path segment or tag failed the write with ENAMETOOLONG.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fitName, MAX_NAME_BYTES } from '../generator/util/file-names.ts';
import { FIXTURE_CONFIG, runCli, tempFiles } from './support/cli.ts';

describe('fitName', () => {
  it.each<[string, { given: string; want: string | RegExp }]>([
    ['a short name stays', { given: 'phone-numbers', want: 'phone-numbers' }],
    ['100 bytes stay', { given: 'a'.repeat(100), want: 'a'.repeat(100) }],
    ['101 bytes are cut and hashed', { given: 'a'.repeat(101), want: /^a{91}-[0-9a-f]{8}$/ }],
    ['a cut never splits a character', { given: 'é'.repeat(80), want: /^(é){45}-[0-9a-f]{8}$/ }],
    [
      'a cut drops trailing separators',
      { given: `${'a'.repeat(90)}-${'b'.repeat(20)}`, want: /^a{90}-[0-9a-f]{8}$/ },
    ],
  ])('%s', (_, { given, want }) => {
    const got = fitName(given);
    if (typeof want === 'string') expect(got).toBe(want);
    else expect(got).toMatch(want);
    expect(Buffer.byteLength(got)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('two long names with one start get two names, each the same every time', () => {
    const a = fitName(`${'x'.repeat(120)}a`);
    const b = fitName(`${'x'.repeat(120)}b`);
    expect(a).not.toBe(b);
    expect(fitName(`${'x'.repeat(120)}a`)).toBe(a);
  });
});

describe('a spec with 300-character names', () => {
  it('generates, with every file name within the bound', () => {
    const long = 'x'.repeat(300);
    const spec = `openapi: 3.1.0\ninfo: { title: T, version: "1" }\nservers: [{ url: https://api.example.com/v2 }]\npaths:\n  /${long}/{id}:\n    get:\n      operationId: ${long}\n      tags: [${long}]\n      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n      responses: { '200': { description: ok } }\n`;
    const dir = tempFiles({ 'spec.yml': spec });
    const out = join(dir, 'out');
    const run = runCli(['--spec', join(dir, 'spec.yml'), '--config', FIXTURE_CONFIG, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const names = readdirSync(out, { recursive: true, encoding: 'utf8' }).flatMap((p) => p.split('/'));
    expect(Math.max(...names.map((n) => Buffer.byteLength(n)))).toBeLessThanOrEqual(MAX_NAME_BYTES + 20);
    expect(names.some((n) => /^x+-[0-9a-f]{8}\.ts$/.test(n))).toBe(true);
  });
});
