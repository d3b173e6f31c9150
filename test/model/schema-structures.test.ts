/**
 * Schema -> TypeNode (generator/model/schemas.ts) for arrays and objects: items and their bounds,
 * required, readOnly/writeOnly, additionalProperties, and what an object requires or forbids.
 */
import { describe } from 'vitest';
import { prop, ref, schemaTable, STRING } from './schema-table.ts';

describe('arrays', () => {
  schemaTable([
    [
      'items',
      { given: { type: 'array', items: { type: 'string' } }, want: { kind: 'array', items: STRING } },
    ],
    [
      'item count bounds',
      {
        given: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 3 },
        want: { kind: 'array', items: { kind: 'integer' }, minItems: 1, maxItems: 3 },
      },
    ],
    [
      'minItems 0 says nothing',
      {
        given: { type: 'array', items: {}, minItems: 0 },
        want: { kind: 'array', items: { kind: 'unknown' } },
      },
    ],
    [
      'items without a type make an array',
      {
        given: { items: { $ref: ref('Pet') } },
        want: { kind: 'array', items: { kind: 'ref', name: 'Pet' } },
      },
    ],
    [
      'an array without items holds unknowns',
      { given: { type: 'array' }, want: { kind: 'array', items: { kind: 'unknown' } } },
    ],
  ]);
});

describe('objects', () => {
  schemaTable([
    [
      'required and optional properties, in the order written',
      {
        given: {
          type: 'object',
          required: ['id'],
          properties: { note: { type: 'string' }, id: { type: 'string' } },
        },
        want: { kind: 'object', properties: [prop('note', STRING), prop('id', STRING, { required: true })] },
      },
    ],
    [
      'readOnly and writeOnly',
      {
        given: {
          type: 'object',
          properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } },
        },
        want: {
          kind: 'object',
          properties: [prop('id', STRING, { readOnly: true }), prop('secret', STRING, { writeOnly: true })],
        },
      },
    ],
    [
      'readOnly of the referenced schema holds for the property',
      {
        given: { type: 'object', properties: { id: { $ref: ref('Id') } } },
        want: { kind: 'object', properties: [prop('id', { kind: 'ref', name: 'Id' }, { readOnly: true })] },
      },
    ],
    [
      'properties without a type make an object',
      {
        given: { properties: { a: { type: 'string' } } },
        want: { kind: 'object', properties: [prop('a', STRING)] },
      },
    ],
    [
      'additionalProperties: true',
      {
        given: { type: 'object', additionalProperties: true },
        want: { kind: 'object', properties: [], additional: true },
      },
    ],
    [
      'additionalProperties: {} is any value',
      {
        given: { type: 'object', additionalProperties: {} },
        want: { kind: 'object', properties: [], additional: true },
      },
    ],
    [
      'additionalProperties with a schema',
      {
        given: { type: 'object', additionalProperties: { type: 'integer' } },
        want: { kind: 'object', properties: [], additional: { kind: 'integer' } },
      },
    ],
    [
      'additionalProperties: false',
      {
        given: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
        want: { kind: 'object', properties: [prop('a', STRING)] },
      },
    ],
    [
      'an object that declares nothing is free-form',
      {
        given: { type: 'object' },
        want: { kind: 'object', properties: [], additional: true, additionalImplied: true },
      },
    ],
    [
      'an empty object with additionalProperties: false',
      { given: { type: 'object', additionalProperties: false }, want: { kind: 'object', properties: [] } },
    ],
    [
      'required names it does not declare',
      {
        given: { type: 'object', required: ['b', 'a'], properties: { c: { type: 'string' } } },
        want: { kind: 'object', properties: [prop('c', STRING)], requiresElsewhere: ['a', 'b'] },
      },
    ],
    [
      'minProperties',
      {
        given: { type: 'object', minProperties: 1, properties: { a: { type: 'string' } } },
        want: { kind: 'object', properties: [prop('a', STRING)], minProperties: 1 },
      },
    ],
    [
      'a property of `not: {}` is forbidden, not declared',
      {
        given: { type: 'object', properties: { a: { type: 'string' }, b: { not: {} } } },
        want: { kind: 'object', properties: [prop('a', STRING)], forbidden: ['b'] },
      },
    ],
  ]);
});
