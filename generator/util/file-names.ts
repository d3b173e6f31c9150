/**
 * Names from the spec that become file or folder names (a resource's file stem, a provisional
 * product's skill folder). File systems refuse a name past 255 bytes (ENAMETOOLONG), and paths nest
 * several of them, so a longer name is cut, at a character boundary, and given a short hash of the
 * whole name: the same name always gives the same file, and two long names that share a start differ.
 */
import { sha256 } from './hash.ts';

export const MAX_NAME_BYTES = 100;

export function fitName(name: string, maxBytes = MAX_NAME_BYTES): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const suffix = `-${sha256(name).slice(0, 8)}`;
  let cut = '';
  for (const char of name) {
    if (Buffer.byteLength(cut + char) + suffix.length > maxBytes) break;
    cut += char;
  }
  return cut.replace(/[-_.]+$/, '') + suffix;
}
