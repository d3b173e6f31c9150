/**
 * The warm path: when the spec, the config, the names lock and the generator's own code are all
 * unchanged since a previous run, the model (and the lint findings) are read back from a JSON cache
 * instead of being rebuilt: the YAML parse and the model build are ~90% of a run's time. The key
 * hashes every input, so any change to any of them rebuilds.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './load/source.ts';
import type { Api } from './model/index.ts';
import type { LintFinding } from './errors.ts';

export interface CachedModel {
  api: Api;
  lint: LintFinding[];
}

const GENERATOR_DIR = dirname(fileURLToPath(import.meta.url));

/** Hash of every source file of the generator, so a code change invalidates cached models. */
function generatorSourceHash(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(GENERATOR_DIR);
  return sha256(files.map((f) => `${f.slice(GENERATOR_DIR.length)}\0${readFileSync(f, 'utf8')}`).join('\0'));
}

/** Key over every input of the model stage; `inputs` are file paths (read here) and plain values. */
export function modelCacheKey(specSha: string, inputFiles: string[], values: unknown[]): string {
  const contents = inputFiles.map((f) => (existsSync(f) ? sha256(readFileSync(f)) : 'missing'));
  return sha256(JSON.stringify([specSha, generatorSourceHash(), contents, values]));
}

export function readModelCache(cacheDir: string, key: string): CachedModel | undefined {
  const file = join(cacheDir, `model-${key}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CachedModel;
  } catch {
    return undefined; // a damaged cache entry is rebuilt, never trusted
  }
}

export function writeModelCache(cacheDir: string, key: string, entry: CachedModel): void {
  const file = join(cacheDir, `model-${key}.json`);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(entry));
  renameSync(`${file}.tmp`, file);
}
