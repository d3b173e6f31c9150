/**
 * The generation peer of `npm run bench` (issue 13 item 5): hey-api (`@hey-api/openapi-ts`) generating
 * a TypeScript SDK (types + sdk + its fetch client, nothing else) from the same pinned Telnyx spec,
 * timed beside our cold full run (SDK + skills + manifest) and our TypeScript-only cold run. Every run
 * is a fresh process, started from the bench, the three taken in turns (ours full, ours TypeScript,
 * hey-api, then again) so all see the same machine load; medians, and ours / hey-api as ratios (the
 * issue's target: full run at most 0.5x). hey-api is a benchmark peer, not a dependency: it is
 * installed on first use into `.cache/peers/hey-api/` (never in package.json), at the exact version
 * pinned below, and writes to a temporary folder outside the repo.
 * `npm run bench -- --only-peers [--runs N]` runs only this.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The newest release whose engines field accepts Node 20 (0.96 and later need Node 22). Its
 * `typescript` peer dependency is pinned too: left to npm it resolves to TypeScript 7, the native
 * port, which has no JavaScript API and hey-api fails on import; 5.9.3 is the version this repo uses.
 */
export const HEY_API_VERSION = '0.95.0';
export const HEY_API_TYPESCRIPT = '5.9.3';
export const HEY_API_PLUGINS = ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'];

export interface PeerSample {
  /** Spawn to exit, ms: Node start and module loading included, for ours and for the peer alike. */
  wall: number;
  /** User + system CPU time of the whole process, ms. */
  cpu: number;
}

/** The installed version of a package under `prefix`, or undefined when it is not there. */
export function installedVersion(prefix: string, name: string): string | undefined {
  const file = join(prefix, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

/** The packages to install under `prefix` for the pinned hey-api; empty when they already are. */
export function missingPeerPackages(prefix: string): string[] {
  const wanted: [string, string][] = [
    ['@hey-api/openapi-ts', HEY_API_VERSION],
    ['typescript', HEY_API_TYPESCRIPT],
  ];
  return wanted.some(([name, version]) => installedVersion(prefix, name) !== version)
    ? wanted.map(([name, version]) => `${name}@${version}`)
    : [];
}

/** Installs the pinned hey-api under `.cache/peers/hey-api/` unless it is there; its folder. */
export function ensureHeyApi(root: string): string {
  const prefix = join(root, '.cache/peers/hey-api');
  const missing = missingPeerPackages(prefix);
  if (missing.length === 0) return prefix;
  console.log(`\ninstalling the generation peer into .cache/peers/hey-api: ${missing.join(' ')}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawnSync(
    npm,
    ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', ...missing],
    { cwd: root, encoding: 'utf8' },
  );
  if (child.status !== 0 || missingPeerPackages(prefix).length > 0)
    throw new PeerUnavailable(
      `npm install ${missing.join(' ')} into .cache/peers/hey-api failed: ${npmReason(child.stderr || String(child.error))}`,
      `with the registry reachable, rerun the bench, or run: npm install --prefix .cache/peers/hey-api --no-save ${missing.join(' ')}`,
    );
  return prefix;
}

/** npm's first two error lines (its code and message), without the `npm error` prefixes. */
function npmReason(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.replace(/^npm (error|ERR!)\s*/, '').trim());
  return lines.filter(Boolean).slice(0, 2).join('; ');
}

/** The peer could not be set up (offline, say): the bench says so instead of printing a stack trace. */
export class PeerUnavailable extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/**
 * One cold hey-api run in a fresh process, through its programmatic API (`createClient`, what its
 * CLI calls, minus the CLI's own extra Node process), logging off so no log file is written.
 */
export function heyApiOnce(prefix: string, spec: string, out: string): PeerSample {
  const entry = pathToFileURL(join(prefix, 'node_modules/@hey-api/openapi-ts/dist/index.mjs')).href;
  const config = {
    input: spec,
    output: out,
    plugins: HEY_API_PLUGINS,
    logs: { file: false, level: 'silent' },
  };
  const script = `
const { createClient } = await import(${JSON.stringify(entry)});
await createClient(${JSON.stringify(config)});
const u = process.resourceUsage();
console.log(JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000 }));`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    // outside the repo: nothing hey-api might write beside its output (an error log) lands in it
    cwd: tmpdir(),
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(`hey-api run failed:\n${child.stderr.slice(0, 2000)}`);
  // hey-api exits 0 on some input errors: a run that wrote no SDK is not a figure.
  if (!existsSync(join(out, 'sdk.gen.ts')))
    throw new Error(`hey-api wrote no sdk.gen.ts into ${out}:\n${child.stdout.slice(0, 2000)}`);
  const line = child.stdout.trim().split('\n').pop()!;
  return { wall, cpu: (JSON.parse(line) as { cpu: number }).cpu };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * `ours(out, cacheDir, only)` runs our pipeline cold in a fresh process (scripts/bench.ts's `once`).
 * Each run gets folders of its own under `work`, so nothing is warm.
 */
export function benchPeers(
  root: string,
  work: string,
  spec: string,
  runs: number,
  ours: (out: string, cacheDir: string, only: string | undefined) => PeerSample,
): void {
  const prefix = ensureHeyApi(root);
  const rows = [
    {
      label: 'ours, full (SDK + skills + manifest)',
      run: (d: string) => ours(join(d, 'out'), join(d, 'cache'), undefined),
    },
    {
      label: 'ours, TypeScript only',
      run: (d: string) => ours(join(d, 'out'), join(d, 'cache'), 'typescript'),
    },
    {
      label: `hey-api ${HEY_API_VERSION}, SDK only`,
      run: (d: string) => heyApiOnce(prefix, spec, join(d, 'out')),
    },
  ].map((row) => ({ ...row, samples: [] as PeerSample[] }));
  for (let i = 0; i < runs; i++)
    rows.forEach((row, r) => {
      const dir = join(work, `peer-${r}-${i}`);
      row.samples.push(row.run(dir));
      rmSync(dir, { recursive: true, force: true }); // the next run's disk stays as empty as the first's
    });
  const figure = (row: (typeof rows)[number], kind: keyof PeerSample) =>
    median(row.samples.map((s) => s[kind]));
  const bar = rows[rows.length - 1]!;
  console.log(
    `\n== generation beside hey-api (${HEY_API_PLUGINS.join(', ')}): pinned Telnyx spec, cold, fresh ` +
      `processes in turns, median of ${runs}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
  for (const row of rows) {
    const ratio = (kind: keyof PeerSample) =>
      row === bar ? '' : `  ${(figure(row, kind) / figure(bar, kind)).toFixed(2)}x`;
    console.log(
      `  ${row.label.padEnd(38)} ${(figure(row, 'wall') / 1000).toFixed(2).padStart(6)} s command${ratio('wall').padEnd(7)}` +
        `   ${(figure(row, 'cpu') / 1000).toFixed(2).padStart(6)} s cpu${ratio('cpu')}`,
    );
  }
  console.log(
    "  ratios: ours / hey-api; target (issue 13): full run at most 0.5x hey-api's SDK-only command time",
  );
}
