/**
 * The warm path's content-keyed caches. The model: when the spec, the config, the names lock and the
 * generator's own code are all unchanged since a previous run, the model and the lint findings are
 * read back from JSON instead of being rebuilt (the YAML parse and the model build dominate a cold
 * run). The output: with the model key and the templates unchanged, the formatted files are too.
 * Every key hashes all of its inputs, so any change to any of them rebuilds.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './load/source.ts';
import type { Api } from './model/index.ts';
import type { LintFinding } from './errors.ts';

export interface CachedModel {
  api: Api;
  lint: LintFinding[];
}

const GENERATOR_DIR = dirname(fileURLToPath(import.meta.url));

/** Hash of every file under `dir` (names and contents), e.g. the generator's code or the templates. */
export function treeHash(dir: string): string {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(dir);
  return sha256(files.map((f) => `${f.slice(dir.length)}\0${readFileSync(f, 'utf8')}`).join('\0'));
}

/** Hash of every source file of the generator, so a code change invalidates cached models. */
const generatorSourceHash = () => treeHash(GENERATOR_DIR);

/** Key over every input of the model stage; `inputs` are file paths (read here) and plain values. */
export function modelCacheKey(specSha: string, inputFiles: string[], values: unknown[]): string {
  const contents = inputFiles.map((f) => (existsSync(f) ? sha256(readFileSync(f)) : 'missing'));
  return sha256(JSON.stringify([specSha, generatorSourceHash(), contents, values]));
}

export function readModelCache(cacheDir: string, key: string): CachedModel | undefined {
  return readJson<CachedModel>(join(cacheDir, `model-${key}.json`));
}

export function writeModelCache(cacheDir: string, key: string, entry: CachedModel): void {
  writeJson(join(cacheDir, `model-${key}.json`), entry);
}

/**
 * The formatted files of a run, keyed by the model key, the parts and the templates: with all of
 * them unchanged (and the generator's code, which the model key covers) emitting gives the same bytes.
 */
export function readOutputCache(cacheDir: string, key: string): Map<string, string> | undefined {
  const entries = readJson<[string, string][]>(join(cacheDir, `output-${key}.json`));
  return entries && new Map(entries);
}

export function writeOutputCache(cacheDir: string, key: string, files: Map<string, string>): void {
  writeJson(join(cacheDir, `output-${key}.json`), [...files]);
}

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // a damaged cache entry is rebuilt, never trusted
  }
}

function writeJson(file: string, entry: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(entry));
  renameSync(`${file}.tmp`, file);
  pruneCache(file);
}

/** Entries of one kind kept per cache folder: enough to switch between a few specs or branches. */
const KEEP_ENTRIES = 4;

/**
 * Every change to the spec, config or generator writes a new multi-MB entry; without pruning the
 * cache grows by that much per edit. Keeps the newest entries of `file`'s kind (`model-`, `output-`).
 */
export function pruneCache(file: string): void {
  const dir = dirname(file);
  const kind = basename(file).slice(0, basename(file).indexOf('-') + 1);
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(kind) && name.endsWith('.json'))
    .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  for (const old of entries.slice(KEEP_ENTRIES)) rmSync(join(dir, old.name), { force: true });
}
