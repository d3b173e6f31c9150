/**
 * One measured run of the pipeline, in its own process (so "cold" really is cold): prints a JSON line
 * with stage times, the total inside the process, and peak memory. Driven by scripts/bench.ts.
 *   node --import tsx scripts/bench-run.ts --out DIR --cache-dir DIR [--only parts] [--spec FILE]
 */
import { parseArgs } from 'node:util';
import { runPipeline } from '../generator/pipeline.ts';
import type { Part } from '../generator/emit/files.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    'cache-dir': { type: 'string' },
    only: { type: 'string' },
    spec: { type: 'string' },
  },
});
const started = performance.now();
const result = await runPipeline({
  spec: values.spec,
  out: values.out,
  cacheDir: values['cache-dir'],
  only: values.only?.split(',') as Part[] | undefined,
});
const total = performance.now() - started;
const stages = Object.fromEntries(result.timings.map((t) => [t.stage, t.ms]));
const usage = process.resourceUsage();
// CPU time beside wall time: on a host shared with other work, wall time swings with the load.
const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1000;
console.log(JSON.stringify({ stages, total, cpu, peakRssMb: usage.maxRSS / 1024 }));
