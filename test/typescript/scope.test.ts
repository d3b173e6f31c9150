/**
 * readOnly fields never appear in params, writeOnly fields never in responses, also where they sit
 * inside shared models the operation references (the models themselves keep every field).
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, FIXTURES, tempFiles } from '../support/cli.ts';

it('spells out referenced models without the fields the direction forbids', async () => {
  const out = join(tempFiles({}), 'out');
  await runPipeline({
    spec: join(FIXTURES, 'read-write-scope.yml'),
    config: FIXTURE_CONFIG,
    out,
    cache: false,
    only: ['typescript'],
  });
  const resource = readFileSync(join(out, 'typescript/src/resources/pets.ts'), 'utf8');
  const params = resource.slice(
    resource.indexOf('export interface PetUpdateParams'),
    resource.indexOf('export type PetUpdateResponse'),
  );
  const response = resource.slice(
    resource.indexOf('export type PetUpdateResponse'),
    resource.indexOf('const OPERATIONS'),
  );
  expect(params).toContain('name?: string;');
  expect(params).toContain('owner?: Models.Owner;'); // no readOnly field inside: the shared model serves
  expect(params).not.toContain('id?: string;'); // readOnly: never an input
  expect(response).toContain('id?: string;');
  expect(response).not.toContain('password'); // writeOnly: never in a response
  const models = readFileSync(join(out, 'typescript/src/models.ts'), 'utf8');
  expect(models).toContain('readonly id?: string;');
  expect(models).toContain('password?: string;');
}, 60_000);
