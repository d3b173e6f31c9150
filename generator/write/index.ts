/**
 * Stage 5, write: files in memory -> `output/`, all or nothing. An existing output folder has only
 * its changed files replaced, under a journal (in-place.ts); a new one is assembled in a staging
 * folder next to it (parts this run does not generate carried over, unchanged files hard-linked so
 * their mtime stays) and renamed into place. A failure before the files move leaves the previous
 * output untouched, and one while they move puts them back; a run killed while moving leaves
 * `<out>.staging-<pid>` with its journal, which the next run rolls back once that process is gone,
 * and a crash between the two renames of a whole swap leaves `<out>.old`, which the next run puts back.
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
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { OutputFiles } from '../emit/files.ts';
import { InputError } from '../errors.ts';
import { displayPath } from '../util/paths.ts';
import { sha256 } from '../util/hash.ts';
import { applyInPlace, rollBack, type ChangePlan } from './in-place.ts';

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: number;
}

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes `files` so that afterwards `outDir` holds exactly them plus the old files outside `owned`
 * (the folders and files this run regenerates). An existing output has only its changed files
 * replaced (in-place.ts); a new one, or one where a path turns from a file into a folder or back,
 * is staged whole and swapped in.
 */
export function writeOutput(
  outDir: string,
  files: OutputFiles,
  owned: string[],
  beforeSwap?: () => void,
): WriteResult {
  recoverInterruptedSwap(outDir);
  removeDeadStaging(outDir);
  const isOwned = ownedBy(owned);
  const staging = `${outDir}.staging-${process.pid}`;
  const plan = existsSync(outDir) ? planChanges(outDir, files, isOwned) : undefined;
  if (!plan) return swapWhole(outDir, staging, files, isOwned, beforeSwap);
  // Nothing to do when every file is already there, byte for byte, and nothing is to be removed.
  if (plan.changed.length > 0 || plan.removed.length > 0 || beforeSwap)
    applyInPlace(outDir, staging, plan, beforeSwap);
  return {
    written: plan.changed.length,
    unchanged: files.size - plan.changed.length,
    removed: plan.removed.length,
  };
}

/**
 * Which files differ from the output (read only when the sizes agree: a file of another size has
 * changed) and which owned ones go; undefined when a new file's path, or a folder on its way, is
 * the other kind of entry in the output (left to swapWhole).
 */
function planChanges(
  outDir: string,
  files: OutputFiles,
  isOwned: (file: string) => boolean,
): ChangePlan | undefined {
  const existing = listFiles(outDir);
  const existingSet = new Set(existing);
  const plan: ChangePlan = { changed: [], removed: existing.filter((f) => isOwned(f) && !files.has(f)) };
  for (const file of [...files.keys()].sort()) {
    const text = files.get(file)!;
    for (let at = dirname(file); at !== '.'; at = dirname(at)) if (existingSet.has(at)) return undefined;
    const stat = statSync(join(outDir, file), { throwIfNoEntry: false });
    if (stat && !stat.isFile()) return undefined;
    const same =
      stat !== undefined &&
      stat.size === Buffer.byteLength(text) &&
      readFileSync(join(outDir, file), 'utf8') === text;
    if (!same) plan.changed.push({ file, text, existed: stat !== undefined });
  }
  return plan;
}

/**
 * The whole tree assembled in `staging` (files outside the owned parts carried over, unchanged
 * files hard-linked so their mtime stays), then swapped in with two renames.
 */
function swapWhole(
  outDir: string,
  staging: string,
  files: OutputFiles,
  isOwned: (file: string) => boolean,
  beforeSwap?: () => void,
): WriteResult {
  rmSync(staging, { recursive: true, force: true });
  const result: WriteResult = { written: 0, unchanged: 0, removed: 0 };
  const place = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    link(from, to);
  };
  try {
    const previous = listFiles(outDir);
    for (const file of previous) {
      if (isOwned(file)) {
        if (!files.has(file)) result.removed++;
        continue;
      }
      place(join(outDir, file), join(staging, file));
    }
    for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const target = join(staging, file);
      const old = join(outDir, file);
      if (existsSync(old) && statSync(old).isFile() && readFileSync(old, 'utf8') === text) {
        place(old, target);
        result.unchanged++;
      } else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
        result.written++;
      }
    }
    mkdirSync(staging, { recursive: true });
    beforeSwap?.();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir)) renameSync(outDir, `${outDir}.old`);
  renameSync(staging, outDir);
  rmSync(`${outDir}.old`, { recursive: true, force: true });
  return result;
}

/** Hard-link when possible (same file system), else copy. */
function link(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
