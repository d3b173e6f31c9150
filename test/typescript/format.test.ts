/**
 * The files the format stage skips because the generator writes them in prettier's layout (models,
 * most resources, the runtime core) must be exactly what prettier would print. Checked over every
 * generated TS and JSON file: the formatted ones pass trivially, the skipped ones prove the emitter's
 * and the templates' layout.
 */
import { expect, inject, it } from 'vitest';
import * as prettier from 'prettier';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../generator/write/index.ts';
import { ROOT } from '../support/cli.ts';

const out = inject('generatedDir');
const options = JSON.parse(readFileSync(join(ROOT, 'templates/typescript/prettierrc.json'), 'utf8'));

it('writes the preformatted files exactly as prettier formats them', async () => {
  // Generated sources only: another suite may have built dist/ (declarations) into the same folder.
  const files = listFiles(out).filter(
    (f) =>
      f.startsWith('typescript/') && /\.(ts|json)$/.test(f) && !/^typescript\/(dist|node_modules)\//.test(f),
  );
  expect(files.length).toBeGreaterThan(300);
  const differing: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(out, file), 'utf8');
    if (!(await prettier.check(text, { ...options, filepath: file }))) differing.push(file);
  }
  expect(differing).toEqual([]);
}, 120_000);
