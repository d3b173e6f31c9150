/**
 * One measured run of the pipeline, in its own process (so "cold" really is cold): prints a JSON line
 * with stage times, the total inside the process, and peak memory. Driven by scripts/bench.ts.
 *   node --import tsx scripts/bench-run.ts --out DIR --cache-dir DIR [--only parts]
 */
import { parseArgs } from 'node:util';
import { runPipeline } from '../generator/pipeline.ts';
import type { Part } from '../generator/emit/files.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, 'cache-dir': { type: 'string' }, only: { type: 'string' } },
});
const started = performance.now();
const result = await runPipeline({
  out: values.out,
  cacheDir: values['cache-dir'],
  only: values.only?.split(',') as Part[] | undefined,
});
const total = performance.now() - started;
const stages = Object.fromEntries(result.timings.map((t) => [t.stage, t.ms]));
console.log(JSON.stringify({ stages, total, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
