/**
 * Feeds a spec fragment to the model stage the way the pipeline does (`draftOperations` over a
 * loaded document), without YAML or the loader: the tables below give fragments as plain objects,
 * the shape `loadSpec` hands over, so each case reads as input beside output.
 */
import type { SpecDocument } from '../../generator/load/index.ts';
import { draftOperations } from '../../generator/model/index.ts';
import type { OperationDraft } from '../../generator/model/operations.ts';
import type { TypeNode } from '../../generator/model/types.ts';

type Json = Record<string, unknown>;

/** A whole document around `paths` and component `schemas` (plus other `components`). */
export function draft(paths: object, components: object = {}) {
  const data = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths, components };
  const doc: SpecDocument = { file: 'fragment.yml', sha256: '', data, lint: [], locate: (p) => p };
  return draftOperations(doc);
}

/**
 * Component schemas -> every named type the model makes of them (inline objects hoisted under
 * their owner included), by name.
 */
export function namedTypes(schemas: Json): Record<string, TypeNode> {
  const { ctx } = draft({}, { schemas });
  return Object.fromEntries([...ctx.types].map(([name, named]) => [name, named.type]));
}

/** One schema as the component `Subject` (beside `others`): the node the model makes of it. */
export function typeOf(schema: unknown, others: Json = {}): TypeNode {
  return namedTypes({ ...others, Subject: schema }).Subject;
}

/** The draft of the one operation `METHOD /path` in a fragment of `paths`. */
export function operation(paths: object, components: object = {}): OperationDraft {
  const { drafts } = draft(paths, components);
  if (drafts.length !== 1) throw new Error(`expected one operation, got ${drafts.length}`);
  return drafts[0];
}

/** The `responses` of an operation answering 200 with a JSON body of `schema`. */
export const json = (schema: unknown) => ({
  '200': { description: 'ok', content: { 'application/json': { schema } } },
});
