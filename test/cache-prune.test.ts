/**
 * Pruning of the content-addressed caches (`.cache/units/`, `.cache/format/`; README "Caches"): after
 * a run that rendered every part, the folder keeps that run's entries plus the most recently used
 * others up to KEEP_RUNS runs' worth, so it no longer grows with every edit; entries another run
 * wrote or read after this one started, and the temp files of live runs, are kept; the same runs
 * leave the same entries; two runs racing on one cache both write what an uncached run writes.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type RunOptions } from '../generator/pipeline.ts';
import { KEEP_RUNS, pruneUnused } from '../generator/util/content-cache.ts';
import { listFiles } from '../generator/write/index.ts';
import { FIXTURE_CONFIG, FIXTURES, ROOT, tempFiles } from './support/cli.ts';

const petstore = readFileSync(join(FIXTURES, 'petstore.yml'), 'utf8');
/** The petstore with one operation's summary changed: its units get new keys, the others keep theirs. */
const edited = petstore.replace('summary: Create a pet', 'summary: Create a pet (edited)');
const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

function specs() {
  const dir = tempFiles({ 'a.yml': petstore, 'b.yml': edited });
  return { dir, a: join(dir, 'a.yml'), b: join(dir, 'b.yml') };
}
const run = (options: RunOptions) => runPipeline({ config: FIXTURE_CONFIG, ...options });

describe('pruneUnused', () => {
  const folder = () => {
    const dir = tempFiles({});
    const put = (name: string, ageMs: number) => {
      mkdirSync(join(dir, name.slice(0, 2)), { recursive: true });
      writeFileSync(join(dir, name.slice(0, 2), name), name);
      const at = new Date(Date.now() - ageMs);
      utimesSync(join(dir, name.slice(0, 2), name), at, at);
    };
    return { dir, put };
  };

  it('keeps the used entries and the newest others up to the bound, oldest removed first', () => {
    const { dir, put } = folder();
    put('aa-used.json', 90_000);
    put('ab-unused-newer.json', 30_000);
    put('ac-unused-older.json', 60_000);
    put('ad-unused-oldest.json', 70_000);
    const startedAt = Date.now() - 10_000;
    // Two runs' worth with one used entry: one other entry stays, the most recently used.
    expect(pruneUnused(dir, new Set(['aa-used.json']), startedAt, 2)).toBe(2);
    expect(listFiles(dir)).toEqual(['aa/aa-used.json', 'ab/ab-unused-newer.json']);
    expect(pruneUnused(dir, new Set(['aa-used.json']), startedAt, 1)).toBe(1);
    expect(listFiles(dir)).toEqual(['aa/aa-used.json']);
  });

  it('keeps what another run touched since this one started, and live runs’ temp files', () => {
    const { dir, put } = folder();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    put('ab-unused.json', 60_000);
    put('ac-touched-by-another-run.json', 0);
    put(`ad-half-written.json.${process.pid}.tmp`, 60_000);
    put(`ae-left-by-a-killed-run.json.${dead}.tmp`, 60_000);
    expect(pruneUnused(dir, new Set(), Date.now() - 10_000)).toBe(2);
    expect(listFiles(dir)).toEqual([
      'ac/ac-touched-by-another-run.json',
      `ad/ad-half-written.json.${process.pid}.tmp`,
    ]);
    expect(pruneUnused(join(dir, 'none'), new Set(), Date.now())).toBe(0); // no cache folder yet
  });
});

describe('a run with warm caches', () => {
  it('stays within KEEP_RUNS runs of entries over many edits, the same for the same runs', async () => {
    const dir = tempFiles({});
    // Each edit gives the edited operation's units new keys; the others keep theirs.
    const specs = Array.from({ length: 14 }, (_, k) => {
      const file = join(dir, `spec-${k}.yml`);
      writeFileSync(file, petstore.replace('summary: Create a pet', `summary: Create a pet (edit ${k})`));
      return file;
    });
    const entries = async (cacheDir: string, upTo = specs.length) => {
      for (const spec of specs.slice(0, upTo)) await run({ spec, out: join(dir, 'out'), cacheDir });
      return listFiles(join(cacheDir, 'units'));
    };
    const perRun = (await entries(join(dir, 'one-run'), 1)).length;
    const [first, again] = [await entries(join(dir, 'a')), await entries(join(dir, 'b'))];
    const grown = (await entries(join(dir, 'two-runs'), 2)).length - perRun; // one edit's new entries
    expect(grown).toBeGreaterThan(0);
    // Unbounded, 14 edits would have added 13 * grown entries; the bound holds, the same both times.
    expect(perRun + 13 * grown).toBeGreaterThan(KEEP_RUNS * perRun);
    expect(first.length).toBeLessThanOrEqual(KEEP_RUNS * perRun);
    expect(first).toEqual(again);
    // Every entry the last spec's run used is still there: what an uncached-units run of it writes.
    const alone = join(dir, 'last-alone');
    await run({ spec: specs[specs.length - 1], out: join(dir, 'out-last'), cacheDir: alone });
    const fresh = listFiles(join(alone, 'units'));
    expect(fresh.length).toBe(perRun);
    expect(fresh.filter((f) => !first.includes(f))).toEqual([]);
  }, 120_000);

  it('keeps every unit when it renders only some parts (the folder does not tell the parts apart)', async () => {
    const { dir, a, b } = specs();
    const cacheDir = join(dir, 'cache');
    await run({ spec: a, out: join(dir, 'out'), cacheDir });
    const before = listFiles(join(cacheDir, 'units'));
    await run({ spec: b, out: join(dir, 'out'), cacheDir, only: ['skills'] });
    const after = listFiles(join(cacheDir, 'units'));
    expect(before.every((f) => after.includes(f))).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('is safe when two runs race on one cache: each writes what an uncached run writes', async () => {
    const { dir, a, b } = specs();
    const cacheDir = join(dir, 'cache');
    await run({ spec: a, out: join(dir, 'warm'), cacheDir });
    // Two processes, each generating its spec with the shared cache, pruning at the end.
    const generate = (spec: string, out: string) =>
      new Promise<number | null>((done) => {
        const code = `import { runPipeline } from ${JSON.stringify(join(ROOT, 'generator/pipeline.ts'))};
await runPipeline(${JSON.stringify({ spec, out, config: FIXTURE_CONFIG, cacheDir })});`;
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
          cwd: ROOT,
          stdio: 'ignore',
        });
        child.on('exit', done);
      });
    await run({ spec: a, out: join(dir, 'a-uncached'), cache: false });
    await run({ spec: b, out: join(dir, 'b-uncached'), cache: false });
    for (let round = 0; round < 2; round++) {
      const outs = [join(dir, `a-${round}`), join(dir, `b-${round}`)];
      expect(await Promise.all([generate(a, outs[0]), generate(b, outs[1])])).toEqual([0, 0]);
      expect(snapshot(outs[0])).toEqual(snapshot(join(dir, 'a-uncached')));
      expect(snapshot(outs[1])).toEqual(snapshot(join(dir, 'b-uncached')));
    }
  }, 120_000);
});
