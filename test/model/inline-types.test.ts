/**
 * Inline objects inside a component become named types under it (generator/model/schemas.ts), so
 * every emitter names them the same: `Owner.property`, and union variants by their tag or position.
 */
import { describe, expect, it } from 'vitest';
import type { TypeNode } from '../../generator/model/types.ts';
import { namedTypes } from './fragment.ts';
import { OTHERS, prop, ref, STRING } from './schema-table.ts';

describe('inline objects become named types under their owner', () => {
  const cases: [string, { given: unknown; want: Record<string, TypeNode> }][] = [
    [
      'an object property: Owner.property',
      {
        given: {
          type: 'object',
          properties: { address: { type: 'object', properties: { city: { type: 'string' } } } },
        },
        want: {
          Subject: {
            kind: 'object',
            properties: [prop('address', { kind: 'ref', name: 'Subject.address' })],
          },
          'Subject.address': { kind: 'object', properties: [prop('city', STRING)] },
        },
      },
    ],
    [
      'the items of an array property, nested two deep',
      {
        given: {
          type: 'object',
          properties: {
            stops: {
              type: 'array',
              items: {
                type: 'object',
                properties: { at: { type: 'object', properties: { x: { type: 'number' } } } },
              },
            },
          },
        },
        want: {
          Subject: {
            kind: 'object',
            properties: [prop('stops', { kind: 'array', items: { kind: 'ref', name: 'Subject.stops' } })],
          },
          'Subject.stops': {
            kind: 'object',
            properties: [prop('at', { kind: 'ref', name: 'Subject.stops.at' })],
          },
          'Subject.stops.at': { kind: 'object', properties: [prop('x', { kind: 'number' })] },
        },
      },
    ],
    [
      'nullable and description stay with the property, not the named type',
      {
        given: {
          type: 'object',
          properties: {
            address: {
              type: 'object',
              nullable: true,
              description: 'Where.',
              properties: { city: { type: 'string' } },
            },
          },
        },
        want: {
          Subject: {
            kind: 'object',
            properties: [
              prop('address', {
                kind: 'ref',
                name: 'Subject.address',
                nullable: true,
                description: 'Where.',
              }),
            ],
          },
          'Subject.address': { kind: 'object', properties: [prop('city', STRING)] },
        },
      },
    ],
    [
      'a free-form object property stays inline',
      {
        given: { type: 'object', properties: { meta: { type: 'object' } } },
        want: {
          Subject: {
            kind: 'object',
            properties: [
              prop('meta', { kind: 'object', properties: [], additional: true, additionalImplied: true }),
            ],
          },
        },
      },
    ],
    [
      "a schema's own oneOf of objects: variants named by the value that tells them apart",
      {
        given: {
          oneOf: [
            { type: 'object', properties: { type: { const: 'sms' }, to: { type: 'string' } } },
            { type: 'object', properties: { type: { const: 'voice.call' }, number: { type: 'string' } } },
          ],
        },
        want: {
          Subject: {
            kind: 'union',
            variants: [
              { kind: 'ref', name: 'Subject.sms' },
              { kind: 'ref', name: 'Subject.voice_call' },
            ],
          },
          'Subject.sms': {
            kind: 'object',
            properties: [prop('type', { kind: 'string', enum: ['sms'] }), prop('to', STRING)],
          },
          'Subject.voice_call': {
            kind: 'object',
            properties: [prop('type', { kind: 'string', enum: ['voice.call'] }), prop('number', STRING)],
          },
        },
      },
    ],
    [
      "a property's oneOf without such a value: <property>_union_member_<i>",
      {
        given: {
          type: 'object',
          properties: {
            target: {
              oneOf: [
                { type: 'object', properties: { a: { type: 'string' } } },
                { type: 'string' },
                { type: 'object', properties: { b: { type: 'string' } } },
              ],
            },
          },
        },
        want: {
          Subject: {
            kind: 'object',
            properties: [
              prop('target', {
                kind: 'union',
                variants: [
                  { kind: 'ref', name: 'Subject.target_union_member_0' },
                  STRING,
                  { kind: 'ref', name: 'Subject.target_union_member_2' },
                ],
              }),
            ],
          },
          'Subject.target_union_member_0': { kind: 'object', properties: [prop('a', STRING)] },
          'Subject.target_union_member_2': { kind: 'object', properties: [prop('b', STRING)] },
        },
      },
    ],
    [
      "a property's only inline variant takes the property's name",
      {
        given: {
          type: 'object',
          properties: {
            owner: {
              oneOf: [{ $ref: ref('Pet') }, { type: 'object', properties: { a: { type: 'string' } } }],
            },
          },
        },
        want: {
          Subject: {
            kind: 'object',
            properties: [
              prop('owner', {
                kind: 'union',
                variants: [
                  { kind: 'ref', name: 'Pet' },
                  { kind: 'ref', name: 'Subject.owner' },
                ],
              }),
            ],
          },
          'Subject.owner': { kind: 'object', properties: [prop('a', STRING)] },
        },
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const { Pet: _pet, ...types } = namedTypes({ Pet: OTHERS.Pet, Subject: given });
    expect(types).toEqual(want);
  });
});
