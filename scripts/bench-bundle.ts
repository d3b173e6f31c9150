/**
 * The bundle part of `npm run bench`: a one-call app (`messages.send`) bundled with esbuild (minify,
 * platform node, ESM) against the generated package and against the official SDK's `src/` (the
 * reference copy in ../shared), bytes minified and gzipped with the ratio to the official; then each
 * bundle's runtime overhead per request (a stub `fetch`, so only the client's own work is timed), in
 * child processes taken in turns so all see the same machine load. Standalone, for a before/after
 * (a package without base-client.ts gets the whole-client app only):
 *   node --import tsx scripts/bench-bundle.ts --package before=DIR --package after=DIR [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
/** The official SDK the drop-in suite runs against (test/dropin/support/run.ts). */
export const OFFICIAL_SRC = resolve(ROOT, '../shared/reference/telnyx-node-2026-07-16/src');

/** A one-call app: its client options (a stub transport), then how it gets `messages`, then the call. */
const app = (imports: string, messages: string) => `${imports}
const fetch = async () =>
  new Response('{"data":{"id":"1"}}', { status: 200, headers: { 'content-type': 'application/json' } });
const options = { apiKey: 'KEY', fetch, maxRetries: 0 };
const messages = ${messages};
export const send = () => messages.send({ from: '+15550001111', to: '+15550002222', text: 'hi' });
`;
export const WHOLE_CLIENT_APP = app(`import Telnyx from 'telnyx';`, 'new Telnyx(options).messages');
export const ONE_RESOURCE_APP = app(
  `import { BaseTelnyx } from 'telnyx/base-client';\nimport { Messages } from 'telnyx/resources/messages';`,
  'new Messages(new BaseTelnyx(options))',
);

export interface App {
  label: string;
  code: string;
  /** The `src/` folder `telnyx` resolves to. */
  src: string;
}

export interface Bundle {
  app: App;
  file: string;
  bytes: number;
  gzip: number;
}

/** `telnyx` -> `<src>/index.ts`, `telnyx/a/b` -> `<src>/a/b.ts`, as the package's exports map the built files. */
function telnyxAt(src: string): Plugin {
  return {
    name: 'telnyx-src',
    setup(b) {
      b.onResolve({ filter: /^telnyx(\/|$)/ }, (args) => ({
        path: join(src, `${args.path === 'telnyx' ? 'index' : args.path.slice('telnyx/'.length)}.ts`),
      }));
    },
  };
}

export async function bundleApp(app: App, outFile: string): Promise<Bundle> {
  await build({
    stdin: { contents: app.code, resolveDir: ROOT, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    outfile: outFile,
    plugins: [telnyxAt(app.src)],
    // The official sources import `standardwebhooks`; this repo has it as a dev dependency.
    nodePaths: [join(ROOT, 'node_modules')],
    // and `ws`, an optional peer dependency of it (its websocket resources): left out, as an app would.
    external: ['ws'],
    logLevel: 'error',
  });
  const text = readFileSync(outFile);
  return { app, file: outFile, bytes: text.length, gzip: gzipSync(text).length };
}

interface Overhead {
  wall: number;
  cpu: number;
}

/**
 * Microseconds per `send()` of a bundle, after a warm-up, in a fresh process: wall time, and CPU
 * time (all the process's threads, GC and compiler included). With a stub transport all the work is
 * the process's own; CPU time moves less when other processes load the machine (wall time here
 * swings 2x under load).
 */
function overheadOnce(file: string, requests: number): Overhead {
  const script = `
const { send } = await import(${JSON.stringify(pathToFileURL(file).href)});
for (let i = 0; i < 500; i++) await send();
const cpu = process.cpuUsage();
const wall = performance.now();
for (let i = 0; i < ${requests}; i++) await send();
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ wall: ((performance.now() - wall) * 1000) / ${requests}, cpu: (used.user + used.system) / ${requests} }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`running ${file} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Overhead;
}

const LABEL_WIDTH = 42;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

/** `packages`: a label and the generated package's `src/` folder for each package to measure. */
export async function benchBundles(packages: [string, string][], runs: number): Promise<void> {
  const apps: App[] = packages.flatMap(([name, src]) => [
    ...(existsSync(join(src, 'base-client.ts'))
      ? [{ label: `${name}, base client + resources/messages`, code: ONE_RESOURCE_APP, src }]
      : []),
    { label: `${name}, whole client`, code: WHOLE_CLIENT_APP, src },
  ]);
  if (existsSync(OFFICIAL_SRC))
    apps.push({ label: 'official, whole client', code: WHOLE_CLIENT_APP, src: OFFICIAL_SRC });
  const work = mkdtempSync(join(tmpdir(), 'codegen-bundle-'));
  try {
    const bundles: Bundle[] = [];
    for (const [i, app] of apps.entries()) bundles.push(await bundleApp(app, join(work, `app-${i}.mjs`)));
    const bar = bundles.find((b) => b.app.src === OFFICIAL_SRC);
    console.log('\none-call app (messages.send) bundled by esbuild: minify, platform node, ESM');
    for (const b of bundles) {
      const ratio = bar
        ? `   ${(b.bytes / bar.bytes).toFixed(2)}x / ${(b.gzip / bar.gzip).toFixed(2)}x official`
        : '';
      console.log(
        `  ${b.app.label.padEnd(LABEL_WIDTH)} ${kb(b.bytes).padStart(9)} min, ${kb(b.gzip).padStart(8)} gzip${ratio}`,
      );
    }
    const samples = new Map<Bundle, Overhead[]>(bundles.map((b) => [b, []]));
    for (let i = 0; i < runs; i++) for (const b of bundles) samples.get(b)!.push(overheadOnce(b.file, 5000));
    console.log(`\nruntime overhead per request, stub fetch (median of ${runs} processes, bundles in turns)`);
    for (const b of bundles) {
      const figure = (kind: keyof Overhead) => {
        const us = median(samples.get(b)!.map((o) => o[kind]));
        const ratio = bar ? ` (${(us / median(samples.get(bar)!.map((o) => o[kind]))).toFixed(2)}x)` : '';
        return `${us.toFixed(1).padStart(6)} us ${kind}${ratio}`;
      };
      console.log(
        `  ${b.app.label.padEnd(LABEL_WIDTH)} ${figure('wall')}, ${figure('cpu')}${bar ? ' vs official' : ''}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { package: { type: 'string', multiple: true }, runs: { type: 'string' } },
  });
  const packages = (values.package ?? ['ours=output/typescript']).map((arg): [string, string] => {
    const [name, dir] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : ['ours', arg];
    return [name, join(resolve(dir), 'src')];
  });
  await benchBundles(packages, Number(values.runs ?? 5));
}
