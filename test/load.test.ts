/**
 * The load stage's less travelled paths: relative file refs bundled into one document, and the
 * pinned spec downloaded (and verified) when no local copy exists.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
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

  const refTo = (ref: string) =>
    `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: '${ref}' }\n`;
  const loadRef = async (ref: string, refFolders: string[] = [], files: Record<string, string> = {}) => {
    const dir = tempFiles({
      'secret/creds.yml': 'password: hunter2\n',
      ...files,
      'spec/api.yml': refTo(ref),
    });
    const source = await resolveSpecSource(join(dir, 'spec/api.yml'), { localCopies: [], cacheDir: dir });
    return {
      dir,
      load: () =>
        loadSpec(
          source,
          undefined,
          refFolders.map((f) => join(dir, f)),
        ),
    };
  };
  const failure = (load: () => unknown) => {
    try {
      load();
    } catch (error) {
      return error as InputError;
    }
    throw new Error('loaded');
  };

  it.each([
    ['a parent folder', '../secret/creds.yml', /outside the spec's folder/],
    ['an absolute path', '/etc/passwd#/x', /\/etc\/passwd#\/x reads .*outside the spec's folder/],
    ['a folder', './', /which is not a file/],
    ['a remote URL', 'https://example.com/pet.yml#/Pet', /is remote/],
  ])('a ref to %s is refused where it is used, before the file is read', async (_, ref, message) => {
    const { load } = await loadRef(ref);
    const error = failure(load);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
    expect(error.where).toMatch(/api\.yml:6:8$/);
    expect(error.fix).toMatch(/spec\.refFolders|relative path|YAML or JSON file/);
  });

  it('a symlink inside the folder that points outside it is refused', async () => {
    const { dir, load } = await loadRef('link.yml');
    symlinkSync(join(dir, 'secret/creds.yml'), join(dir, 'spec/link.yml'));
    expect(failure(load).message).toMatch(/outside the spec's folder/);
  });

  it('a folder the config lists under spec.refFolders may be read', async () => {
    const { load } = await loadRef('../shared/pet.yml', ['shared'], {
      'shared/pet.yml': 'type: object\nproperties: { name: { type: string } }\n',
    });
    expect(load().data.components.schemas.pet).toEqual({
      type: 'object',
      properties: { name: { type: 'string' } },
    });
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
