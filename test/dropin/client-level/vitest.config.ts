/**
 * Runs the official SDK's client-level tests (copied unchanged into CLIENT_LEVEL_ROOT/tests) against
 * the generated package's sources. `telnyx` and `telnyx/<subpath>` resolve through the package's own
 * `exports` map (dist/esm/X.js -> src/X.ts, so no build is needed), as a user's import would;
 * `../src/<X>` in the official tests means the official package's `telnyx/<X>`. The official modules
 * this package does not offer, listed in NOT_OFFERED with their equivalents where we have one, resolve
 * to a module that exports nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

const root = process.env.CLIENT_LEVEL_ROOT!;
const pkg = process.env.CLIENT_LEVEL_PKG!;
const here = import.meta.dirname;

/** Official subpaths the tests import that have no entry in this package, mapped to our own module. */
export const EQUIVALENTS: Record<string, string> = {
  // The official stringifyQuery's home; ours is the runtime's query module, under the same name.
  'internal/utils/query': 'src/core/query.ts',
};

/** Official modules the tests import that this package does not offer at all (see client-level.test.ts). */
export const NOT_OFFERED = [
  'internal/uploads',
  'internal/headers',
  'internal/utils/path',
  'internal/utils/base64',
  'internal/qs',
  'internal/qs/utils',
  'internal/qs/types',
  'resources/webhooks',
];

/** The file `telnyx/<subpath>` resolves to through package.json `exports` (import condition). */
function throughExports(subpath: string): string | undefined {
  const exports = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).exports as Record<
    string,
    { import?: { default?: string } }
  >;
  const key = subpath === '' ? '.' : `./${subpath}`;
  let target = exports[key]?.import?.default;
  if (!target && exports['./*']?.import?.default)
    target = exports['./*'].import.default.replace('*', subpath);
  if (!target) return undefined;
  const source = join(pkg, target.replace(/^\.\/dist\/esm\//, 'src/').replace(/\.js$/, '.ts'));
  return existsSync(source) ? source : undefined;
}

const packageResolver: Plugin = {
  name: 'telnyx-generated-package',
  enforce: 'pre',
  resolveId(source) {
    let subpath: string | undefined;
    if (source === 'telnyx') subpath = '';
    else if (source.startsWith('telnyx/')) subpath = source.slice('telnyx/'.length);
    else if (source.startsWith('../src/')) subpath = source.slice('../src/'.length);
    else if (source === 'iconv-lite') return join(here, 'not-offered.ts');
    if (subpath === undefined) return null;
    if (EQUIVALENTS[subpath]) return join(pkg, EQUIVALENTS[subpath]!);
    if (NOT_OFFERED.includes(subpath)) return join(here, 'not-offered.ts');
    return throughExports(subpath) ?? null;
  },
};

export default defineConfig({
  root,
  plugins: [packageResolver],
  test: {
    include: ['tests/**/*.test.ts'],
    globals: true,
    setupFiles: [join(here, 'jest-compat.ts')],
    testTimeout: 20_000,
  },
});
