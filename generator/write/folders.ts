/**
 * The output folder as the write stage finds and leaves it: its files, which of them a run owns, the
 * checks before any work, the recovery of runs that died midway (a staging folder whose process is
 * gone is rolled back from its journal; `<out>.old` left between the two renames of a whole swap is
 * put back), and the whole swap itself.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  copyFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { InputError } from '../errors.ts';
import { displayPath } from '../util/paths.ts';
import { sha256 } from '../util/hash.ts';
import { isAlive } from '../util/pid.ts';
import { rollBack } from './in-place.ts';

/** Lists files under `dir` as relative paths with forward slashes. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Selects the files under the part roots a run owns (`typescript/` a folder, `manifest.json` a file). */
export const ownedBy =
  (owned: string[]) =>
  (file: string): boolean =>
    owned.some((root) => (root.endsWith('/') ? file.startsWith(root) : file === root));

/**
 * True when the files of `outDir` that `isOwned` selects are exactly `record`'s, byte for byte by
 * sha256 (the record of the run that wrote them): the no-change path, which reads each file once.
 */
export function matchesRecord(
  outDir: string,
  record: readonly [path: string, sha256: string][],
  isOwned: (file: string) => boolean,
): boolean {
  if (!existsSync(outDir)) return false;
  const existing = listFiles(outDir).filter(isOwned);
  if (existing.length !== record.length) return false;
  return record.every(
    ([file, hash], i) => existing[i] === file && sha256(readFileSync(join(outDir, file))) === hash,
  );
}

/** Puts back an output folder left aside by a run that stopped between its two renames. */
export function recoverInterruptedSwap(outDir: string): void {
  const old = `${outDir}.old`;
  if (existsSync(old) && !existsSync(outDir)) renameSync(old, outDir);
  if (existsSync(old)) rmSync(old, { recursive: true, force: true });
}

/**
 * The output path must be a folder, or not exist below one (a file there failed as ENOTDIR, exit 3).
 * With `writable`, a folder must also be creatable where the output goes: the nearest existing
 * ancestor is probed with a throwaway folder, so a read-only or virtual file system is a located
 * exit 2 before any work (Node 20's recursive mkdir loops forever under /proc instead of failing).
 */
export function checkOutDir(outDir: string, writable = false): void {
  for (let at = outDir; ; at = dirname(at)) {
    if (existsSync(at)) {
      if (!statSync(at).isDirectory())
        throw new InputError(
          at === outDir ? 'the output path is a file' : `the output path is below a file, ${displayPath(at)}`,
          displayPath(outDir),
          'pass a folder (new or existing) with --out',
        );
      if (writable) probeWritable(at === outDir ? dirname(at) : at, outDir);
      return;
    }
    if (dirname(at) === at) return;
  }
}

/** Creates and removes a folder in `folder` (where the staging folder or the output's parents go). */
function probeWritable(folder: string, outDir: string): void {
  try {
    rmdirSync(mkdtempSync(join(folder, '.codegen-probe-')));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new InputError(
      `the output cannot be written there: creating a folder in ${displayPath(folder)} failed with ${code}`,
      displayPath(outDir),
      'pass a folder on a writable file system with --out',
    );
  }
}

/** Removes `<out>.staging-<pid>` folders whose run is no longer alive (killed before its swap). */
export function removeDeadStaging(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const prefix = `${basename(outDir)}.staging-`;
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    // Killed while replacing files in place: its journal says which to put back.
    rollBack(outDir, join(parent, entry));
  }
}

/**
 * The whole tree assembled in `staging/tree` (files outside the owned parts carried over, unchanged
 * files hard-linked so their mtime stays, the others moved from `staging/new` where the run staged
 * them, unless it staged them in the tree already: `inTree`), then swapped in with two renames.
 */
export function swapWhole(
  outDir: string,
  staging: string,
  previous: string[],
  files: string[],
  unchanged: (file: string) => boolean,
  isOwned: (file: string) => boolean,
  inTree: boolean,
  beforeSwap?: () => void,
): void {
  const tree = join(staging, 'tree');
  const place = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    link(from, to);
  };
  try {
    for (const file of previous) if (!isOwned(file)) place(join(outDir, file), join(tree, file));
    for (const file of files) {
      if (unchanged(file)) place(join(outDir, file), join(tree, file));
      else if (!inTree) {
        mkdirSync(dirname(join(tree, file)), { recursive: true });
        renameSync(join(staging, 'new', file), join(tree, file));
      }
    }
    mkdirSync(tree, { recursive: true });
    beforeSwap?.();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir)) renameSync(outDir, `${outDir}.old`);
  renameSync(tree, outDir);
  rmSync(`${outDir}.old`, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}

/** Hard-link when possible (same file system), else copy. */
function link(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
