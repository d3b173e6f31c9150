/**
 * The official suite is written for jest; these are the jest globals it uses, from vitest: `jest.fn`,
 * `jest.spyOn` and `jest.resetModules` are vitest's `vi`, and `require` (used to reach node:buffer)
 * is Node's own. Nothing here changes what a test asserts.
 */
import { createRequire } from 'node:module';
import { vi } from 'vitest';

const host = globalThis as Record<string, unknown>;
host.jest = vi;
host.require = createRequire(import.meta.url);
