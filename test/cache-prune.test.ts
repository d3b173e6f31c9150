/**
 * Pruning of the content-addressed caches (`.cache/units/`, `.cache/format/`; README "Caches"): a run
 * that rendered every part keeps the entries it used and removes the rest, so the folder does not grow
 * with every edit; entries another run wrote or read after this one started, and the temp files of
 * live runs, are kept; two runs racing on one cache both write what an uncached run writes.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type RunOptions } from '../generator/pipeline.ts';
import { pruneUnused } from '../generator/util/content-cache.ts';
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
  it('keeps what the run used or another run touched since it started, and live runs’ temp files', () => {
    const dir = tempFiles({});
    const put = (name: string, ageMs: number) => {
      mkdirSync(join(dir, name.slice(0, 2)), { recursive: true });
      writeFileSync(join(dir, name.slice(0, 2), name), name);
      const at = new Date(Date.now() - ageMs);
      utimesSync(join(dir, name.slice(0, 2), name), at, at);
    };
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    put('aa-used.json', 60_000);
    put('ab-unused.json', 60_000);
    put('ac-touched-by-another-run.json', 0);
    put(`ad-half-written.json.${process.pid}.tmp`, 60_000);
    put(`ae-left-by-a-killed-run.json.${dead}.tmp`, 60_000);
    const startedAt = Date.now() - 10_000;
    expect(pruneUnused(dir, new Set(['aa-used.json']), startedAt)).toBe(2);
    expect(listFiles(dir)).toEqual([
      'aa/aa-used.json',
      'ac/ac-touched-by-another-run.json',
      `ad/ad-half-written.json.${process.pid}.tmp`,
    ]);
    expect(pruneUnused(join(dir, 'none'), new Set(), Date.now())).toBe(0); // no cache folder yet
  });
});

describe('a run with warm caches', () => {
  it('leaves the unit cache holding exactly the entries an uncached run of the same spec writes', async () => {
    const { dir, a, b } = specs();
    const shared = join(dir, 'shared-cache');
    await run({ spec: a, out: join(dir, 'out'), cacheDir: shared });
    const afterA = listFiles(join(shared, 'units'));
    await run({ spec: b, out: join(dir, 'out'), cacheDir: shared });
    const fresh = join(dir, 'fresh-cache');
    await run({ spec: b, out: join(dir, 'fresh-out'), cacheDir: fresh });
    const afterB = listFiles(join(shared, 'units'));
    expect(afterB).toEqual(listFiles(join(fresh, 'units')));
    // The edit gave some units new keys: their entries for the old spec were there, and went.
    expect(afterA.filter((f) => !afterB.includes(f)).length).toBeGreaterThan(0);
    expect(afterA.filter((f) => afterB.includes(f)).length).toBeGreaterThan(0);
  });

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
