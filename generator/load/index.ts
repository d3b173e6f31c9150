/**
 * Stage 1, load: spec bytes -> checked plain document + lint findings.
 * The result of a cold load is cached by the spec's sha256 (and this stage's own source), because
 * YAML parsing dominates the run (~2 s on the Telnyx spec) and the output of this stage is plain JSON.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintFinding } from '../errors.ts';
import { parseSpecText } from './parse.ts';
import { bundleFileRefs, checkRefs } from './refs.ts';
import { checkStructure } from './structure.ts';
import { checkCompositionCycles } from './composition.ts';
import { lintSpec } from './lint.ts';
import type { SpecSource } from './source.ts';
import { sha256 } from '../util/hash.ts';
import { readJson, writeJson } from '../util/json-cache.ts';

export { resolveSpecSource, type SpecSource } from './source.ts';

export interface SpecDocument {
  /** Display name of the spec source, for messages. */
  file: string;
  sha256: string;
  /** The OpenAPI document as plain data, internal refs only. */
  data: any;
  lint: LintFinding[];
  /** The document came from the load cache (the spec was loaded before). */
  fromCache?: boolean;
  /** `file:line:col` for a JSON pointer (parses the YAML again on the warm path, only when asked). */
  locate(pointer: string): string;
}

interface CacheEntry {
  data: unknown;
  lint: LintFinding[];
  /** `file:line:col` of every operation and its first tag, so later stages locate without re-parsing. */
  positions: Record<string, string>;
}

export function loadSpec(
  source: SpecSource,
  cacheDir: string | undefined,
  /** Folders besides the spec's own that file `$ref`s may read (config spec.refFolders). */
  refFolders: readonly string[] = [],
): SpecDocument {
  const key = sha256(source.sha256 + loaderVersion() + source.file);
  const cacheFile = cacheDir ? join(cacheDir, `load-${key}.json`) : undefined;
  let lazyLocate: ((p: string) => string) | undefined;
  const locateLater = (pointer: string) =>
    (lazyLocate ??= parseSpecText(source.text, source.file).locate)(pointer);
  const entry = cacheFile ? readJson<CacheEntry>(cacheFile) : undefined;
  if (entry) {
    const locate = (pointer: string) => entry.positions[pointer] ?? locateLater(pointer);
    return {
      file: source.file,
      sha256: source.sha256,
      data: entry.data,
      lint: entry.lint,
      fromCache: true,
      locate,
    };
  }
  const parsed = parseSpecText(source.text, source.file);
  // Before anything writes into the document (bundling adds components/schemas): an empty file, a
  // scalar or a list has nowhere to put them.
  checkStructure(parsed);
  const externalFiles = bundleFileRefs(parsed, refFolders);
  checkRefs(parsed);
  checkCompositionCycles(parsed);
  const lint = lintSpec(parsed);
  if (cacheFile && externalFiles === 0)
    writeJson(cacheFile, {
      data: parsed.data,
      lint,
      positions: parsed.operationPositions(),
    } satisfies CacheEntry);
  return { file: source.file, sha256: source.sha256, data: parsed.data, lint, locate: parsed.locate };
}

/** A hash of this stage's source files, so a change to the loader invalidates cached loads. */
function loaderVersion(): string {
  const dir = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return sha256(files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\0'));
}
