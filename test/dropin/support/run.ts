/**
 * Runs the official SDK's endpoint tests in a child vitest (vitest.official.config.ts) against one
 * SDK's `src/`, with the JSON reporter, and child processes in general without blocking the test's
 * worker, so the test runs and the type-checks overlap.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../../support/cli.ts';

export const OFFICIAL = resolve(ROOT, '../shared/reference/telnyx-node-2026-07-16');
export const OFFICIAL_TESTS = join(OFFICIAL, 'tests/api-resources');

/** The vitest JSON report of the official endpoint tests run against `src` (telnyx -> src/index.ts). */
export async function runOfficialTests(
  src: string,
  mockURL: string,
  reportFile: string,
): Promise<{ report: any; seconds: number }> {
  rmSync(reportFile, { force: true });
  const started = Date.now();
  const run = await runProcess(
    join(ROOT, 'node_modules/.bin/vitest'),
    [
      'run',
      '--config',
      join(ROOT, 'test/dropin/support/vitest.official.config.ts'),
      '--reporter=json',
      `--outputFile=${reportFile}`,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DROPIN_TELNYX_SRC: src,
        TEST_API_BASE_URL: mockURL,
        DROPIN_CACHE: join(ROOT, '.cache/vite-dropin'),
      },
      timeoutMs: 600_000,
    },
  );
  const seconds = (Date.now() - started) / 1000;
  if (!existsSync(reportFile))
    throw new Error(
      `the official tests did not run against ${src} (exit ${run.status}):\n${run.stderr.slice(-3000)}`,
    );
  return { report: JSON.parse(readFileSync(reportFile, 'utf8')), seconds };
}

/** A child process run to its end without blocking this one (so several can overlap). */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr });
    });
  });
}
