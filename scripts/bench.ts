/**
 * `npm run bench [-- --runs N --only parts --against DIR]`: the pipeline on the pinned Telnyx spec,
 * cold (no load cache, empty output) and warm (spec unchanged since the last run), each run in a
 * fresh process; without --only, for the TypeScript job and for every part. Prints the
 * median per stage, the in-process total, the whole command's wall time (Node start included) and
 * peak memory. With every part, it also times regeneration after a small change (issue 11): the spec
 * copied, one operation's summary edited before each run (a new edit each time, so the model is rebuilt
 * and the per-unit caches do the rest), interleaved with runs where nothing changed. Then, when the
 * TypeScript part was generated, it type-checks the package with tsc (scripts/bench-tsc.ts), side by
 * side with `--against DIR` when given, and bundles a one-call app against it and against the
 * official SDK, with each bundle's runtime overhead per request (scripts/bench-bundle.ts). Then the
 * scale figures (scripts/bench-scale.ts): time and peak memory at 1x, 2x and 4x the operations,
 * `--scale-runs N` each (default 3; 0 skips them, `--only-scale` runs nothing else). Last, with every
 * part (or `--only-peers`, nothing else), the generation peer: our cold full and TypeScript-only runs
 * beside hey-api's SDK-only run, in turns, as ratios (scripts/bench-peers.ts). The benchmark is
 * where speed targets live; tests never time anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchBundles } from './bench-bundle.ts';
import { benchPlan, BenchUsageError, type BenchPlan } from './bench-options.ts';
import { benchPeers, PeerUnavailable } from './bench-peers.ts';
import { benchTypeCheck, type TypeCheckProject } from './bench-tsc.ts';
import { benchScale } from './bench-scale.ts';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
let plan: BenchPlan;
try {
  plan = benchPlan(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  console.error(`bench: ${error.message}\nfix: ${error.fix}`);
  process.exit(2);
}
const { runs, scaleRuns } = plan;

interface Sample {
  stages: Record<string, number>;
  total: number;
  /** User + system CPU time of the whole process, ms. */
  cpu: number;
  wall: number;
  peakRssMb: number;
}

