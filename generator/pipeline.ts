/**
 * The whole run, stage by stage, with a timing per stage. The CLI and the benchmark both call this.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from './config.ts';
import type { LintFinding } from './errors.ts';
import { resolveSpecSource } from './load/source.ts';
import type { Api } from './model/index.ts';
import { PART_ROOTS, PARTS, type Part } from './emit/files.ts';
import { checkOutDir, matchesRecord, OutputWriter, ownedBy, type WriteResult } from './write/index.ts';
import {
  modelCacheKey,
  outputCacheKey,
  readModelCache,
  readOutputRecord,
  unitsCacheKey,
  writeModelCache,
  writeOutputRecord,
} from './cache.ts';
import { PROJECT_ROOT } from './util/paths.ts';
import { openUnitCache } from './emit/unit-cache.ts';
import { pruneUnused } from './util/content-cache.ts';
import type { EmitUnits } from './emit/index.ts';

export interface RunOptions {
  spec?: string;
  out?: string;
  config?: string;
  /** A names lock file, `none`, or undefined for the config's default. */
  namesFrom?: string;
  only?: Part[];
  /** Compare instead of writing: report files that would change. */
  check?: boolean;
  /** Use the caches and the output record (default true). */
  cache?: boolean;
  /** Root of the caches (`load/`, `model/`, `units/`, `format/`, `output/` records); default `.cache` in the project. */
  cacheDir?: string;
  /** Test hook: called after staging, before the output is swapped in. */
  beforeSwap?: () => void;
  /** Tags and webhook events the config does not place are errors, not provisional products. */
  strict?: boolean;
}

export interface StageTiming {
  stage: string;
  ms: number;
  note?: string;
}

export interface RunResult {
  api: Api;
  lint: LintFinding[];
  timings: StageTiming[];
  write?: WriteResult;
  /** Files that differ from the output, in --check mode. */
  drift?: string[];
}

export async function runPipeline(
  options: RunOptions,
  onStage: (t: StageTiming) => void = () => {},
): Promise<RunResult> {
  // Cache entries written or read since then are in use by this run or a concurrent one: kept.
  const startedAt = Date.now();
  const timings: StageTiming[] = [];
  const time = async <T>(stage: string, work: () => T | Promise<T>, note?: (r: T) => string): Promise<T> => {
    const start = performance.now();
    const result = await work();
    const timing = { stage, ms: performance.now() - start, ...(note ? { note: note(result) } : {}) };
    timings.push(timing);
    onStage(timing);
    return result;
  };
  const config: Config = loadConfig(options.config);
  const parts = options.only ?? [...PARTS];
  const outDir = options.out ?? join(PROJECT_ROOT, 'output');
  checkOutDir(outDir, !options.check);
  const cacheRoot = options.cache === false ? undefined : (options.cacheDir ?? join(PROJECT_ROOT, '.cache'));
  const cacheDir = (name: string) => (cacheRoot ? join(cacheRoot, name) : undefined);
  const namesFrom = options.namesFrom ?? config.names.from;
  const source = await time(
    'source',
    () => resolveSpecSource(options.spec, config.spec),
    (s) => s.file.replace(/.*\/(?=[^/]+$)/, ''),
  );
  const key = modelCacheKey(
    source.sha256,
    [config.file, config.productsFile, ...(namesFrom === 'none' ? [] : [namesFrom])],
    // The spec's display path too: findings carry it in their locations.
    [namesFrom, config.includeHidden, config.names.overrides, options.strict === true, source.file],
  );
  const modelCache = cacheDir('model');
  let cached = modelCache
    ? await time(
        'cache',
        () => readModelCache(modelCache, key),
        (c) => (c ? 'inputs unchanged: model read from cache' : 'miss'),
      )
    : undefined;
  if (!cached) {
    // Loaded only on a miss: a warm run never pays for the YAML parser or the model's modules.
    const [{ loadSpec }, { buildModel }, { readNamesLock, readLockedWebhookTypes }] = await Promise.all([
      import('./load/index.ts'),
      import('./model/index.ts'),
      import('./naming/index.ts'),
    ]);
    const doc = await time(
      'load',
      () => loadSpec(source, cacheDir('load'), config.spec.refFolders),
      (d) => `${d.lint.length} lint findings${d.fromCache ? ', cached' : ''}`,
    );
    const built = await time(
      'model',
      () =>
        buildModel(doc, {
          productsFile: config.productsFile,
          lock: namesFrom === 'none' ? undefined : readNamesLock(namesFrom),
          ...(namesFrom === 'none' ? {} : { lockedWebhookTypes: readLockedWebhookTypes(namesFrom) }),
          overrides: config.names.overrides,
          includeHidden: config.includeHidden,
          strict: options.strict === true,
          configFile: config.file,
        }),
      (m) =>
        `${m.api.operations.filter((o) => config.includeHidden || !o.hidden).length} public operations, ${m.api.types.length} types`,
    );
    cached = { api: built.api, lint: [...doc.lint, ...built.findings] };
    if (modelCache) writeModelCache(modelCache, key, cached);
  }
  const { api, lint } = cached;
  const outputCache = cacheDir('output');
  // The skills emitter reads the webhooks table itself, so the table keys the output, not the model.
  const outputKey = outputCacheKey(
    key,
    join(PROJECT_ROOT, 'templates'),
    config.webhooksFile ? [config.webhooksFile] : [],
    [parts],
  );
  const owned = parts.flatMap((p) => PART_ROOTS[p]);
  // The no-change path: the output folder is what the last run with these inputs wrote.
  const unchanged =
    outputCache && !options.beforeSwap
      ? await time(
          'cache',
          () => {
            const record = readOutputRecord(outputCache, outputKey);
            return record !== undefined && matchesRecord(outDir, record.files, ownedBy(owned)) && record;
          },
          (r) => (r ? 'unchanged: output matches the record of the run that wrote it' : 'miss'),
        )
      : undefined;
  if (unchanged) {
    lint.push(...unchanged.findings);
    if (options.check) return { api, lint, timings, drift: [] };
    const write = { written: 0, unchanged: unchanged.files.length, removed: 0 };
    return { api, lint, timings, write };
  }
  // What the surface and emit stages add to `lint` is kept in the record (see OutputRecord.findings).
  const specFindings = lint.length;
  const units: EmitUnits | undefined =
    cacheRoot === undefined
      ? undefined
      : {
          cache: openUnitCache(join(cacheRoot, 'units')),
          key: unitsCacheKey(join(PROJECT_ROOT, 'templates'), [
            config.package,
            config.includeHidden,
            config.compat,
            options.strict === true,
          ]),
        };
  // Files go to the writer as they are rendered: staged beside the output, never all held in memory.
  const output = new OutputWriter(outDir, owned, { check: options.check, beforeSwap: options.beforeSwap });
  let result: RunResult;
  let formatUsed: Set<string>;
  try {
    formatUsed = await emitAndFormat(
      api,
      lint,
      parts,
      config,
      cacheDir('format'),
      time,
      options.strict === true,
      units,
      output,
    );
    const findings = lint.slice(specFindings);
    if (options.check) {
      const drift = await time(
        'check',
        () => output.drift(),
        (d) => `${d.length} files differ`,
      );
      if (outputCache && drift.length === 0)
        writeOutputRecord(outputCache, outputKey, output.record(), findings);
      result = { api, lint, timings, drift };
    } else {
      const write = await time(
        'write',
        () => output.commit(),
        (w) => `${w.written} written, ${w.unchanged} unchanged, ${w.removed} removed`,
      );
      // Recorded once the output is in place, so the record never describes a folder that was not written.
      if (outputCache) writeOutputRecord(outputCache, outputKey, output.record(), findings);
      result = { api, lint, timings, write };
    }
  } finally {
    // A failed run (and every --check run) leaves the output as it was; after a commit this is a no-op.
    output.discard();
  }
  // After a run that succeeded, the unit and format caches keep what it used and the most recently
  // used others up to a few runs' worth (README "Caches"); a run of some parts leaves the unit cache
  // alone, as its folder does not tell the parts apart.
  const unitCache = parts.length === PARTS.length ? units?.cache : undefined;
  const formatDir = parts.includes('typescript') ? cacheDir('format') : undefined;
  if (unitCache || formatDir)
    await time(
      'prune',
      () =>
        (unitCache?.prune(startedAt) ?? 0) + (formatDir ? pruneUnused(formatDir, formatUsed, startedAt) : 0),
      (n) => `${n} unused cache entries removed`,
    );
  return result;
}

