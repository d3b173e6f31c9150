/**
 * Sets up the official Telnyx TypeScript SDK's `src/` as a project to type-check, the bar of
 * `npm run bench -- --against DIR`:
 *   node --import tsx scripts/prepare-official-sdk.ts [--version 7.12.0]
 * 7.12.0 is the release of 118k lines in src/ that docs/RUNTIME.md compares with. The package is
 * fetched with `npm pack` from the configured registry into .cache/official-sdk/<version>/ (never
 * into the repository), with the packages its sources import, and a strict tsconfig of the kind its
 * generator writes (lib es2020, node resolution, @types/node); the package does not ship its own.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
const { values } = parseArgs({ options: { version: { type: 'string' } } });
const version = values.version ?? '7.12.0';
const dir = join(ROOT, '.cache/official-sdk', version);
const download = join(dir, 'download');

if (!existsSync(join(dir, 'src'))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(download, { recursive: true });
  execFileSync('npm', ['pack', `telnyx@${version}`, '--pack-destination', download], { stdio: 'ignore' });
  const tarball = readdirSync(download).find((f) => f.endsWith('.tgz'))!;
  execFileSync('tar', ['xzf', tarball], { cwd: download });
  cpSync(join(download, 'package/src'), join(dir, 'src'), { recursive: true });
  rmSync(download, { recursive: true, force: true });
}
writeFileSync(
  join(dir, 'package.json'),
  `${JSON.stringify(
    {
      private: true,
      devDependencies: {
        '@types/node': '20.19.43',
        '@types/ws': '8.18.2',
        standardwebhooks: '1.1.1',
        ws: '8.23.0',
      },
    },
    null,
    2,
  )}\n`,
);
writeFileSync(
  join(dir, 'tsconfig.json'),
  `${JSON.stringify(
    {
      include: ['src'],
      compilerOptions: {
        target: 'es2020',
        lib: ['es2020'],
        module: 'commonjs',
        moduleResolution: 'node',
        esModuleInterop: true,
        baseUrl: './',
        paths: { 'telnyx/*': ['src/*'], telnyx: ['src/index.ts'] },
        noEmit: true,
        resolveJsonModule: true,
        forceConsistentCasingInFileNames: true,
        strict: true,
        noImplicitReturns: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        noPropertyAccessFromIndexSignature: true,
        skipLibCheck: true,
      },
    },
    null,
    2,
  )}\n`,
);
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'inherit' });
console.log(`ready: npm run bench -- --only manifest,typescript --against ${dir}`);
