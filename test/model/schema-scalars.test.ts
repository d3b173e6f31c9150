/**
 * Schema -> TypeNode (generator/model/schemas.ts) for scalars and null, as given/want tables: each
 * `given` is the schema of a component `Subject` as a spec writes it, each `want` the node emitters read.
 */
import { describe } from 'vitest';
import { ref, schemaTable, STRING } from './schema-table.ts';

describe('scalars', () => {
  schemaTable([
    [
      'a string with its format',
      { given: { type: 'string', format: 'uuid' }, want: { kind: 'string', format: 'uuid' } },
    ],
    ['an empty format is no format', { given: { type: 'string', format: '' }, want: STRING }],
    [
      'a pattern and length bounds',
      {
        given: { type: 'string', pattern: '^[a-z]+$', minLength: 1, maxLength: 5 },
        want: { kind: 'string', pattern: '^[a-z]+$', minLength: 1, maxLength: 5 },
      },
    ],
    [
      'an integer with numeric bounds',
      {
        given: { type: 'integer', format: 'int64', minimum: 1, maximum: 100 },
        want: { kind: 'integer', format: 'int64', minimum: 1, maximum: 100 },
      },
    ],
    ['a number', { given: { type: 'number', format: 'float' }, want: { kind: 'number', format: 'float' } }],
    ['a boolean', { given: { type: 'boolean' }, want: { kind: 'boolean' } }],
    ['an enum', { given: { type: 'string', enum: ['a', 'b'] }, want: { kind: 'string', enum: ['a', 'b'] } }],
    [
      'const is a one-value enum',
      { given: { type: 'string', const: 'x' }, want: { kind: 'string', enum: ['x'] } },
    ],
    [
      'an enum without a type is typed by its values',
      { given: { enum: ['a', 'b'] }, want: { kind: 'string', enum: ['a', 'b'] } },
    ],
    [
      'numbers in an enum without a type make a number',
      { given: { enum: [1, 2] }, want: { kind: 'number', enum: [1, 2] } },
    ],
    [
      'an enum keeps null and drops object values',
      { given: { type: 'string', enum: ['a', null, { b: 1 }] }, want: { kind: 'string', enum: ['a', null] } },
    ],
    [
      'description, deprecated and default',
      {
        given: { type: 'string', description: 'Why.', deprecated: true, default: 'x' },
        want: { kind: 'string', description: 'Why.', deprecated: true, default: 'x' },
      },
    ],
    [
      'an example valid for the schema is kept',
      { given: { type: 'integer', example: 3 }, want: { kind: 'integer', example: 3 } },
    ],
    [
      'an example the schema rejects is dropped',
      { given: { type: 'integer', example: 'three' }, want: { kind: 'integer' } },
    ],
    [
      'no type and nothing to infer it from',
      { given: { description: 'Anything.' }, want: { kind: 'unknown', description: 'Anything.' } },
    ],
    ['`true` as a schema', { given: true, want: { kind: 'unknown' } }],
  ]);
});

describe('null, both ways', () => {
  schemaTable([
    ['3.0 nullable', { given: { type: 'string', nullable: true }, want: { kind: 'string', nullable: true } }],
    ['nullable: false is not nullable', { given: { type: 'string', nullable: false }, want: STRING }],
    [
      '3.1 type array with null',
      { given: { type: ['string', 'null'] }, want: { kind: 'string', nullable: true } },
    ],
    ['`type: null` alone is the null type', { given: { type: 'null' }, want: { kind: 'null' } }],
    [
      'two types make a union',
      {
        given: { type: ['string', 'integer', 'null'] },
        want: { kind: 'union', variants: [STRING, { kind: 'integer' }], nullable: true },
      },
    ],
    [
      'oneOf a ref and null is the ref, nullable',
      {
        given: { oneOf: [{ $ref: ref('Pet') }, { type: 'null' }] },
        want: { kind: 'ref', name: 'Pet', nullable: true },
      },
    ],
    [
      'anyOf a scalar and null is the scalar, nullable',
      { given: { anyOf: [{ type: 'string' }, { type: 'null' }] }, want: { kind: 'string', nullable: true } },
    ],
    [
      'oneOf two refs and null is a nullable union',
      {
        given: { oneOf: [{ $ref: ref('Cat') }, { $ref: ref('Dog') }, { type: 'null' }] },
        want: {
          kind: 'union',
          variants: [
            { kind: 'ref', name: 'Cat' },
            { kind: 'ref', name: 'Dog' },
          ],
          nullable: true,
        },
      },
    ],
    [
      'nullable and description beside a $ref stay on the reference',
      {
        given: { $ref: ref('Pet'), nullable: true, description: 'The pet.' },
        want: { kind: 'ref', name: 'Pet', nullable: true, description: 'The pet.' },
      },
    ],
  ]);
});
