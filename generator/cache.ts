/**
 * The warm path's content-keyed caches. The model: when the spec, the config, the names lock and the
 * generator's own code are all unchanged since a previous run, the model and the lint findings are
 * read back from JSON instead of being rebuilt (the YAML parse and the model build dominate a cold
 * run). The output: with the model key, the templates and the files the emitters read besides the
 * model (the webhooks table) unchanged, the formatted files are too, so an output folder that still
 * matches the record of the run that wrote it is left as it is.
 * Every key hashes all of its inputs, so any change to any of them rebuilds.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LintFinding } from './errors.ts';
import type { Api } from './model/index.ts';
import { sha256, treeHash } from './util/hash.ts';
import { readJson, writeJson } from './util/json-cache.ts';
import { GENERATOR_DIR } from './util/paths.ts';

export interface CachedModel {
  api: Api;
  lint: LintFinding[];
}

/** Hash of every source file of the generator, so a code change invalidates cached models. */
let sourceHash: string | undefined;
const generatorSourceHash = () => (sourceHash ??= treeHash(GENERATOR_DIR));

/** Key over every input of the model stage; `inputs` are file paths (read here) and plain values. */
export function modelCacheKey(specSha: string, inputFiles: string[], values: unknown[]): string {
  return sha256(JSON.stringify([specSha, generatorSourceHash(), contentHashes(inputFiles), values]));
}

/**
 * Key over every input of emit and format: the model's key (which covers the generator's code), the
 * templates, the files an emitter reads itself (`inputFiles`) and plain values such as the parts.
 */
export function outputCacheKey(
  modelKey: string,
  templatesDir: string,
  inputFiles: string[],
  values: unknown[],
): string {
  return sha256(JSON.stringify([modelKey, treeHash(templatesDir), contentHashes(inputFiles), values]));
}

/**
 * What every per-unit key (generator/emit/unit-cache.ts) starts from: the generator's code, the
 * templates and the plain values the emitters read from the config. Not the spec: each unit's key
 * adds the slice of the model its renderer reads.
 */
export function unitsCacheKey(
  templatesDir: string,
  values: unknown[],
  /** The generator's code; a test passes a copy to see a code change invalidate. */
  generatorDir = GENERATOR_DIR,
): string {
  const code = generatorDir === GENERATOR_DIR ? generatorSourceHash() : treeHash(generatorDir);
  return sha256(JSON.stringify(['units', code, treeHash(templatesDir), values]));
}

// Not a file (missing, or a folder passed by mistake): the stage that reads it reports it.
const contentHashes = (files: string[]) =>
  files.map((f) => (existsSync(f) && statSync(f).isFile() ? sha256(readFileSync(f)) : 'missing'));

export function readModelCache(cacheDir: string, key: string): CachedModel | undefined {
  return readJson<CachedModel>(join(cacheDir, `model-${key}.json`));
}

export function writeModelCache(cacheDir: string, key: string, entry: CachedModel): void {
  writeJson(join(cacheDir, `model-${key}.json`), entry);
}

/**
 * What a run wrote, by `outputCacheKey`: each file's path and sha256. A later run with the same key
 * whose output folder still hashes the same has nothing to emit, format or write; any other output
 * folder (edited, deleted, another run's) is regenerated, its units mostly from the unit caches.
 */
export interface OutputRecord {
  files: [path: string, sha256: string][];
  /**
   * Findings the surface and emit stages added to the spec's (stale config entries, unplaced webhook
   * events): a run that stops at this record reports them as the run that wrote the output did.
   */
  findings: LintFinding[];
}

export function readOutputRecord(cacheDir: string, key: string): OutputRecord | undefined {
  return readJson<OutputRecord>(join(cacheDir, `record-${key}.json`));
}

export function writeOutputRecord(
  cacheDir: string,
  key: string,
  /** Each file's path and sha256, sorted by path (OutputWriter.record). */
  files: [path: string, sha256: string][],
  findings: LintFinding[],
): void {
  const record: OutputRecord = { files, findings };
  writeJson(join(cacheDir, `record-${key}.json`), record);
}
