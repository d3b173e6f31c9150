/**
 * Content-addressed cache folders (`.cache/units/`, `.cache/format/`): one file per content key under
 * a folder named by the key's first two characters, written through `<entry>.<pid>.tmp` and a
 * rename, so a reader never sees half an entry. Every edit of the spec or the generator adds entries
 * under new keys; `pruneUnused` removes those the current run did not use, so the folder holds what
 * the next run with the same inputs reads, not every past state (issue 13).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './pid.ts';

/** The entry file of `key` in the cache folder `dir` (`suffix`: `.json` for the unit cache). */
export const entryFile = (dir: string, key: string, suffix = '') => join(dir, key.slice(0, 2), key + suffix);

/**
 * Removes every entry of `dir` that is not in `used` (entry file names, `<key><suffix>`) and was not
 * written or read since `startedAt` (ms since the epoch, the run's start), and the temp files of runs
 * that are gone. Alone, a run leaves exactly the entries it used (deterministic); beside another run,
 * whatever that run wrote or touched after this one started is kept, and an entry removed under a
 * reader is a miss for it (rendered again), never a wrong file. Key folders are never removed: another
 * run may be about to write into one.
 */
export function pruneUnused(dir: string, used: ReadonlySet<string>, startedAt: number): number {
  let removed = 0;
  let folders: string[];
  try {
    folders = readdirSync(dir).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return 0; // no cache yet
  }
  for (const folder of folders) {
    for (const name of readdirSync(join(dir, folder))) {
      const file = join(dir, folder, name);
      const temp = /\.(\d+)\.tmp$/.exec(name);
      const stale = temp
        ? !isAlive(Number(temp[1]))
        : !used.has(name) && (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < startedAt;
      if (stale) {
        rmSync(file, { force: true });
        removed++;
      }
    }
  }
  return removed;
}
