/**
 * Finds the spec bytes: `--spec FILE`, else the pinned source of the config (the first existing local
 * copy, else a cached download, else a download of the pinned URL). The pinned source is verified
 * against its sha256; a mismatch is an error that shows both hashes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import type { SpecSourceConfig } from '../config.ts';
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
    const bytes = readFileSync(file);
    return { file, text: bytes.toString('utf8'), sha256: sha256(bytes) };
  }
  const tried: string[] = [];
  for (const copy of pinned.localCopies) {
    tried.push(displayPath(copy));
    if (existsSync(copy)) return verified(copy, readFileSync(copy), pinned.sha256);
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
  throw new InputError(
    `no spec found; tried: ${tried.join(', ')}`,
    undefined,
    'pass --spec FILE, or place the pinned spec at one of the local copies listed in specs/telnyx.yml',
  );
}

function verified(where: string, bytes: Buffer, expected: string | undefined): SpecSource {
  const actual = sha256(bytes);
  if (expected && actual !== expected) {
    throw new InputError(
      `spec sha256 mismatch: expected ${expected}, got ${actual}`,
      where.includes('://') ? where : displayPath(where),
      'restore the pinned spec, or move the pin by updating spec.sha256 (and spec.url) in specs/telnyx.yml',
    );
  }
  return { file: where, text: bytes.toString('utf8'), sha256: actual };
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
