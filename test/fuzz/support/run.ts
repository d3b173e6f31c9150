/**
 * Runs one fuzz case through the real CLI in a child process, capped the way the issue asks
 * (--max-old-space-size=1024, 30 s), and judges the outcome: exit 0 with a complete output whose
 * TypeScript holds every payload as data, or exit 2 with a location and a fix and no output at all;
 * never exit 3, a crash, a stack trace or the time limit.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FIXTURE_CONFIG, ROOT, hasStackTrace } from '../../support/cli.ts';
import { listFiles } from '../../../generator/write/index.ts';
import { payloadLeaks } from './payloads.ts';

export const TIME_LIMIT_MS = 30_000;
export const HEAP_LIMIT_MB = 1024;
/** Peak resident memory allowed (read from /proc where there is one: the heap cap misses buffers). */
export const RSS_LIMIT_MB = 1024;

export interface FuzzCase {
  /** `kind/detail`, unique. */
  name: string;
  kind: string;
  /** The spec's bytes. */
  spec: Buffer;
  /** Other files beside the spec (relative path -> text). */
  files?: Record<string, string>;
  /** What a correct generator does with it: generate, refuse, or either (mutations that may stay valid). */
  expect: 'ok' | 'error' | 'either';
  /** Payloads to look for in the generated TypeScript. */
  payloads?: readonly string[];
}

export interface Outcome {
  name: string;
  code: number | null;
  signal: string | null;
  ms: number;
  /** Peak resident set size of the child, in MB (0 where /proc is missing). */
  peakMB: number;
  stdout: string;
  stderr: string;
  /** The output folder, kept for the deeper checks of representative cases (else removed). */
  out: string;
  problems: string[];
}

/** An error line names a place: file:line:col, a file#/json/pointer, or a path. */
const LOCATED = /^error: (\S[^\n]*?:\d+:\d+|\S[^\n]*?#\/[^\n]*?|\S+): \S/m;

export async function runCase(c: FuzzCase, keep = false): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-fuzz-'));
  const spec = join(dir, 'spec', 'spec.yml');
  for (const [name, text] of Object.entries({ ...c.files })) write(join(dir, 'spec', name), text);
  write(spec, c.spec);
  const out = join(dir, 'out');
  const started = performance.now();
  const { code, signal, stdout, stderr, peakMB } = await spawnCapped([
    `--max-old-space-size=${HEAP_LIMIT_MB}`,
    '--import',
    'tsx',
    join(ROOT, 'generator/cli.ts'),
    '--spec',
    spec,
    '--config',
    FIXTURE_CONFIG,
    '--out',
    out,
    '--no-cache',
  ]);
  const ms = performance.now() - started;
  const problems = judge(c, { code, signal, stdout, stderr, ms, out });
  if (peakMB > RSS_LIMIT_MB) problems.push(`peak memory ${peakMB} MB (limit ${RSS_LIMIT_MB} MB)`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return { name: c.name, code, signal, ms, peakMB, stdout, stderr, out, problems };
}

function judge(
  c: FuzzCase,
  r: { code: number | null; signal: string | null; stdout: string; stderr: string; ms: number; out: string },
): string[] {
  const problems: string[] = [];
  const said = `${r.stderr}${r.stdout}`.slice(0, 2000);
  if (r.signal)
    problems.push(`killed by ${r.signal} after ${Math.round(r.ms)} ms (limit ${TIME_LIMIT_MS} ms)`);
  else if (r.code !== 0 && r.code !== 2) problems.push(`exit ${r.code}: ${said}`);
  if (hasStackTrace(said)) problems.push(`stack trace: ${said}`);
  const staging = existsSync(dirname(r.out))
    ? readdirSync(dirname(r.out)).filter((f) => f.startsWith('out.staging-') || f === 'out.old')
    : [];
  if (staging.length > 0) problems.push(`left behind: ${staging.join(', ')}`);
  if (r.code === 2) {
    if (c.expect === 'ok') problems.push(`refused a spec it should generate: ${said}`);
    if (!LOCATED.test(r.stderr)) problems.push(`error without a location: ${said}`);
    if (!/^\s+fix: \S/m.test(r.stderr)) problems.push(`error without a fix line: ${said}`);
    if (existsSync(r.out)) problems.push('a refused spec left output behind');
  }
  if (r.code === 0) {
    if (c.expect === 'error') problems.push(`generated a spec it should refuse: ${said}`);
    problems.push(...outputProblems(r.out, c.payloads ?? []));
  }
  return problems;
}

/** A complete output: every part's root files, each relative import resolving, payloads as data only. */
function outputProblems(out: string, payloads: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of [
    'manifest.json',
    'lint.json',
    'typescript/package.json',
    'typescript/src/index.ts',
    'typescript/src/client.ts',
    'typescript/src/models.ts',
    'skills/index.json',
    'skills/README.md',
  ])
    if (!existsSync(join(out, file))) problems.push(`incomplete output: no ${file}`);
  if (problems.length > 0) return problems;
  try {
    JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const index = JSON.parse(readFileSync(join(out, 'skills/index.json'), 'utf8'));
    for (const skill of index.skills ?? [])
      if (!existsSync(join(out, 'skills', skill.name, 'SKILL.md')))
        problems.push(`no SKILL.md for ${skill.name}`);
  } catch (error) {
    problems.push(`unreadable JSON output: ${(error as Error).message}`);
  }
  for (const file of listFiles(join(out, 'typescript')).filter((f) => f.endsWith('.ts'))) {
    const path = join(out, 'typescript', file);
    const text = readFileSync(path, 'utf8');
    for (const leak of payloadLeaks(file, text, payloads))
      problems.push(
        `${leak.file}:${leak.line}: ${leak.payload} outside a string or comment: ${leak.context}`,
      );
    for (const m of text.matchAll(/\bfrom '(\.{1,2}\/[^']+)\.js'/g)) {
      const target = resolve(dirname(path), `${m[1]}.ts`);
      if (!existsSync(target)) problems.push(`${file} imports ${m[1]}.js, which was not written`);
    }
  }
  return problems;
}

function write(file: string, content: string | Buffer) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

interface Exit {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  peakMB: number;
}

/**
 * Spawns node with the time limit, sampling its peak memory (VmHWM is a high-water mark, so a late
 * sample still sees an early peak); output is capped so a runaway log cannot fill memory here.
 */
function spawnCapped(args: string[]) {
  return new Promise<Exit>((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DEBUG: '' } });
    let peakKB = 0;
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKB = Math.max(peakKB, Number(hwm[1]));
      } catch {
        // gone already, or no /proc here
      }
    };
    const sampler = setInterval(sample, 50);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-20_000)));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(sampler);
      done({ code, signal, stdout, stderr, peakMB: Math.round(peakKB / 1024) });
    });
  });
}

/** Runs `work` over `items`, `limit` at a time, in order of the items. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