type Timer = <T>(stage: string, work: () => T | Promise<T>, note?: (r: T) => string) => Promise<T>;

/**
 * Stages 3 to 5: the run's names and the SDK surface, every part rendered, then prettier over what
 * the emitters did not lay out.
 */
async function emitAndFormat(
  api: Api,
  lint: LintFinding[],
  parts: Part[],
  config: Config,
  formatCache: string | undefined,
  time: Timer,
  strict: boolean,
  units: EmitUnits | undefined,
  output: OutputWriter,
): Promise<Set<string>> {
  const [{ emitParts }, { formatFiles }, { buildSurface }, { makeResolver }, { nameApi }, { DIGIT_PREFIX }] =
    await Promise.all([
      import('./emit/index.ts'),
      import('./format/index.ts'),
      import('./surface/index.ts'),
      import('./model/resolve.ts'),
      import('./naming/names.ts'),
      import('./model/index.ts'),
    ]);
  // The run's names (type names, each SDK's spelling of inputs), derived from the model here, once,
  // whether the model came from the cache or not: they hold functions, the cached model is JSON.
  const names = await time(
    'naming',
    () => nameApi(api, DIGIT_PREFIX),
    (n) => `${n.types.size} type names`,
  );
  // One resolver for every part: it only reads the model's named types.
  const types = new Map(api.types.map((t) => [t.name, t]));
  const resolve = makeResolver(types);
  const { surface, findings } = await time(
    'surface',
    () =>
      buildSurface(api, resolve, types, {
        includeHidden: config.includeHidden,
        compat: config.compat,
        configFile: config.file,
      }),
    (s) => `${s.surface.size} operations`,
  );
  // Reported with the spec's findings (lint.json and the CLI's warnings).
  lint.push(...findings);
  const { preformatted } = await time(
    'emit',
    () => emitParts(api, names, surface, resolve, parts, config, lint, output, strict, units),
    () =>
      `${output.size} files` +
      (units ? `, ${units.cache.stats.hits} units from cache, ${units.cache.stats.misses} rendered` : ''),
  );
  const prettierOptions = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'templates/typescript/prettierrc.json'), 'utf8'),
  );
  // Files the emitter already laid out in prettier's style are skipped (format.test.ts checks them);
  // the few others are read back from the writer, formatted and handed to it again.
  const needsFormat = (path: string) =>
    path.startsWith('typescript/') && !preformatted.has(path) && /\.(ts|json)$/.test(path);
  const { used } = await time(
    'format',
    async () => {
      const files = new Map(
        [...output.paths()].filter(needsFormat).map((path) => [path, output.textOf(path)]),
      );
      const result = await formatFiles(files, {
        prettier: prettierOptions,
        cacheDir: formatCache,
      });
      for (const [path, text] of files) output.set(path, text);
      return result;
    },
    (r) => `${r.formatted} formatted, ${r.cached} from cache`,
  );
  return used;
}
