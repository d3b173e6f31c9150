/**
 * Content-addressed cache folders (`.cache/units/`, `.cache/format/`): one file per content key under
 * a folder named by the key's first two characters, written through `<entry>.<pid>.tmp` and a
 * rename, so a reader never sees half an entry. Every edit of the spec or the generator adds entries
 * under new keys; `pruneUnused` bounds the folder to the entries of the last few runs (issue 13), as
 * the load and model caches keep their four newest entries (json-cache.ts).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './pid.ts';

/** The entry file of `key` in the cache folder `dir` (`suffix`: `.json` for the unit cache). */
export const entryFile = (dir: string, key: string, suffix = '') => join(dir, key.slice(0, 2), key + suffix);

/**
 * Runs' worth of entries a folder keeps: the current run's, plus as many again as the three runs
 * before it could have used, so switching between a few specs or branches still hits.
 */
export const KEEP_RUNS = 4;

/**
 * Least recently used first, removes the entries of `dir` that the run did not use (`used`: entry
 * file names, `<key><suffix>`) beyond `(KEEP_RUNS - 1) * used.size` of them, never one written or read
 * since `startedAt` (the run's start, ms since the epoch: a concurrent run's), plus the temp files of
 * runs that are gone. A hit touches its entry (json-cache.ts touchCache), so "least recently used" is
 * the file's mtime, ties broken by name: the same runs in the same order leave the same entries.
 * Beside another run, an entry removed under its reader is a miss there (rendered again), never a
 * wrong file. Key folders are never removed: another run may be about to write into one.
 */
export function pruneUnused(
  dir: string,
  used: ReadonlySet<string>,
  startedAt: number,
  keepRuns = KEEP_RUNS,
): number {
  let folders: string[];
  try {
    folders = readdirSync(dir).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return 0; // no cache yet
  }
  const stale: string[] = [];
  const unused: { file: string; name: string; usedAt: number }[] = [];
  for (const folder of folders) {
    for (const name of readdirSync(join(dir, folder))) {
      const file = join(dir, folder, name);
      const temp = /\.(\d+)\.tmp$/.exec(name);
      if (temp) {
        if (!isAlive(Number(temp[1]))) stale.push(file);
        continue;
      }
      if (used.has(name)) continue;
      const usedAt = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
      if (usedAt !== undefined && usedAt < startedAt) unused.push({ file, name, usedAt });
    }
  }
  unused.sort((a, b) => b.usedAt - a.usedAt || (a.name < b.name ? -1 : 1));
  stale.push(...unused.slice(Math.max(0, (keepRuns - 1) * used.size)).map((e) => e.file));
  for (const file of stale) rmSync(file, { force: true });
  return stale.length;
}
