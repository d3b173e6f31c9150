/**
 * The type-level half of the drop-in measure: `tsc --noEmit` over the official SDK's endpoint tests
 * (`tests/api-resources/**`, read in place) with `telnyx` mapped through `paths` to a given `src/`,
 * under the official repository's own compiler options (its tsconfig.json: strict plus
 * exactOptionalPropertyTypes, noUncheckedIndexedAccess, ...; jest's globals typed by vitest's).
 * Errors are split by where they are reported: in the test files (what a user's code would hit) or in
 * the mapped sources (the official src/ reports the modules it imports that are not installed here).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../../support/cli.ts';
import { wsTypes } from '../../skills/support/checkers.ts';
import { OFFICIAL, OFFICIAL_TESTS, runProcess } from './run.ts';

export interface TypeDiagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

export interface TypeCheck {
  /** Errors reported in the official test files, by path under tests/api-resources. */
  inTests: TypeDiagnostic[];
  /** Errors reported anywhere else (the mapped src/), by path under the project that holds it. */
  elsewhere: TypeDiagnostic[];
  seconds: number;
}

/** `dir` receives the tsconfig (it must lie inside this repository, so node_modules resolves). */
export async function typeCheckOfficialTests(src: string, dir: string): Promise<TypeCheck> {
  mkdirSync(dir, { recursive: true });
  const official = JSON.parse(readFileSync(join(OFFICIAL, 'tsconfig.json'), 'utf8')).compilerOptions;
  const standardwebhooks = dirname(
    join(
      ROOT,
      'node_modules/standardwebhooks',
      JSON.parse(readFileSync(join(ROOT, 'node_modules/standardwebhooks/package.json'), 'utf8')).types ??
        'dist/index.d.ts',
    ),
  );
  const tsconfig = {
    compilerOptions: {
      ...official,
      noEmit: true,
      incremental: false,
      paths: {
        telnyx: [join(src, 'index.ts')],
        'telnyx/*': [join(src, '*')],
        // The tests live outside any node_modules tree: their one third-party import resolves from ours.
        standardwebhooks: [standardwebhooks],
        // The official src's optional peer, for its WebSocket resources: its own types (dev dependency).
        ...wsTypes(ROOT),
      },
      types: ['node'],
    },
    // jest's describe/test/expect, as vitest types them (the runs use vitest's globals too).
    files: [join(ROOT, 'node_modules/vitest/globals.d.ts')],
    include: [join(OFFICIAL_TESTS, '**/*.ts')],
  };
  const config = join(dir, 'tsconfig.json');
  writeFileSync(config, `${JSON.stringify(tsconfig, null, 2)}\n`);
  const started = Date.now();
  const run = await runProcess(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config, '--pretty', 'false'],
    {
      cwd: dir,
      timeoutMs: 600_000,
    },
  );
  const seconds = (Date.now() - started) / 1000;
  const errors: TypeDiagnostic[] = [];
  for (const line of run.stdout.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (m) errors.push({ file: resolve(dir, m[1]!), line: Number(m[2]), code: m[3]!, message: m[4]! });
    else if (/^\S.*error TS\d+/.test(line)) errors.push({ file: '', line: 0, code: 'TS', message: line });
  }
  if (run.status !== 0 && errors.length === 0)
    throw new Error(`tsc failed without a diagnostic:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
  const inTests = errors
    .filter((e) => e.file.startsWith(`${OFFICIAL_TESTS}/`))
    .map((e) => ({ ...e, file: relative(OFFICIAL_TESTS, e.file) }));
  const elsewhere = errors
    .filter((e) => !e.file.startsWith(`${OFFICIAL_TESTS}/`))
    .map((e) => ({ ...e, file: e.file && relative(resolve(src, '..'), e.file) }));
  return { inTests, elsewhere, seconds };
}
