/**
 * Finds the spec bytes: `--spec FILE`, else the pinned source of the config (the first existing local
 * copy, else a cached download, else a download of the pinned URL). The pinned source is verified
 * against its sha256; a mismatch is an error that shows both hashes. A raw GitHub URL must name a
 * commit, not a branch (a branch moves, and the pin with it).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import type { SpecSourceConfig } from '../config.ts';
import { fetchBytes } from '../util/fetch.ts';
import { branchPinProblem } from '../util/github-pin.ts';
import { sha256 } from '../util/hash.ts';
import { displayPath } from '../util/paths.ts';

export interface SpecSource {
  /** Absolute path of the file read. */
  file: string;
  text: string;
  sha256: string;
}

export async function resolveSpecSource(
  explicit: string | undefined,
  pinned: SpecSourceConfig,
  download: (url: string) => Promise<Buffer> = fetchBytes,
): Promise<SpecSource> {
  if (explicit) {
    const file = resolve(explicit);
    if (!existsSync(file)) {
      throw new InputError(
        'spec file not found',
        displayPath(file),
        'pass an existing OpenAPI file with --spec',
      );
    }
    if (!statSync(file).isFile()) {
      throw new InputError(
        statSync(file).isDirectory() ? 'the spec path is a folder' : 'the spec path is not a regular file',
        displayPath(file),
        'pass the OpenAPI file itself with --spec (a .yml, .yaml or .json file)',
      );
    }
    const bytes = readFileSync(file);
    return { file, text: specText(bytes, displayPath(file)), sha256: sha256(bytes) };
  }
  checkCommitPin(pinned);
  // A local copy that no longer hashes to the pin (the pin moved, the copy did not) is passed over
  // for the cache or a download of the pinned URL; its mismatch is the error only when nothing else
  // holds the pinned bytes.
  const tried: string[] = [];
  let mismatched: { where: string; bytes: Buffer } | undefined;
  for (const copy of pinned.localCopies) {
    tried.push(displayPath(copy));
    if (!existsSync(copy)) continue;
    const bytes = readFileSync(copy);
    const actual = sha256(bytes);
    if (!pinned.sha256 || actual === pinned.sha256) return verified(copy, bytes, pinned.sha256, actual);
    mismatched ??= { where: copy, bytes };
  }
  const cached = pinned.sha256 ? join(pinned.cacheDir, `${pinned.sha256}.yml`) : undefined;
  if (cached) {
    tried.push(displayPath(cached));
    if (existsSync(cached)) return verified(cached, readFileSync(cached), pinned.sha256);
  }
  if (pinned.url && cached) {
    tried.push(pinned.url);
    let bytes: Buffer | undefined;
    try {
      bytes = await download(pinned.url);
    } catch {
      bytes = undefined;
    }
    if (bytes) {
      const source = verified(pinned.url, bytes, pinned.sha256);
      mkdirSync(pinned.cacheDir, { recursive: true });
      writeFileSync(`${cached}.tmp`, bytes);
      renameSync(`${cached}.tmp`, cached);
      return { ...source, file: cached };
    }
  }
  if (mismatched) verified(mismatched.where, mismatched.bytes, pinned.sha256); // throws the mismatch
  throw new InputError(
    `no spec found; tried: ${tried.join(', ')}`,
    undefined,
    'pass --spec FILE, or place the pinned spec at one of the local copies listed in specs/telnyx.yml',
  );
}

/** A raw GitHub pin must name a commit (generator/util/github-pin.ts); refused where it is used. */
function checkCommitPin(pinned: SpecSourceConfig): void {
  const problem = pinned.url === undefined ? undefined : branchPinProblem(pinned.url);
  if (problem)
    throw new InputError(
      problem,
      pinned.urlWhere,
      'run `npm run spec:update` to pin the newest commit of the branch (or `-- --ref COMMIT` for ' +
        'another), or write the 40-hex commit id in place of the branch in spec.url',
    );
}

function verified(
  where: string,
  bytes: Buffer,
  expected: string | undefined,
  actual = sha256(bytes),
): SpecSource {
  if (expected && actual !== expected) {
    throw new InputError(
      `spec sha256 mismatch: expected ${expected}, got ${actual}`,
      shown(where),
      'restore the pinned spec, or move the pin by updating spec.sha256 (and spec.url) in specs/telnyx.yml',
    );
  }
  return { file: where, text: specText(bytes, shown(where)), sha256: actual };
}

const shown = (where: string) => (where.includes('://') ? where : displayPath(where));

/**
 * The spec's bytes as text, when they are UTF-8 text: a UTF-16 file (a BOM, or NUL in every other
 * byte), binary data (a NUL byte) or bytes that are not UTF-8 would otherwise parse as one garbled
 * string and fail later without a place. Named by the line and column of the first bad byte.
 */
export function specText(bytes: Buffer, file: string): string {
  const fail = (offset: number, message: string, fix: string): never => {
    const before = bytes.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw new InputError(message, `${file}:${line}:${col}`, fix);
  };
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length >= 2 && (bytes[0] === 0) !== (bytes[1] === 0));
  if (utf16) fail(0, 'the spec is UTF-16 text', 'save the spec as UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    fail(
      nul,
      'the spec holds a NUL byte: it is binary, not YAML or JSON',
      'pass the OpenAPI YAML or JSON file',
    );
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text, as Buffer#toString does (the YAML parser skips it).
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail(
      Math.max(0, firstInvalidUtf8(bytes)),
      'the spec is not UTF-8 text',
      'save the spec as UTF-8 (it may be binary, or in another encoding)',
    );
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n =
      c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms, UTF-16 surrogates (ED A0..BF) and code points past U+10FFFF.
    const second = b[i + 1];
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second >= 0xa0)) return i;
    if ((c === 0xf0 && second < 0x90) || (c === 0xf4 && second >= 0x90)) return i;
    i += n;
  }
  return -1;
}
