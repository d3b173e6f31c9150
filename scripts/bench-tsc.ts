/**
 * The type-check part of `npm run bench`: how long `tsc` (this repo's pinned 5.x) takes over the
 * generated package, and, with `--against DIR`, over another project such as the official SDK's
 * `src/` (scripts/prepare-official-sdk.ts sets one up). The projects are checked in turns, run after
 * run, so both see the same machine load: this host's speed swings up to 2x within minutes, so only
 * figures taken side by side compare.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface TypeCheckProject {
  label: string;
  /** Folder with the tsconfig.json to check. */
  dir: string;
  /** Another tsconfig file in that folder to check instead. */
  config?: string;
}

interface TypeCheckSample {
  total: number;
  check: number;
  files: number;
  lines: number;
}

export function benchTypeCheck(root: string, projects: TypeCheckProject[], runs: number): void {
  const samples = new Map<string, TypeCheckSample[]>(projects.map((p) => [p.label, []]));
  for (let i = 0; i < runs; i++) for (const p of projects) samples.get(p.label)!.push(typeCheckOnce(root, p));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\ntype-check with tsc (median of ${runs} runs, projects in turns)`);
  const totals = new Map<string, number>();
  for (const p of projects) {
    const s = samples.get(p.label)!;
    totals.set(p.label, median(s.map((x) => x.total)));
    console.log(
      `  ${p.label.padEnd(19)} ${median(s.map((x) => x.total)).toFixed(2)} s total, ${median(s.map((x) => x.check)).toFixed(2)} s check   (${s[0]!.files} files, ${Math.round(s[0]!.lines / 1000)}k lines of TypeScript)`,
    );
  }
  // Each project's time against the last one's, the bar when `--against` gave one.
  const bar = projects[projects.length - 1]!;
  for (const p of projects.slice(0, -1)) {
    const ratio = totals.get(p.label)! / totals.get(bar.label)!;
    console.log(`  ratio              ${ratio.toFixed(2)} (${p.label} / ${bar.label})`);
  }
}

function typeCheckOnce(root: string, project: TypeCheckProject): TypeCheckSample {
  const tsc = join(root, 'node_modules/typescript/lib/tsc.js');
  const config = project.config ? join(project.dir, project.config) : project.dir;
  const child = spawnSync(process.execPath, [tsc, '-p', config, '--noEmit', '--extendedDiagnostics'], {
    cwd: project.dir,
    encoding: 'utf8',
  });
  const out = child.stdout;
  const read = (label: string) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1]);
  // A project that does not type-check is not a fair figure: say so instead of timing it.
  if (child.status !== 0) throw new Error(`tsc reported errors in ${project.dir}:\n${out.slice(0, 2000)}`);
  return {
    total: read('Total time'),
    check: read('Check time'),
    files: read('Files'),
    lines: read('Lines of TypeScript'),
  };
}
