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
 * Hash of a value built in memory (a view, a model slice), for per-unit cache keys. It depends on the
 * content only, never on which objects are shared: a freshly built model (one object held in several
 * places) and its JSON copy from the model cache (separate equal objects) must give the same keys, or
 * the first warm run after a cold one re-renders units whose input did not change. Maps and Sets count
 * by their entries (JSON would print them as `{}` and miss every change inside). Each object is
 * encoded once per call (shared structure costs nothing the second time), and an encoding longer than
 * a few KB stands in its parent as its sha256, which keeps the text small without making it depend on
 * sharing. A function is code, which the generator's own hash covers, so it is left out when
 * `skipFunctions`; otherwise it throws, as a function can close over data the key would then miss.
 */
export function valueHash(value: unknown, options: { skipFunctions?: boolean } = {}): string {
  const encoded = new Map<object, string>();
  const open = new Set<object>();
  const encode = (v: unknown): string | undefined => {
    if (typeof v === 'function') {
      if (options.skipFunctions) return undefined;
      throw new Error(`valueHash: a function (${v.name || 'anonymous'}) in a cache key's input`);
    }
    if (v === undefined || typeof v === 'symbol') return undefined;
    if (typeof v !== 'object' || v === null) return JSON.stringify(v);
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
      return encode((v as { toJSON(): unknown }).toJSON());
    const done = encoded.get(v);
    if (done !== undefined) return done;
    // A cycle has no JSON form; mark where it closes (content-wise, a cycle's place is fixed).
    if (open.has(v)) return '"<cycle>"';
    open.add(v);
    let text: string;
    if (Array.isArray(v)) text = `[${v.map((item) => encode(item) ?? 'null').join(',')}]`;
    else if (v instanceof Map) text = `{"<map>":${encode([...v])}}`;
    else if (v instanceof Set) text = `{"<set>":${encode([...v])}}`;
    else {
      const fields: string[] = [];
      for (const [key, item] of Object.entries(v)) {
        const e = encode(item);
        if (e !== undefined) fields.push(`${JSON.stringify(key)}:${e}`);
      }
      text = `{${fields.join(',')}}`;
    }
    open.delete(v);
    if (text.length > 4096) text = `{"<sha256>":"${sha256(text)}"}`;
    encoded.set(v, text);
    return text;
  };
  return sha256(encode(value) ?? 'undefined');
}
