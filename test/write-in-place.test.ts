/**
 * The write stage on an existing output folder (generator/write/in-place.ts): only changed files are
 * replaced, file/folder swaps fall back to a whole swap, and a run killed while moving files is rolled
 * back from its journal by the next run.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles, removeDeadStaging, writeOutput } from '../generator/write/index.ts';
import { tempFiles } from './support/cli.ts';

const snapshot = (dir: string) =>
  Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const write = (out: string, files: Record<string, string>, beforeSwap?: () => void) =>
  writeOutput(out, new Map(Object.entries(files)), ['skills/', 'manifest.json'], beforeSwap);

describe('writing into an existing output', () => {
  it('replaces only the files that changed, removes the ones that went, and keeps the rest', () => {
    const out = join(tempFiles({ 'out/kept-by-user.txt': 'mine' }), 'out');
    write(out, { 'manifest.json': '{}', 'skills/a/SKILL.md': 'a', 'skills/b/SKILL.md': 'b' });
    const unchangedInode = statSync(join(out, 'skills/a/SKILL.md')).ino;
    const result = write(out, {
      'manifest.json': '{"v":2}',
      'skills/a/SKILL.md': 'a',
      'skills/c/x/SKILL.md': 'c',
    });
    expect(result).toEqual({ written: 2, unchanged: 1, removed: 1 });
    expect(snapshot(out)).toEqual({
      'kept-by-user.txt': 'mine',
      'manifest.json': '{"v":2}',
      'skills/a/SKILL.md': 'a',
      'skills/c/x/SKILL.md': 'c',
    });
    expect(existsSync(join(out, 'skills/b'))).toBe(false); // its folder went with its only file
    expect(statSync(join(out, 'skills/a/SKILL.md')).ino).toBe(unchangedInode); // not rewritten
    expect(listFiles(dirname(out)).some((f) => f.includes('staging'))).toBe(false);
  });

  it('leaves the output untouched when the run fails before the files move', () => {
    const out = join(tempFiles({}), 'out');
    write(out, { 'manifest.json': '{}', 'skills/a/SKILL.md': 'a' });
    const fail = () => {
      throw new Error('disk full');
    };
    expect(() => write(out, { 'manifest.json': '{"v":2}' }, fail)).toThrow('disk full');
    expect(snapshot(out)).toEqual({ 'manifest.json': '{}', 'skills/a/SKILL.md': 'a' });
    expect(listFiles(dirname(out)).some((f) => f.includes('staging'))).toBe(false);
  });

  it('swaps the whole tree when a file becomes a folder', () => {
    const out = join(tempFiles({}), 'out');
    write(out, { 'skills/a': 'a file' });
    write(out, { 'skills/a/SKILL.md': 'now a folder' });
    expect(snapshot(out)).toEqual({ 'skills/a/SKILL.md': 'now a folder' });
  });
});

describe('a run killed while moving files', () => {
  it('is rolled back by the next run: moved files back, new ones gone, removed ones restored', () => {
    const out = join(tempFiles({}), 'out');
    write(out, { 'manifest.json': 'old', 'skills/gone/SKILL.md': 'removed', 'skills/same.md': 'same' });
    const before = snapshot(out);
    // The state a run leaves when killed midway: manifest.json replaced (its old text in old/),
    // a new file moved in, a removed file moved aside; a second new file still staged.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const staging = `${out}.staging-${dead}`;
    const put = (file: string, text: string) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    put(join(staging, 'old/manifest.json'), 'old');
    put(join(out, 'manifest.json'), 'new');
    put(join(out, 'skills/new/SKILL.md'), 'new file');
    put(join(staging, 'new/skills/later.md'), 'not moved yet');
    put(join(staging, 'old/skills/gone/SKILL.md'), 'removed');
    unlinkSync(join(out, 'skills/gone/SKILL.md'));
    put(
      join(staging, 'journal.json'),
      JSON.stringify({
        changed: [
          ['manifest.json', true],
          ['skills/new/SKILL.md', false],
          ['skills/later.md', false],
        ],
        removed: ['skills/gone/SKILL.md'],
      }),
    );
    removeDeadStaging(out);
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(join(out, 'skills/new'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });
});
