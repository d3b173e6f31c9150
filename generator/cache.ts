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
  utimesSync,
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

export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as T;
    touchCache(file);
    return entry;
  } catch {
    return undefined; // a damaged (or meanwhile pruned) cache entry is rebuilt, never trusted
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
 * cache grows by that much per edit. Keeps `file` and the most recently used other entries of its
 * kind (`load-`, `model-`, `output-`; a hit touches its entry). Another run pruning the same folder
 * at the same time only makes an entry vanish, which its reader treats as a miss.
 */
export function pruneCache(file: string): void {
  const dir = dirname(file);
  const kind = basename(file).slice(0, basename(file).indexOf('-') + 1);
  const usedAt = (name: string) => {
    try {
      return statSync(join(dir, name)).mtimeMs;
    } catch {
      return -1; // removed meanwhile
    }
  };
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(kind) && name.endsWith('.json') && name !== basename(file))
    .map((name) => ({ name, usedAt: usedAt(name) }))
    .sort((a, b) => b.usedAt - a.usedAt || (a.name < b.name ? -1 : 1));
  for (const old of others.slice(KEEP_ENTRIES - 1)) rmSync(join(dir, old.name), { force: true });
}

/** Marks a cache entry as just used, so pruning keeps the entries in use. */
export function touchCache(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // read-only cache or removed meanwhile: it only affects which entries pruning keeps
  }
}
