/**
 * Prism (`@stoplight/prism-cli`), the validating mock server of the spec, on a free loopback port.
 * The Telnyx spec's Prism is started once per `npm test` by `global-setup.ts` (beside the generation)
 * and shared by every suite that calls it: `mockURL()` returns its URL. `startPrism` starts another
 * one, for a suite that needs a different spec.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ROOT } from './cli.ts';

export interface Mock {
  url: string;
  /** Stops Prism and resolves once it has exited. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns Prism and returns as soon as the process runs (so the caller can do other work while it
 * loads the spec); `ready` settles once it answers HTTP, or rejects with the tail of its log.
 */
export async function spawnPrism(
  spec: string,
  timeoutMs = 180_000,
): Promise<Mock & { ready: Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules/.bin/prism'),
    ['mock', '-h', '127.0.0.1', '-p', String(port), spec],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log = (log + d).slice(-4000)));
  child.stderr!.on('data', (d) => (log = (log + d).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${log}`);
      try {
        await fetch(url, { signal: AbortSignal.timeout(1000) });
        return; // any HTTP answer means it is listening
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`prism did not start within ${timeoutMs / 1000} s:\n${log}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  })();
  return { url, stop, ready };
}

/** Prism on the given spec, once it answers. */
export async function startPrism(spec: string, timeoutMs = 180_000): Promise<Mock> {
  const mock = await spawnPrism(spec, timeoutMs);
  await mock.ready;
  return mock;
}

/** The URL of the Prism of the Telnyx spec that the global setup started for the whole run. */
export function mockURL(): string {
  const url = inject('prismURL');
  if (!url) throw new Error(`the shared Prism did not start: ${inject('prismError')}`);
  return url;
}
