/**
 * Runs the real CLI in a child process (so exit codes and printed errors are what a user sees), and
 * writes throwaway fixture files into a temp folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const FIXTURE_CONFIG = join(FIXTURES, 'config.yml');

export function runCli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'generator/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temp folder with the given files (relative path -> text). */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** True when the text looks like a JavaScript stack trace. */
export const hasStackTrace = (text: string) => /^\s+at .+[(:]\d+/m.test(text);

/** Runs the CLI on `spec` (written into a fresh folder) with the fixture config, out to `<dir>/out`. */
export function generateSpec(spec: string, extraArgs: string[] = []) {
  const dir = tempFiles({ 'spec.yml': spec });
  const run = runCli([
    '--spec',
    join(dir, 'spec.yml'),
    '--config',
    FIXTURE_CONFIG,
    '--out',
    join(dir, 'out'),
    ...extraArgs,
  ]);
  return { dir, run };
}
