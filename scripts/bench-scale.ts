/**
 * How the run grows with the spec (issue 13): synthetic specs with 1x, 2x and 4x the operations of the
 * pinned Telnyx spec, made by repeating every path under a new prefix (`/scale2/messages`, operation
 * ids suffixed `_scale2`), each generated cold in its own process, interleaved. Prints time and peak
 * memory per size and their ratios to 1x (targets: time at 4x at most 3x, peak memory at most 2x).
 * The specs are written once per pinned spec under .cache/bench/ (they are data the bench derives,
 * never committed). Driven by scripts/bench.ts; `npm run bench -- --only-scale` runs only this.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { loadConfig } from '../generator/config.ts';
import { resolveSpecSource } from '../generator/load/source.ts';

export const SCALES = [1, 2, 4] as const;

export interface ScaleSample {
  stages: Record<string, number>;
  total: number;
  wall: number;
  peakRssMb: number;
}

/** The spec with every path repeated `factor - 1` more times under new prefixes; its file. */
export async function syntheticSpec(root: string, factor: number): Promise<string> {
  const source = await resolveSpecSource(undefined, loadConfig().spec);
  const dir = join(root, '.cache/bench');
  const file = join(dir, `scale-${source.sha256.slice(0, 16)}-${factor}x.yml`);
  if (existsSync(file)) return file;
  const spec = load(source.text) as { paths: Record<string, unknown> };
  const paths: Record<string, unknown> = {};
  for (let k = 1; k <= factor; k++) {
    for (const [path, item] of Object.entries(spec.paths)) {
      paths[k === 1 ? path : `/scale${k}${path}`] = k === 1 ? item : renamed(structuredClone(item), k);
    }
  }
  spec.paths = paths;
  mkdirSync(dir, { recursive: true });
  // Written by the same YAML writer at every size (1x too), so sizes differ only in operations.
  writeFileSync(`${file}.tmp`, dump(spec, { lineWidth: -1, noRefs: true }));
  renameSync(`${file}.tmp`, file);
  return file;
}

/** Operation ids must stay unique: the copy's get a suffix. */
function renamed(item: unknown, k: number): unknown {
  if (item && typeof item === 'object')
    for (const op of Object.values(item as Record<string, any>))
      if (op && typeof op === 'object' && typeof op.operationId === 'string') op.operationId += `_scale${k}`;
  return item;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs every size `runs` times, interleaved (1x, 2x, 4x, 1x, ...), and prints medians and ratios. */
export async function benchScale(
  root: string,
  work: string,
  runs: number,
  once: (out: string, cacheDir: string, spec: string) => ScaleSample,
): Promise<void> {
  const specs = await Promise.all(SCALES.map((f) => syntheticSpec(root, f)));
  const samples = new Map<number, ScaleSample[]>(SCALES.map((f) => [f, []]));
  for (let i = 0; i < runs; i++)
    SCALES.forEach((factor, s) => {
      const dir = join(work, `scale-${factor}x-${i}`);
      samples.get(factor)!.push(once(join(dir, 'out'), join(dir, 'cache'), specs[s]));
    });
  const figures = SCALES.map((factor) => {
    const all = samples.get(factor)!;
    return {
      factor,
      load: median(all.map((s) => s.stages.load)),
      total: median(all.map((s) => s.total)),
      wall: median(all.map((s) => s.wall)),
      rss: median(all.map((s) => s.peakRssMb)),
    };
  });
  const base = figures[0];
  console.log(`\n== scale: synthetic specs, every path repeated under new prefixes, cold, median of ${runs}`);
  console.log('  size   load      total     command   peak memory   time vs 1x   memory vs 1x');
  for (const f of figures) {
    const cells = [
      `${f.factor}x`.padEnd(6),
      `${(f.load / 1000).toFixed(2)} s`.padEnd(9),
      `${(f.total / 1000).toFixed(2)} s`.padEnd(9),
      `${(f.wall / 1000).toFixed(2)} s`.padEnd(9),
      `${f.rss.toFixed(0)} MB`.padEnd(13),
      `${(f.total / base.total).toFixed(2)}x`.padEnd(12),
      `${(f.rss / base.rss).toFixed(2)}x`,
    ];
    console.log(`  ${cells.join(' ')}`);
  }
  console.log('  targets: time at 4x at most 3x, peak memory at 4x at most 2x (issue 13)');
}
