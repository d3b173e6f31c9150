/**
 * The fuzz suite (issue 12): seeded mutations of a small fixture spec and of slices of the real spec
 * (support/cases.ts lists the kinds), each through the real CLI capped at 30 s and 1 GB of heap (its
 * peak resident memory read under 1 GB too), two at a time. Each must exit 0 with a complete output
 * whose TypeScript holds every payload as data, or exit 2 naming a place and a fix; never exit 3, a
 * crash, a stack trace, the time limit, or partial output. A few representative packages are
 * type-checked and their skills run through every checker.
 * Another seed: FUZZ_SEED=n npx vitest run test/fuzz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../generator/config.ts';
import { loadSpec, resolveSpecSource } from '../../generator/load/index.ts';
import { listFiles } from '../../generator/write/index.ts';
import { ROOT } from '../support/cli.ts';
import { allBlocks, checkAll, describeFailures } from '../skills/support/skills.ts';
import { fuzzCases } from './support/cases.ts';
import { pool, runCase, type Outcome } from './support/run.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 1212);
/** Two cores: two children at a time leave the test runner some room. */
const CONCURRENCY = 2;

const source = await resolveSpecSource(undefined, loadConfig().spec);
const realSpec = loadSpec(source, join(ROOT, '.cache/load')).data;
const { cases, representative } = fuzzCases(SEED, realSpec);
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  const started = performance.now();
  const results = await pool(cases, CONCURRENCY, (c) => runCase(c, representative.includes(c.name)));
  for (const r of results) outcomes.set(r.name, r);
  const kinds = new Map<string, number>();
  for (const c of cases) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  const exits = new Map<string, number>();
  for (const r of results) {
    const key = r.signal ?? `exit ${r.code}`;
    exits.set(key, (exits.get(key) ?? 0) + 1);
  }
  const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
  const largest = [...results].sort((a, b) => b.peakMB - a.peakMB)[0];
  console.log(
    `fuzz seed ${SEED}: ${cases.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); ` +
      `${[...exits].map(([k, n]) => `${k}: ${n}`).join(', ')}; slowest ${slowest.name} ${Math.round(slowest.ms)} ms; ` +
      `largest ${largest.name} ${largest.peakMB} MB`,
  );
}, 240_000);

afterAll(() => {
  for (const name of representative) {
    const out = outcomes.get(name)?.out;
    if (out) rmSync(dirname(out), { recursive: true, force: true });
  }
});

describe(`fuzz, seed ${SEED}`, () => {
  it('covers every kind of mutation', () => {
    expect(new Set(cases.map((c) => c.kind))).toEqual(
      new Set([
        'truncation',
        'byte-flip',
        'deleted-component',
        'duplicate-key',
        'tabs',
        'encoding',
        'alias-bomb',
        'huge-bound',
        'deep-nesting',
        'hostile-names',
        'injection',
        'slice',
      ]),
    );
  });

  it.each(cases.map((c) => c.name))('%s', (name) => {
    expect(outcomes.get(name)?.problems).toEqual([]);
  });

  it('the representative packages type-check (tsc, strict)', async () => {
    const outs = representative.map((name) => {
      const outcome = outcomes.get(name)!;
      expect(outcome.code, `${name} did not generate`).toBe(0);
      return outcome.out;
    });
    const results = await pool(outs, CONCURRENCY, (out) =>
      exec(process.execPath, [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(out, 'typescript'),
        '--pretty',
        'false',
      ]),
    );
    expect(results.map((r, i) => `${representative[i]}: ${r.code} ${r.output}`.trim())).toEqual(
      representative.map((name) => `${name}: 0`),
    );
  }, 120_000);

  it('the representative skills pass every checker', () => {
    const files = new Map<string, string>();
    for (const name of representative) {
      const skills = join(outcomes.get(name)!.out, 'skills');
      for (const file of listFiles(skills).filter((f) => f.endsWith('.md')))
        files.set(`${name}/${file}`, readFileSync(join(skills, file), 'utf8'));
    }
    const { results, failures } = checkAll(allBlocks(files));
    for (const r of results) expect(r.checked, r.checker).toBeGreaterThan(0);
    expect(describeFailures(failures)).toBe('');
  }, 120_000);
});

function exec(command: string, args: string[]) {
  return new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(command, args, { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => done({ code, output: output.slice(0, 4000) }));
  });
}
