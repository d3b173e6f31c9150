/**
 * What the schema tables share: model nodes written briefly, the components the cases reference, and
 * the runner that converts each `given` as the component `Subject` beside them.
 */
import { expect, it } from 'vitest';
import type { Property, TypeNode } from '../../generator/model/types.ts';
import { typeOf } from './fragment.ts';

export type SchemaCase = [string, { given: unknown; want: TypeNode }];

/** The `$ref` of a component schema. */
export const ref = (name: string) => `#/components/schemas/${name}`;

/** A property as the model writes it; flags default to optional, neither read- nor write-only. */
export const prop = (name: string, type: TypeNode, flags: Partial<Property> = {}): Property => ({
  name,
  type,
  required: false,
  readOnly: false,
  writeOnly: false,
  ...flags,
});

export const STRING: TypeNode = { kind: 'string' };

/** Components beside `Subject` for the cases that reference them. */
export const OTHERS = {
  Pet: { type: 'object', properties: { name: { type: 'string' } } },
  Cat: { type: 'object', properties: { kind: { const: 'cat' } } },
  Dog: { type: 'object', properties: { kind: { const: 'dog' } } },
  Id: { type: 'string', readOnly: true },
};

/** One test per row: `given` as the component `Subject` becomes exactly `want`. */
export const schemaTable = (cases: SchemaCase[]) =>
  it.each(cases)('%s', (_name, { given, want }) => expect(typeOf(given, OTHERS)).toEqual(want));
