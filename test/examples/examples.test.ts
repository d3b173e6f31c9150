/**
 * Example values (docs/SKILLS.md, "Examples"): the spec's example unless it is a placeholder, else the
 * first enum value, else a realistic value for the format or name (realistic.test.ts has the table);
 * required fields only, recursively; never readOnly.
 */
import { describe, expect, it } from 'vitest';
import { exampleOf, toJson } from '../../generator/examples/examples.ts';
import { uuidFor } from '../../generator/examples/realistic.ts';
import { makeResolver, type NamedType, type Property, type TypeNode } from '../../generator/model/index.ts';

const prop = (name: string, type: TypeNode, extra: Partial<Property> = {}): Property => ({
  name,
  type,
  required: true,
  readOnly: false,
  writeOnly: false,
  ...extra,
});
const named: NamedType[] = [
  {
    name: 'Node',
    origin: 'component',
    pointer: '',
    type: {
      kind: 'object',
      properties: [prop('id', { kind: 'string' }), prop('child', { kind: 'ref', name: 'Node' })],
    },
  },
  {
    name: 'Cat',
    origin: 'component',
    pointer: '',
    type: {
      kind: 'object',
      properties: [prop('kind', { kind: 'string' }), prop('meow', { kind: 'boolean' })],
    },
  },
];
const types = new Map(named.map((t) => [t.name, t]));
const env = { resolve: makeResolver(types), types };
const json = (node: TypeNode, name = 'field') => toJson(exampleOf(node, name, env));

const cases: [string, { given: TypeNode; want: unknown }][] = [
  [
    'the spec example first',
    { given: { kind: 'string', example: 'Rex', enum: ['a'], format: 'uuid' }, want: 'Rex' },
  ],
  [
    'then the first enum value (null skipped)',
    { given: { kind: 'string', enum: [null, 'public', 'confidential'] }, want: 'public' },
  ],
  [
    'then a value for the format',
    { given: { kind: 'string', format: 'date-time' }, want: '2025-01-15T09:30:00Z' },
  ],
  [
    'E.164 is a format',
    { given: { kind: 'string', format: '+E.164' }, want: expect.stringMatching(/^\+131255501\d\d$/) },
  ],
  ['then a value from the name, never the bare name', { given: { kind: 'string' }, want: 'my-field' }],
  [
    'a placeholder example counts as missing',
    { given: { kind: 'string', example: 'field', format: 'email' }, want: 'user@example.com' },
  ],
  [
    'an array example of placeholders too',
    {
      given: { kind: 'array', items: { kind: 'string', format: 'email' }, example: ['+E.164'] },
      want: ['user@example.com'],
    },
  ],
  [
    'an empty example is no example',
    { given: { kind: 'string', example: '', format: 'email' }, want: 'user@example.com' },
  ],
  ['integers and booleans', { given: { kind: 'array', items: { kind: 'integer' } }, want: [1] }],
  [
    'only required fields, never readOnly ones, recursively',
    {
      given: {
        kind: 'object',
        properties: [
          prop('id', { kind: 'string' }, { readOnly: true }),
          prop('name', { kind: 'string', example: 'n' }),
          prop('note', { kind: 'string' }, { required: false }),
          prop('inner', {
            kind: 'object',
            properties: [
              prop('flag', { kind: 'boolean', example: false }),
              prop('opt', { kind: 'integer' }, { required: false }),
            ],
          }),
        ],
      },
      want: { name: 'n', inner: { flag: false } },
    },
  ],
  [
    'a cycle stops instead of recursing',
    { given: { kind: 'ref', name: 'Node' }, want: { id: uuidFor('id'), child: null } },
  ],
  [
    'a discriminated union sets its tag',
    {
      given: {
        kind: 'union',
        variants: [{ kind: 'ref', name: 'Cat' }],
        discriminator: { property: 'kind', mapping: [{ value: 'cat', type: 'Cat' }] },
      },
      want: { kind: 'cat', meow: true },
    },
  ],
  [
    'an undiscriminated union takes its first non-null variant',
    { given: { kind: 'union', variants: [{ kind: 'null' }, { kind: 'integer', example: 7 }] }, want: 7 },
  ],
  [
    'a free-form object takes its example',
    { given: { kind: 'object', properties: [], example: { a: 1 } }, want: { a: 1 } },
  ],
];

describe('example values', () => {
  it.each(cases)('%s', (_, { given, want }) => expect(json(given)).toEqual(want));

  it('marks enum values and component objects for typed languages', () => {
    expect(exampleOf({ kind: 'string', enum: ['x'] }, 'f', env)).toEqual({
      kind: 'string',
      value: 'x',
      enum: true,
    });
    expect(exampleOf({ kind: 'ref', name: 'Cat' }, 'f', env)).toMatchObject({ kind: 'object', ref: 'Cat' });
  });

  it('treats binary strings as uploads only inside multipart and binary bodies', () => {
    expect(exampleOf({ kind: 'string', format: 'binary' }, 'file', env, { upload: true })).toEqual({
      kind: 'file',
      path: 'path/to/file',
    });
    expect(exampleOf({ kind: 'string', format: 'binary' }, 'file', env, { upload: false })).toEqual({
      kind: 'string',
      value: 'report.pdf',
    });
  });
});

describe('made-up values within the schema bounds', () => {
  const bounded: [string, { given: TypeNode; want: unknown }][] = [
    ['an integer at its minimum', { given: { kind: 'integer', minimum: 10 }, want: 10 }],
    ['an integer under its maximum', { given: { kind: 'integer', maximum: 0 }, want: 0 }],
    [
      'a value cut to maxLength, no dangling separator',
      { given: { kind: 'string', maxLength: 3 }, want: 'my' },
    ],
    ['a value padded to minLength', { given: { kind: 'string', minLength: 10 }, want: 'my-field__' }],
    // Capped: these ran out of memory (generator/examples/limits.ts; linted as absurd-bound).
    [
      'a huge minLength pads to 1000 characters at most',
      { given: { kind: 'string', minLength: 500_000_000 }, want: 'my-field'.padEnd(1000, '_') },
    ],
    [
      'a huge minItems gives 10 items at most',
      {
        given: { kind: 'array', minItems: 100_000_000, items: { kind: 'integer' } },
        want: Array(10).fill(1),
      },
    ],
  ];
  it.each(bounded)('%s', (_, { given, want }) => expect(json(given)).toEqual(want));

  it('arrays nested in arrays share a budget of 100 copies', () => {
    const grid = (depth: number): TypeNode =>
      depth === 0 ? { kind: 'integer' } : { kind: 'array', minItems: 50, items: grid(depth - 1) };
    const value = json(grid(4)) as number[][][][];
    expect([value.length, value[0].length, value[0][0].length, value[0][0][0].length]).toEqual([
      10, 10, 1, 1,
    ]);
  });
});
