/**
 * The write stage on an existing output folder (generator/write/in-place.ts): only changed files are
 * replaced, file/folder swaps fall back to a whole swap, and a run killed while moving files is rolled
 * back from its journal by the next run.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles, OutputWriter, removeDeadStaging, writeOutput } from '../generator/write/index.ts';
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

describe('the output writer, fed file by file as the emitters render', () => {
  const owned = ['skills/', 'manifest.json'];

  it('stages each file when it is handed over and touches the output only at commit', () => {
    const out = join(tempFiles({}), 'out');
    write(out, { 'manifest.json': 'old', 'skills/same.md': 'same', 'skills/gone.md': 'gone' });
    const before = snapshot(out);
    const writer = new OutputWriter(out, owned);
    writer.set('manifest.json', 'new');
    writer.set('skills/same.md', 'same');
    const staging = `${out}.staging-${process.pid}`;
    // On disk already, its text no longer held by the run; the unchanged file is not staged.
    expect(readFileSync(join(staging, 'new/manifest.json'), 'utf8')).toBe('new');
    expect(existsSync(join(staging, 'new/skills/same.md'))).toBe(false);
    expect(writer.textOf('skills/same.md')).toBe('same');
    expect(snapshot(out)).toEqual(before);
    expect(writer.commit()).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect(snapshot(out)).toEqual({ 'manifest.json': 'new', 'skills/same.md': 'same' });
    expect(existsSync(staging)).toBe(false);
  });

  it('leaves the output as it was when the run fails midway (discard)', () => {
    const out = join(tempFiles({}), 'out');
    write(out, { 'manifest.json': 'old' });
    const writer = new OutputWriter(out, owned);
    writer.set('manifest.json', 'new');
    writer.set('skills/a/SKILL.md', 'a');
    writer.discard(); // what the pipeline does when an emitter throws
    expect(snapshot(out)).toEqual({ 'manifest.json': 'old' });
    expect(listFiles(dirname(out)).some((f) => f.includes('staging'))).toBe(false);
  });

  it('drops the staged copy when a file is set again with the text the output has (after formatting)', () => {
    const out = join(tempFiles({}), 'out');
    write(out, { 'manifest.json': '{}' });
    const writer = new OutputWriter(out, owned);
    writer.set('manifest.json', '{ }');
    writer.set('manifest.json', '{}');
    expect(writer.commit()).toEqual({ written: 0, unchanged: 1, removed: 0 });
    expect(writer.record().map(([file]) => file)).toEqual(['manifest.json']);
  });

  it('in --check mode lists the drift and writes nothing beside the output', () => {
    const out = join(tempFiles({}), 'out');
    write(out, { 'manifest.json': 'old', 'skills/same.md': 'same', 'skills/extra.md': 'extra' });
    const before = listFiles(dirname(out));
    const writer = new OutputWriter(out, owned, { check: true });
    writer.set('manifest.json', 'new');
    writer.set('skills/same.md', 'same');
    writer.set('skills/missing.md', 'missing');
    expect(listFiles(dirname(out))).toEqual(before);
    expect(writer.drift()).toEqual(['manifest.json', 'skills/extra.md', 'skills/missing.md']);
    expect(() => writer.commit()).toThrow();
    writer.discard();
    expect(listFiles(dirname(out))).toEqual(before);
  });
});
