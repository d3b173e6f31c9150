/**
 * Where the project is, and how a path is shown to a user. Config paths are relative to the project
 * root (not the working directory), while messages name files relative to the working directory and
 * never absolute, so they read the same on every machine.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root: this file is generator/util/paths.ts. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The generator's own source folder, whose code is part of every model cache key. */
export const GENERATOR_DIR = resolve(PROJECT_ROOT, 'generator');

/** Path relative to the working directory, for messages (never absolute in generated files). */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' ? '.' : rel;
}
