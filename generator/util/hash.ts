/**
 * Content hashes: the cache keys of every stage and the spec pin all go through these, so a key
 * computed in one stage matches the same content hashed in another.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Hash of every file under `dir` (names relative to it, and contents), e.g. the generator's code or
 * the templates. Entries are walked in sorted order so the hash does not depend on the file system.
 */
export function treeHash(dir: string): string {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(dir);
  return sha256(files.map((f) => `${f.slice(dir.length)}\0${readFileSync(f, 'utf8')}`).join('\0'));
}

/**
 * Hash of a value built in memory (a view, a model slice), for per-unit cache keys. Maps and Sets
 * count by their entries (JSON would print them as `{}` and miss every change inside). An object met
 * again (views hold the same operation several times) counts as a reference to its first place,
 * which keeps the text small and hashes shared structure once. A function is code, which the
 * generator's own hash covers, so it is left out when `skipFunctions`; otherwise it throws, as a
 * function can close over data the key would then miss.
 */
export function valueHash(value: unknown, options: { skipFunctions?: boolean } = {}): string {
  const seen = new Map<object, number>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function') {
      if (options.skipFunctions) return undefined;
      throw new Error(`valueHash: a function (${v.name || 'anonymous'}) in a cache key's input`);
    }
    if (typeof v !== 'object' || v === null) return v;
    const first = seen.get(v);
    if (first !== undefined) return { '<seen>': first };
    seen.set(v, seen.size);
    if (v instanceof Map) return { '<map>': [...v] };
    if (v instanceof Set) return { '<set>': [...v] };
    return v;
  });
  return sha256(text ?? 'undefined');
}
