/**
 * Inline objects become nested named types wherever they sit, union variants included: a property's
 * only object variant takes the property's name, several are told apart by their constant tag, and a
 * union declared as a whole names its members by position (`UnionMember1`, as the official SDK).
 */
import { beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, FIXTURES, ROOT, tempFiles } from '../support/cli.ts';

const out = join(tempFiles({}), 'out');
const read = (file: string) => readFileSync(join(out, 'typescript/src', file), 'utf8');

beforeAll(async () => {
  await runPipeline({
    spec: join(FIXTURES, 'union-variants.yml'),
    config: FIXTURE_CONFIG,
    out,
    cache: false,
    only: ['typescript'],
  });
}, 60_000);

it.each([
  [
    'a component property with tagged variants',
    'models.ts',
    'background?:\n    Settings.BackgroundPredefinedMedia | Settings.BackgroundMediaUrl | Settings.BackgroundMediaNameV2;',
  ],
  [
    'an object nested in a variant, under that variant',
    'models.ts',
    'cfg?: Settings.BackgroundPredefinedMedia.Cfg;',
  ],
  [
    'variants whose tags would make one name, by position',
    'models.ts',
    'source?: Settings.SourceUnionMember0 | Settings.SourceUnionMember1;',
  ],
  ['an array variant of objects', 'models.ts', 'targets?: Array<Settings.Targets> | string;'],
  [
    'a nullable object (oneOf with null) as itself',
    'models.ts',
    'export type Maybe = {\n  note?: string;\n} | null;',
  ],
  ['a component that is a union', 'models.ts', 'export type Logs = Array<string> | Logs.UnionMember1;'],
  [
    'the member documented by its description',
    'models.ts',
    '   * Logs grouped under entries.\n   */\n  export interface UnionMember1 {',
  ],
  [
    'a params property with one object variant',
    'resources/pets.ts',
    'created_at?: string | PetRetrieveParams.Filter.CreatedAt;',
  ],
  [
    'its nested declaration',
    'resources/pets.ts',
    '     * A range of creation times.\n     */\n    export interface CreatedAt {',
  ],
  [
    'an array variant in params, documented by its items',
    'resources/pets.ts',
    '   * One tag of the pet.\n   */\n  export interface Tags {',
  ],
  [
    'a response that is a union',
    'resources/pets.ts',
    'export type PetRetrieveResponse = Models.Settings | PetRetrieveResponse.UnionMember1;',
  ],
])('names %s', (_, file, expected) => {
  expect(read(file)).toContain(expected);
});

it('leaves no object literal type inside a union or an array', () => {
  for (const file of ['models.ts', 'resources/pets.ts'])
    expect(read(file)).not.toMatch(/(\||Array<)\s*\{\s*\n/);
});

it('type-checks', () => {
  const check = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'typescript')],
    {
      encoding: 'utf8',
    },
  );
  expect(`${check.stdout}${check.stderr}`).toBe('');
  expect(check.status).toBe(0);
}, 60_000);
