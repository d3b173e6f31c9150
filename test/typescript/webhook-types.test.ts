/**
 * The webhook event types under the official names (issue 9): every type the official release's
 * api.md lists for `src/resources/webhooks.ts` (`CallInitiatedWebhookEvent`, `FaxDelivered`,
 * `UnwrapWebhookEvent`, the `data` types such as `CallInitiated`) is exported by the generated
 * `resources/webhooks.ts` too, and the two types of each name are assignable both ways (one tsc run
 * over a file importing both modules). A pair of different events must fail the same check.
 */
import { beforeAll, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, tempFiles } from '../support/cli.ts';
import { wsTypes } from '../skills/support/checkers.ts';

const out = inject('generatedDir');
const OFFICIAL = resolve(ROOT, '../shared/reference/telnyx-node-2026-07-16');
const MODULE = /<code><a href="\.\/src\/resources\/webhooks\.ts">([A-Za-z_$][\w$]*)<\/a><\/code>/g;

/** The type names an api.md lists for the webhooks module. */
const listed = (apiMd: string) =>
  new Set([...readFileSync(apiMd, 'utf8').matchAll(MODULE)].map((m) => m[1]!));

let official: string[];
let ours: Set<string>;
let errors: string[];
/** The line of the check file that must fail. */
let canaryLine: number;

beforeAll(() => {
  official = [...listed(join(OFFICIAL, 'api.md'))].sort();
  ours = listed(join(out, 'typescript/api.md'));
  const lines = [
    `import type * as Official from ${JSON.stringify(join(OFFICIAL, 'src/resources/webhooks.ts'))};`,
    `import type * as Ours from ${JSON.stringify(join(out, 'typescript/src/resources/webhooks.ts'))};`,
    'declare function value<T>(): T;',
    ...official
      .filter((name) => ours.has(name))
      .flatMap((name) => [
        `export const ${name}ToOfficial: Official.${name} = value<Ours.${name}>();`,
        `export const ${name}FromOfficial: Ours.${name} = value<Official.${name}>();`,
      ]),
    // The canary: two different events are not the same type.
    'export const canary: Official.CallInitiatedWebhookEvent = value<Ours.CallHangupWebhookEvent>();',
  ];
  canaryLine = lines.length;
  const dir = tempFiles({
    'check.ts': `${lines.join('\n')}\n`,
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        allowImportingTsExtensions: true,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
        // The official src's third-party imports, resolved from this repository's dev dependencies.
        paths: {
          standardwebhooks: [join(ROOT, 'node_modules/standardwebhooks/dist/index.d.ts')],
          ...wsTypes(ROOT),
        },
      },
      files: ['check.ts'],
    }),
  });
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  errors = run.stdout.split('\n').filter((l) => /error TS/.test(l));
}, 240_000);

it('exports every webhook type the official release lists, under its name', () => {
  expect(official.length).toBeGreaterThan(100);
  expect(official.filter((name) => !ours.has(name))).toEqual([]);
});

it('gives each official webhook type name a type assignable both ways to the official one', () => {
  const isCanary = (line: string) => line.startsWith(`check.ts(${canaryLine},`);
  expect(errors.some(isCanary), 'the canary (two different events) must fail').toBe(true);
  expect(errors.filter((l) => !isCanary(l))).toEqual([]);
});
