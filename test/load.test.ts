/**
 * The load stage's less travelled paths: relative file refs bundled into one document, and the
 * pinned spec downloaded (and verified) when no local copy exists.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec, resolveSpecSource } from '../generator/load/index.ts';
import { sha256 } from '../generator/util/hash.ts';
import { InputError } from '../generator/errors.ts';
import { tempFiles } from './support/cli.ts';

describe('relative file refs', () => {
  it('bundles the referenced schemas as named components and keeps every ref internal', async () => {
    const dir = tempFiles({
      'api.yml': `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'schemas/pet.yml#/Pet' }\n`,
      'schemas/pet.yml': `Pet:\n  type: object\n  properties:\n    owner: { $ref: 'owner.yml' }\n    sibling: { $ref: '#/Pet' }\n`,
      'schemas/owner.yml': `type: object\nproperties:\n  name: { type: string }\n`,
    });
    const source = await resolveSpecSource(join(dir, 'api.yml'), { localCopies: [], cacheDir: dir });
    const doc = loadSpec(source, undefined);
    const schemas = doc.data.components.schemas;
    expect(Object.keys(schemas).sort()).toEqual(['Pet', 'owner']);
    expect(doc.data.paths['/pets'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Pet',
    });
    expect(schemas.Pet.properties).toEqual({
      owner: { $ref: '#/components/schemas/owner' },
      sibling: { $ref: '#/components/schemas/Pet' },
    });
  });

  it('names the missing file and where the ref was used', async () => {
    const dir = tempFiles({
      'api.yml': `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /pets:\n    get:\n      parameters: [{ $ref: 'nope.yml#/P' }]\n      responses: { '200': { description: ok } }\n`,
    });
    const source = await resolveSpecSource(join(dir, 'api.yml'), { localCopies: [], cacheDir: dir });
    expect(() => loadSpec(source, undefined)).toThrow(/missing file .*nope\.yml/);
  });
});

describe('pinned spec download', () => {
  const bytes = Buffer.from('openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\n');

  it('downloads into the cache when no local copy exists, verifies the hash, and reuses the cached copy', async () => {
    const cacheDir = join(tempFiles({}), 'cache');
    const pin = {
      url: 'https://example.invalid/spec.yml',
      sha256: sha256(bytes),
      localCopies: ['no/such/file.yml'],
      cacheDir,
    };
    let downloads = 0;
    const download = async () => {
      downloads++;
      return bytes;
    };
    const first = await resolveSpecSource(undefined, pin, download);
    expect(first.text).toBe(bytes.toString());
    expect(existsSync(join(cacheDir, `${pin.sha256}.yml`))).toBe(true);
    expect(readFileSync(join(cacheDir, `${pin.sha256}.yml`))).toEqual(bytes);
    await resolveSpecSource(undefined, pin, download);
    expect(downloads).toBe(1);
  });

  it('rejects a download whose hash differs, showing both hashes, and caches nothing', async () => {
    const cacheDir = join(tempFiles({}), 'cache');
    const pin = {
      url: 'https://example.invalid/spec.yml',
      sha256: 'b'.repeat(64),
      localCopies: [],
      cacheDir,
    };
    const error = await resolveSpecSource(undefined, pin, async () => bytes).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(`expected ${'b'.repeat(64)}, got ${sha256(bytes)}`);
    expect(existsSync(cacheDir)).toBe(false);
  });
});
