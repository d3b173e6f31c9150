/**
 * Schema -> TypeNode (generator/model/schemas.ts) for allOf, oneOf/anyOf with and without a
 * discriminator, and $ref: a component stays a named reference, anything else is expanded in place.
 */
import { describe, expect, it } from 'vitest';
import { makeResolver } from '../../generator/model/resolve.ts';
import type { ObjectNode, TypeNode } from '../../generator/model/index.ts';
import { typeOf } from './fragment.ts';
import { prop, ref, schemaTable, STRING } from './schema-table.ts';

describe('allOf, oneOf, anyOf', () => {
  const cat = { kind: 'ref', name: 'Cat' } as const;
  const dog = { kind: 'ref', name: 'Dog' } as const;
  schemaTable([
    [
      'allOf of refs',
      {
        given: { allOf: [{ $ref: ref('Cat') }, { $ref: ref('Dog') }] },
        want: { kind: 'intersection', parts: [cat, dog] },
      },
    ],
    [
      'additionalProperties beside a $ref open the referenced object to other keys',
      {
        given: { $ref: ref('Pet'), additionalProperties: true, description: 'A pet, and more' },
        want: {
          kind: 'intersection',
          parts: [
            { kind: 'ref', name: 'Pet' },
            { kind: 'object', properties: [], additional: true },
          ],
          description: 'A pet, and more',
        },
      },
    ],
    [
      'additionalProperties beside a $ref to a non-object constrain nothing',
      {
        given: { $ref: ref('Id'), additionalProperties: true },
        want: { kind: 'ref', name: 'Id' },
      },
    ],
    [
      'a $ref with other siblings stays a reference',
      {
        given: { $ref: ref('Pet'), description: 'A pet' },
        want: { kind: 'ref', name: 'Pet', description: 'A pet' },
      },
    ],
    [
      'allOf of one schema is that schema',
      { given: { allOf: [{ $ref: ref('Pet') }] }, want: { kind: 'ref', name: 'Pet' } },
    ],
    [
      'properties beside allOf are one more part',
      {
        given: { allOf: [{ $ref: ref('Pet') }], properties: { age: { type: 'integer' } } },
        want: {
          kind: 'intersection',
          parts: [
            { kind: 'ref', name: 'Pet' },
            { kind: 'object', properties: [prop('age', { kind: 'integer' })] },
          ],
        },
      },
    ],
    [
      'oneOf with a discriminator mapping, sorted by value',
      {
        given: {
          oneOf: [{ $ref: ref('Cat') }, { $ref: ref('Dog') }],
          discriminator: { propertyName: 'kind', mapping: { dog: ref('Dog'), cat: ref('Cat') } },
        },
        want: {
          kind: 'union',
          variants: [cat, dog],
          discriminator: {
            property: 'kind',
            mapping: [
              { value: 'cat', type: 'Cat' },
              { value: 'dog', type: 'Dog' },
            ],
          },
        },
      },
    ],
    [
      'a discriminator without a mapping',
      {
        given: {
          oneOf: [{ $ref: ref('Cat') }, { $ref: ref('Dog') }],
          discriminator: { propertyName: 'kind' },
        },
        want: { kind: 'union', variants: [cat, dog], discriminator: { property: 'kind', mapping: [] } },
      },
    ],
    [
      'one variant with a discriminator stays a union',
      {
        given: { oneOf: [{ $ref: ref('Cat') }], discriminator: { propertyName: 'kind' } },
        want: { kind: 'union', variants: [cat], discriminator: { property: 'kind', mapping: [] } },
      },
    ],
    [
      'anyOf: a union that says a value may match several variants',
      {
        given: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
        want: { kind: 'union', variants: [STRING, { kind: 'integer' }], anyOf: true },
      },
    ],
    [
      'properties beside oneOf hold for every variant; variants that only require are objects',
      {
        given: {
          type: 'object',
          properties: { a: { type: 'string' }, b: { type: 'string' } },
          oneOf: [{ required: ['a'] }, { required: ['b'] }],
        },
        want: {
          kind: 'intersection',
          parts: [
            { kind: 'object', properties: [prop('a', STRING), prop('b', STRING)] },
            {
              kind: 'union',
              variants: [
                {
                  kind: 'object',
                  properties: [],
                  requiresElsewhere: ['a'],
                  additional: true,
                  additionalImplied: true,
                },
                {
                  kind: 'object',
                  properties: [],
                  requiresElsewhere: ['b'],
                  additional: true,
                  additionalImplied: true,
                },
              ],
            },
          ],
        },
      },
    ],
  ]);
});

describe('required through a composition (Property.requiredByComposition)', () => {
  const resolve = makeResolver(new Map());
  const required = (node: TypeNode) =>
    (node as ObjectNode).properties.map((p) => [p.name, p.required, p.requiredByComposition ?? 'own']);

  it('a required-only allOf member requires what its siblings declare; what a part requires itself stays its own', () => {
    const merged = resolve(
      typeOf({
        allOf: [
          { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['b'] },
          { type: 'object', required: ['a', 'b'] },
        ],
      }),
    );
    expect(required(merged)).toEqual([
      ['a', true, 'always'],
      ['b', true, 'own'],
    ]);
  });

  it('a list beside oneOf requires in every variant, a variant that only requires requires alone', () => {
    const union = resolve(
      typeOf({
        type: 'object',
        properties: { to: { type: 'string' }, url: { type: 'string' }, texml: { type: 'string' } },
        required: ['to'],
        oneOf: [{ required: ['url'] }, { required: ['texml'] }],
      }),
    );
    expect(union.kind).toBe('union');
    const [first, second] = union.kind === 'union' ? union.variants : [];
    expect(required(first!)).toEqual([
      ['to', true, 'always'],
      ['url', true, 'variant'],
      ['texml', false, 'own'],
    ]);
    expect(required(second!)).toEqual([
      ['to', true, 'always'],
      ['url', false, 'own'],
      ['texml', true, 'variant'],
    ]);
  });

  it('the variants merged with what sits beside an anyOf are still an anyOf (several may match)', () => {
    const beside = { type: 'object', properties: { url: { type: 'string' }, texml: { type: 'string' } } };
    const anyOf = resolve(typeOf({ ...beside, anyOf: [{ required: ['url'] }, { required: ['texml'] }] }));
    const oneOf = resolve(typeOf({ ...beside, oneOf: [{ required: ['url'] }, { required: ['texml'] }] }));
    expect(anyOf.kind === 'union' && anyOf.anyOf).toBe(true);
    expect(oneOf.kind === 'union' && oneOf.anyOf).toBeUndefined();
  });
});

describe('$ref', () => {
  schemaTable([
    [
      'to a component schema: a named reference',
      { given: { $ref: ref('Pet') }, want: { kind: 'ref', name: 'Pet' } },
    ],
    ['an escaped component name', { given: { $ref: ref('a~1b') }, want: { kind: 'ref', name: 'a/b' } }],
    [
      'into another schema: expanded in place',
      { given: { $ref: `${ref('Pet')}/properties/name` }, want: STRING },
    ],
  ]);

  it('a ref into itself stops at the second visit', () => {
    const tree = { type: 'array', items: { $ref: `${ref('Tree')}/properties/children` } };
    const given = { $ref: `${ref('Tree')}/properties/children` };
    expect(typeOf(given, { Tree: { type: 'object', properties: { children: tree } } })).toEqual({
      kind: 'array',
      items: { kind: 'unknown' },
    });
  });
});
