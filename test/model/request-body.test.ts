/**
 * Request bodies -> model RequestBody (generator/model/operations.ts): one content per media type,
 * ordered json, multipart, form, binary, each with the top-level fields it requires.
 */
import { describe, expect, it } from 'vitest';
import type { RequestBody, TypeNode } from '../../generator/model/types.ts';
import { operation } from './fragment.ts';
import { prop } from './schema-table.ts';

const COMPONENTS = {
  schemas: {
    Pet: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, tag: { type: 'string' } },
    },
  },
  requestBodies: {
    NewPet: {
      required: true,
      description: 'The pet to add.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
    },
  },
};
const bodyOf = (requestBody: unknown) =>
  operation({ '/pets': { post: { requestBody, responses: { '204': { description: 'done' } } } } }, COMPONENTS)
    .body;

const PET: TypeNode = { kind: 'ref', name: 'Pet' };
const pet = { schema: { $ref: '#/components/schemas/Pet' } };

describe('request bodies', () => {
  const cases: [string, { given: unknown; want: RequestBody | undefined }][] = [
    [
      'a required inline JSON object (operation schemas stay inline here) and its required fields',
      {
        given: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['to'],
                properties: { to: { type: 'string' }, text: { type: 'string' } },
              },
            },
          },
        },
        want: {
          required: true,
          contents: [
            {
              kind: 'json',
              mediaType: 'application/json',
              type: {
                kind: 'object',
                properties: [
                  prop('to', { kind: 'string' }, { required: true }),
                  prop('text', { kind: 'string' }),
                ],
              },
              requiredFields: ['to'],
            },
          ],
        },
      },
    ],
    [
      'the required fields of a referenced schema; optional when it does not say required',
      {
        given: { content: { 'application/json': pet } },
        want: {
          required: false,
          contents: [{ kind: 'json', mediaType: 'application/json', type: PET, requiredFields: ['name'] }],
        },
      },
    ],
    [
      'required fields through allOf parts',
      {
        given: {
          content: {
            'application/json': { schema: { allOf: [pet.schema, { type: 'object', required: ['tag'] }] } },
          },
        },
        want: {
          required: false,
          contents: [
            {
              kind: 'json',
              mediaType: 'application/json',
              type: {
                kind: 'intersection',
                parts: [
                  PET,
                  {
                    kind: 'object',
                    properties: [],
                    requiresElsewhere: ['tag'],
                    additional: true,
                    additionalImplied: true,
                  },
                ],
              },
              requiredFields: ['name', 'tag'],
            },
          ],
        },
      },
    ],
    [
      'every content type, ordered json, multipart, form, binary',
      {
        given: {
          content: {
            'application/octet-stream': {},
            'application/x-www-form-urlencoded': pet,
            'multipart/form-data': pet,
            'application/json': pet,
          },
        },
        want: {
          required: false,
          contents: [
            { kind: 'json', mediaType: 'application/json', type: PET, requiredFields: ['name'] },
            { kind: 'multipart', mediaType: 'multipart/form-data', type: PET, requiredFields: ['name'] },
            {
              kind: 'form',
              mediaType: 'application/x-www-form-urlencoded',
              type: PET,
              requiredFields: ['name'],
            },
            {
              kind: 'binary',
              mediaType: 'application/octet-stream',
              type: { kind: 'unknown' },
              requiredFields: [],
            },
          ],
        },
      },
    ],
    [
      'a vendor JSON media type is JSON',
      {
        given: { content: { 'application/vnd.api+json': pet } },
        want: {
          required: false,
          contents: [
            { kind: 'json', mediaType: 'application/vnd.api+json', type: PET, requiredFields: ['name'] },
          ],
        },
      },
    ],
    [
      'any media type with an object schema is JSON',
      {
        given: { content: { '*/*': pet } },
        want: {
          required: false,
          contents: [{ kind: 'json', mediaType: '*/*', type: PET, requiredFields: ['name'] }],
        },
      },
    ],
    [
      'any media type without a schema is bytes',
      {
        given: { content: { '*/*': {} } },
        want: {
          required: false,
          contents: [{ kind: 'binary', mediaType: '*/*', type: { kind: 'unknown' }, requiredFields: [] }],
        },
      },
    ],
    [
      'an image upload is bytes',
      {
        given: { required: true, content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } },
        want: {
          required: true,
          contents: [
            {
              kind: 'binary',
              mediaType: 'image/png',
              type: { kind: 'string', format: 'binary' },
              requiredFields: [],
            },
          ],
        },
      },
    ],
    [
      'a $ref to components/requestBodies, with its description',
      {
        given: { $ref: '#/components/requestBodies/NewPet' },
        want: {
          required: true,
          description: 'The pet to add.',
          contents: [{ kind: 'json', mediaType: 'application/json', type: PET, requiredFields: ['name'] }],
        },
      },
    ],
    ['a body without content is no body', { given: { description: 'Nothing.' }, want: undefined }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(bodyOf(given)).toEqual(want));
});
