/**
 * Cache entries on disk: one JSON file per content key, written atomically, pruned to the few most
 * recently used of each kind. The load stage, the model cache and the output record (generator/cache.ts)
 * all store their entries this way; what a key covers is decided by each of them, not here.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The entry at `file`, or undefined when it is missing or unreadable. */
export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as T;
    touchCache(file);
    return entry;
  } catch {
    return undefined; // a damaged (or meanwhile pruned) cache entry is rebuilt, never trusted
  }
}

/** Writes through a temp file and a rename, so a reader never sees half an entry. */
export function writeJson(file: string, entry: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(entry));
  renameSync(`${file}.tmp`, file);
  pruneCache(file);
}

/** Entries of one kind kept per cache folder: enough to switch between a few specs or branches. */
const KEEP_ENTRIES = 4;

/**
 * Every change to the spec, config or generator writes a new multi-MB entry; without pruning the
 * cache grows by that much per edit. Keeps `file` and the most recently used other entries of its
 * kind (`load-`, `model-`, `record-`; a hit touches its entry). Another run pruning the same folder
 * at the same time only makes an entry vanish, which its reader treats as a miss.
 */
export function pruneCache(file: string): void {
  const dir = dirname(file);
  const kind = basename(file).slice(0, basename(file).indexOf('-') + 1);
  const usedAt = (name: string) => {
    try {
      return statSync(join(dir, name)).mtimeMs;
    } catch {
      return -1; // removed meanwhile
    }
  };
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(kind) && name.endsWith('.json') && name !== basename(file))
    .map((name) => ({ name, usedAt: usedAt(name) }))
    .sort((a, b) => b.usedAt - a.usedAt || (a.name < b.name ? -1 : 1));
  for (const old of others.slice(KEEP_ENTRIES - 1)) rmSync(join(dir, old.name), { force: true });
}

/** Marks a cache entry as just used, so pruning keeps the entries in use. */
export function touchCache(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // read-only cache or removed meanwhile: it only affects which entries pruning keeps
  }
}
