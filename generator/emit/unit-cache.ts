/**
 * Per-unit caches of the emit stage: the files of one unit (a skill, a resource module of the
 * TypeScript package) stored under a key that hashes everything the unit's renderer reads, so a run
 * whose spec changed in one operation renders only the units that operation reaches. Content-addressed
 * like the format cache (one file per key, written through a rename), so concurrent runs never see
 * half an entry; a damaged entry is a miss. A hit touches its entry, and a run that rendered every
 * part bounds the folder to a few runs' entries, least recently used out first (util/content-cache.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { entryFile, pruneUnused } from '../util/content-cache.ts';
import { touchCache } from '../util/json-cache.ts';

export interface UnitCache {
  /** What a run stored under `key` (JSON: a unit's files and what the run needs to know of them). */
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  /** Hits and misses so far, for the stage's note. */
  readonly stats: { hits: number; misses: number };
  /** Bounds the folder to a few runs' entries, keeping this run's (util/content-cache.ts); how many went. */
  prune(startedAt: number): number;
}

/** A cache that never hits (`--no-cache`): every unit rendered, nothing stored. */
export const NO_UNIT_CACHE: UnitCache = {
  get: () => undefined,
  set: () => {},
  stats: { hits: 0, misses: 0 },
  prune: () => 0,
};

export function openUnitCache(dir: string): UnitCache {
  const stats = { hits: 0, misses: 0 };
  const fileOf = (key: string) => entryFile(dir, key, '.json');
  /** Entry file names this run read or wrote: what pruning keeps. */
  const used = new Set<string>();
  return {
    stats,
    get(key) {
      const file = fileOf(key);
      try {
        if (existsSync(file)) {
          const value = JSON.parse(readFileSync(file, 'utf8'));
          stats.hits++;
          used.add(`${key}.json`);
          touchCache(file);
          return value;
        }
      } catch {
        // damaged (or removed meanwhile): rendered again, never trusted
      }
      stats.misses++;
      return undefined;
    },
    set(key, value) {
      const file = fileOf(key);
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, file);
      used.add(`${key}.json`);
    },
    prune: (startedAt) => pruneUnused(dir, used, startedAt),
  };
}
