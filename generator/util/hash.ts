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
