/**
 * Builds the model and surface of a one-path spec fragment in memory, for given/want tables: no
 * YAML, no files, no cache, so each case costs a few milliseconds.
 */
import { join } from 'node:path';
import { buildModel, makeResolver, type Api, type Operation } from '../../generator/model/index.ts';
import type { SpecDocument } from '../../generator/load/index.ts';
import { buildSurface, type OperationSurface } from '../../generator/surface/index.ts';
import type { LintFinding } from '../../generator/errors.ts';
import { FIXTURES } from '../support/cli.ts';

export interface Fragment {
  /** `paths` of the spec. */
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  examples?: Record<string, unknown>;
}

export interface Built {
  api: Api;
  findings: LintFinding[];
  /** The surface of the fragment's only (or first) operation, and that operation. */
  op: Operation;
  surface: OperationSurface;
}

export function build(fragment: Fragment): Built {
  const data = {
    openapi: '3.1.0',
    info: { title: 'Fragment', version: '1' },
    servers: [{ url: 'https://api.example.com/v2' }],
    paths: fragment.paths,
    components: { schemas: fragment.schemas ?? {}, examples: fragment.examples ?? {} },
  };
  const doc: SpecDocument = {
    file: 'fragment.yml',
    sha256: 'fragment',
    data,
    lint: [],
    locate: (pointer) => `fragment.yml#${pointer}`,
  };
  const { api, findings } = buildModel(doc, {
    productsFile: join(FIXTURES, 'products.yml'),
    lock: undefined,
    overrides: {},
    includeHidden: false,
    configFile: join(FIXTURES, 'config.yml'),
  });
  const types = new Map(api.types.map((t) => [t.name, t]));
  const { surface } = buildSurface(api, makeResolver(types), types, {
    includeHidden: false,
    compat: { bodyWrappers: {}, fieldAliases: {}, releaseBodies: {} },
    configFile: 'config.yml',
  });
  const op = api.operations[0];
  return { api, findings, op, surface: surface.get(op.key)! };
}

/** `{ 200: json(schema) }` */
export const json = (schema: unknown, status = '200') => ({
  [status]: { description: 'ok', content: { 'application/json': { schema } } },
});

export const obj = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
});
