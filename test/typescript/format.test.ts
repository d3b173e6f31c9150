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
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, FIXTURES, ROOT, tempFiles } from '../support/cli.ts';

const out = inject('generatedDir');
const options = JSON.parse(readFileSync(join(ROOT, 'templates/typescript/prettierrc.json'), 'utf8'));

/** Every generated TS and JSON source under `dir` that prettier would print differently. */
async function differingFiles(dir: string): Promise<string[]> {
  // Generated sources only: another suite may have built dist/ (declarations) into the same folder.
  const files = listFiles(dir).filter(
    (f) =>
      f.startsWith('typescript/') && /\.(ts|json)$/.test(f) && !/^typescript\/(dist|node_modules)\//.test(f),
  );
  expect(files.length).toBeGreaterThan(10);
  const differing: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!(await prettier.check(text, { ...options, filepath: file }))) differing.push(file);
  }
  return differing;
}

it('writes the preformatted files exactly as prettier formats them', async () => {
  expect(listFiles(out).length).toBeGreaterThan(300);
  expect(await differingFiles(out)).toEqual([]);
}, 120_000);

// The fixtures hold shapes the Telnyx spec lacks (hostile names, union members, scope): whatever the
// emitter lays out itself there must match prettier too, and what it cannot goes through prettier.
it.each(['hostile.yml', 'union-variants.yml', 'read-write-scope.yml', 'petstore.yml'])(
  'lays out the %s package as prettier would',
  async (fixture) => {
    const dir = join(tempFiles({}), 'out');
    await runPipeline({
      spec: join(FIXTURES, fixture),
      config: FIXTURE_CONFIG,
      out: dir,
      cache: false,
      only: ['typescript'],
    });
    expect(await differingFiles(dir)).toEqual([]);
  },
  60_000,
);