function once(out: string, cacheDir: string, only: string | undefined, spec?: string): Sample {
  const args = ['--import', 'tsx', join(ROOT, 'scripts/bench-run.ts'), '--out', out, '--cache-dir', cacheDir];
  if (only) args.push('--only', only);
  if (spec) args.push('--spec', spec);
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(`bench run failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop()!;
  return { ...JSON.parse(line), wall };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function report(label: string, samples: Sample[]) {
  console.log(`\n${label} (median of ${samples.length} runs)`);
  for (const stage of Object.keys(samples[0].stages)) {
    console.log(`  ${stage.padEnd(8)} ${(median(samples.map((s) => s.stages[stage])) / 1000).toFixed(3)} s`);
  }
  console.log(
    `  ${'total'.padEnd(8)} ${(median(samples.map((s) => s.total)) / 1000).toFixed(3)} s   (in process)`,
  );
  console.log(
    `  ${'command'.padEnd(8)} ${(median(samples.map((s) => s.wall)) / 1000).toFixed(3)} s   (node start to exit)`,
  );
  console.log(
    `  ${'cpu'.padEnd(8)} ${(median(samples.map((s) => s.cpu)) / 1000).toFixed(3)} s   (user + system, whole process)`,
  );
  console.log(`  peak memory ${Math.max(...samples.map((s) => s.peakRssMb)).toFixed(0)} MB`);
  if ('load' in samples[0].stages)
    console.log(
      `  load stage ${(median(samples.map((s) => s.stages.load)) / 1000).toFixed(3)} s (target at most 0.8 s on a quiet host; ` +
        `load average now ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
    );
}

/** Cold and warm runs of one set of parts, in folders of its own under `work`. */
function benchParts(work: string, only: string | undefined): void {
  const cold: Sample[] = [];
  for (let i = 0; i < runs; i++)
    cold.push(once(join(work, `cold-${i}`), join(work, `cold-cache-${i}`), only));
  const warm: Sample[] = [];
  once(join(work, 'warm'), join(work, 'warm-cache'), only); // prime: the spec has been seen, output exists
  for (let i = 0; i < runs; i++) warm.push(once(join(work, 'warm'), join(work, 'warm-cache'), only));
  console.log(`\n== pinned Telnyx spec, ${runs} runs each, ${only ? `--only ${only}` : 'every part'}`);
  report('cold: no load cache, empty output', cold);
  report('warm: spec unchanged since the last run', warm);
}

/**
 * Regeneration after a one-operation change, every part: a copy of the pinned spec whose first
 * operation summary gets a new suffix before each measured run (each run's spec is new to the caches,
 * as after a spec update), each followed by a run with nothing changed.
 */
async function benchIncremental(work: string): Promise<void> {
  const { source } = await pinnedSpec();
  const original = readFileSync(source, 'utf8');
  const at = original.search(/^ {6}summary: .+$/m);
  if (at < 0) throw new Error('bench: no operation summary to edit in the pinned spec');
  const end = original.indexOf('\n', at);
  mkdirSync(work, { recursive: true });
  const spec = join(work, 'openapi.yml');
  const variant = (n: number) =>
    writeFileSync(spec, n === 0 ? original : `${original.slice(0, end)} (edit ${n})${original.slice(end)}`);
  const [out, cache] = [join(work, 'out'), join(work, 'cache')];
  variant(0);
  once(out, cache, undefined, spec); // prime: the caches hold the spec before the change
  const changed: Sample[] = [];
  const unchanged: Sample[] = [];
  for (let i = 1; i <= runs; i++) {
    variant(i);
    changed.push(once(out, cache, undefined, spec));
    unchanged.push(once(out, cache, undefined, spec));
  }
  console.log(
    `\n== pinned Telnyx spec, one operation changed before each run, ${runs} runs each, every part`,
  );
  report('one-operation change (target: under 2 s)', changed);
  report('no change (target: under 1 s)', unchanged);
}

/** Our cold runs beside hey-api's (scripts/bench-peers.ts); without the peer (offline), a note. */
async function benchGenerationPeer(dir: string): Promise<void> {
  const { source } = await pinnedSpec();
  try {
    benchPeers(ROOT, dir, source, runs, (out, cacheDir, only) => once(out, cacheDir, only));
  } catch (error) {
    if (!(error instanceof PeerUnavailable)) throw error;
    console.log(`\n== generation beside hey-api: skipped, ${error.message}\nfix: ${error.fix}`);
    if (plan.configs.length === 0 && !plan.scale) process.exitCode = 2;
  }
}

async function pinnedSpec() {
  const [{ loadConfig }, { resolveSpecSource }] = await Promise.all([
    import('../generator/config.ts'),
    import('../generator/load/source.ts'),
  ]);
  return { source: (await resolveSpecSource(undefined, loadConfig().spec)).file };
}

// Without --only: the TypeScript job (model + TypeScript + formatting, what the SDK needs) and the
// whole run (skills too), each cold and warm.
const configs = plan.configs;
const work = mkdtempSync(join(tmpdir(), 'codegen-bench-'));
try {
  configs.forEach((only, i) => benchParts(join(work, `config-${i}`), only));
  if (plan.regeneration) await benchIncremental(join(work, 'incremental'));
  const withTypeScript = configs.findIndex((only) => !only || only.split(',').includes('typescript'));
  if (withTypeScript >= 0) {
    // The package checks against its own web-globals shim; with lib DOM it checks as a user's
    // project would (and as the official SDK does against @types/node): both figures are shown.
    const pkg = join(work, `config-${withTypeScript}`, 'warm/typescript');
    writeFileSync(
      join(pkg, 'tsconfig.dom.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { lib: ['ES2022', 'DOM', 'DOM.Iterable'] },
        include: ['src'],
      }),
    );
    const projects: TypeCheckProject[] = [
      { label: 'generated package', dir: pkg },
      { label: 'same, with lib DOM', dir: pkg, config: 'tsconfig.dom.json' },
    ];
    if (plan.against) projects.push({ label: 'against', dir: resolve(plan.against) });
    benchTypeCheck(ROOT, projects, runs);
    await benchBundles([['ours', join(pkg, 'src')]], runs);
  }
  if (plan.scale)
    await benchScale(ROOT, join(work, 'scale'), scaleRuns, (out, cacheDir, spec) =>
      once(out, cacheDir, undefined, spec),
    );
  if (plan.peers) await benchGenerationPeer(join(work, 'peers'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
