/**
 * Stage 4, format: prettier over the generated TypeScript, JSON and markdown of the SDK package.
 * Prettier is the slowest stage (seconds for megabytes of TS), so it is kept off the warm path:
 * every formatted file is cached by the hash of its unformatted text and the options (a run whose
 * emitted text did not change formats nothing), and the misses are split across worker threads.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { sha256 } from '../util/hash.ts';
import { entryFile } from '../util/content-cache.ts';
import { touchCache } from '../util/json-cache.ts';
import type { OutputFiles } from '../emit/files.ts';

export interface FormatOptions {
  /** Prettier options for the generated code. */
  prettier: Record<string, unknown>;
  /** Content-addressed cache of formatted files; none = format everything. */
  cacheDir?: string;
  workers?: number;
}

export interface FormatResult {
  formatted: number;
  cached: number;
  /** The cache entries this run read or wrote (generator/util/content-cache.ts prunes the others). */
  used: Set<string>;
}

const PRETTIER_VERSION: string = createRequire(import.meta.url)('prettier/package.json').version;

/** Formats every file of `files` in place (the caller picks which files to pass). */
export async function formatFiles(files: OutputFiles, options: FormatOptions): Promise<FormatResult> {
  const optionsKey = JSON.stringify([PRETTIER_VERSION, options.prettier]);
  const misses: [string, string, string][] = []; // path, text, cache key
  let cached = 0;
  const used = new Set<string>();
  for (const [path, text] of files) {
    const key = sha256(optionsKey + '\0' + path.slice(path.lastIndexOf('.')) + '\0' + text);
    used.add(key);
    const hit = options.cacheDir && entryFile(options.cacheDir, key);
    const formatted = hit ? readCached(hit) : undefined;
    if (formatted !== undefined) {
      files.set(path, formatted);
      cached++;
    } else {
      misses.push([path, text, key]);
    }
  }
  const results = await formatInWorkers(
    misses.map(([p, t]) => [p, t]),
    options,
  );
  for (const [i, [path, , key]] of misses.entries()) {
    const text = results[i];
    files.set(path, text);
    if (options.cacheDir) store(options.cacheDir, key, text);
  }
  return { formatted: misses.length, cached, used };
}

/** A cached formatted file, touched as used; undefined when missing (or pruned meanwhile). */
function readCached(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const text = readFileSync(file, 'utf8');
    touchCache(file);
    return text;
  } catch {
    return undefined;
  }
}

function store(cacheDir: string, key: string, text: string) {
  const dir = join(cacheDir, key.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, key));
}

/** Splits the work into size-balanced batches, one worker per batch; results in input order. */
async function formatInWorkers(files: [string, string][], options: FormatOptions): Promise<string[]> {
  if (files.length === 0) return [];
  // A worker costs a thread start and its own prettier load; a few small files are done faster here.
  if (files.reduce((n, [, text]) => n + text.length, 0) < 300_000) {
    const prettier = await import('prettier');
    return Promise.all(
      files.map(([path, text]) => prettier.format(text, { ...options.prettier, filepath: path })),
    );
  }
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), files.length));
  const batches: { files: [string, string][]; index: number[]; size: number }[] = Array.from(
    { length: count },
    () => ({ files: [], index: [], size: 0 }),
  );
  files
    .map((f, i) => ({ f, i }))
    .sort((a, b) => b.f[1].length - a.f[1].length)
    .forEach(({ f, i }) => {
      const lightest = batches.reduce((a, b) => (b.size < a.size ? b : a));
      lightest.files.push(f);
      lightest.index.push(i);
      lightest.size += f[1].length;
    });
  const out: string[] = new Array(files.length);
  await Promise.all(
    batches.map(async (batch) => {
      const formatted = await runWorker(batch.files, options.prettier);
      formatted.forEach(([, text], j) => (out[batch.index[j]] = text));
    }),
  );
  return out;
}

function runWorker(
  files: [string, string][],
  prettierOptions: Record<string, unknown>,
): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url));
    worker.once('message', (reply: { ok: boolean; files?: [string, string][]; error?: string }) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.files!);
      else reject(new Error(`prettier failed on generated code: ${reply.error}`));
    });
    worker.once('error', reject);
    worker.postMessage({ files, options: prettierOptions });
  });
}
