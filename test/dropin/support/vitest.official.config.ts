/**
 * The vitest config of one run of the official SDK's endpoint tests (`tests/api-resources/**` of
 * ../shared/reference/telnyx-node-2026-07-16), started as a child process by official-suite.test.ts:
 * `telnyx` and `telnyx/*` resolve to DROPIN_TELNYX_SRC (our generated package's `src/`, or the
 * official `src/` itself), jest's globals come from vitest (`globals: true`) and the setup file turns
 * `test.skip` into `test`. The test files are read in place, unchanged.
 * Env: DROPIN_TELNYX_SRC (required), TEST_API_BASE_URL (the shared Prism), DROPIN_CACHE (vite's cache).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../../..');
const OFFICIAL = resolve(ROOT, '../shared/reference/telnyx-node-2026-07-16');
const src = process.env.DROPIN_TELNYX_SRC;
if (!src) throw new Error('DROPIN_TELNYX_SRC must name the telnyx src/ folder to test');
const require = createRequire(join(ROOT, 'package.json'));

/** Our installed copy of a third-party package; unresolved when missing (its import then fails). */
function ours(name: string) {
  try {
    return [{ find: new RegExp(`^${name}$`), replacement: require.resolve(name) }];
  } catch {
    return [];
  }
}

export default defineConfig({
  root: OFFICIAL,
  // Never write into ../shared: vite's and vitest's caches live under our .cache/.
  cacheDir: process.env.DROPIN_CACHE ?? join(ROOT, '.cache/vite-dropin'),
  resolve: {
    alias: [
      { find: /^telnyx$/, replacement: join(src, 'index.ts') },
      { find: /^telnyx\/(.*)$/, replacement: join(src, '$1') },
      // The test files (and the official src) live outside any node_modules tree: their one
      // third-party import resolves from ours.
      ...ours('standardwebhooks'),
    ],
  },
  test: {
    include: ['tests/api-resources/**/*.test.ts'],
    globals: true,
    setupFiles: [join(here, 'unskip.ts')],
    // One load of the client for all 327 files, as the generated package's own suite does.
    pool: 'threads',
    isolate: false,
    testTimeout: 30_000,
    watch: false,
  },
});
