/**
 * Responses -> the success response's kind and type, and the error responses
 * (generator/model/operations.ts): the first 2xx decides, JSON over the other media types.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, SuccessResponse, TypeNode } from '../../generator/model/types.ts';
import { operation } from './fragment.ts';

const COMPONENTS = {
  schemas: { Pet: { type: 'object', properties: { name: { type: 'string' } } }, Errors: { type: 'object' } },
  responses: {
    PetResponse: {
      description: 'A pet.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
    },
  },
};
const responsesOf = (responses: object) => operation({ '/pets': { get: { responses } } }, COMPONENTS);

const PET: TypeNode = { kind: 'ref', name: 'Pet' };
const ERRORS: TypeNode = { kind: 'ref', name: 'Errors' };
const with_ = (mediaType: string, schema: object = { $ref: '#/components/schemas/Pet' }) => ({
  description: 'ok',
  content: { [mediaType]: { schema } },
});
const STREAM = { type: 'string', format: 'binary' };

describe('the success response', () => {
  const cases: [string, { given: object; want: SuccessResponse }][] = [
    [
      'JSON',
      {
        given: { '200': with_('application/json') },
        want: { status: '200', kind: 'json', mediaType: 'application/json', type: PET },
      },
    ],
    ['204: none', { given: { '204': { description: 'done' } }, want: { status: '204', kind: 'none' } }],
    [
      '204 with content is still none',
      { given: { '204': with_('application/json') }, want: { status: '204', kind: 'none' } },
    ],
    [
      'a 2xx without content: none',
      { given: { '201': { description: 'made' } }, want: { status: '201', kind: 'none' } },
    ],
    [
      'the lowest 2xx decides',
      {
        given: { '202': { description: 'later' }, '200': with_('application/json') },
        want: { status: '200', kind: 'json', mediaType: 'application/json', type: PET },
      },
    ],
    [
      'no 2xx: none, from default',
      {
        given: { default: with_('application/json', { $ref: '#/components/schemas/Errors' }) },
        want: { status: 'default', kind: 'none' },
      },
    ],
    [
      'bytes',
      {
        given: { '200': with_('application/octet-stream', STREAM) },
        want: { status: '200', kind: 'binary', mediaType: 'application/octet-stream' },
      },
    ],
    [
      'a PDF is bytes',
      {
        given: { '200': with_('application/pdf', STREAM) },
        want: { status: '200', kind: 'binary', mediaType: 'application/pdf' },
      },
    ],
    [
      'plain text',
      {
        given: { '200': with_('text/plain', { type: 'string' }) },
        want: { status: '200', kind: 'text', mediaType: 'text/plain' },
      },
    ],
    [
      'CSV',
      {
        given: { '200': with_('text/csv', { type: 'string' }) },
        want: { status: '200', kind: 'csv', mediaType: 'text/csv' },
      },
    ],
    [
      'server-sent events keep the event type',
      {
        given: { '200': with_('text/event-stream') },
        want: { status: '200', kind: 'sse', mediaType: 'text/event-stream', type: PET },
      },
    ],
    [
      'JSON wins over other media types of the same response',
      {
        given: {
          '200': {
            description: 'ok',
            content: {
              'application/pdf': { schema: STREAM },
              'application/json': { schema: { $ref: '#/components/schemas/Pet' } },
            },
          },
        },
        want: { status: '200', kind: 'json', mediaType: 'application/json', type: PET },
      },
    ],
    [
      'a $ref to components/responses',
      {
        given: { '200': { $ref: '#/components/responses/PetResponse' } },
        want: { status: '200', kind: 'json', mediaType: 'application/json', type: PET },
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(responsesOf(given).response).toEqual(want));
});

describe('error responses', () => {
  it('every non-2xx status, sorted, typed when JSON', () => {
    const errors = with_('application/json', { $ref: '#/components/schemas/Errors' });
    const given = {
      default: errors,
      '422': errors,
      '200': with_('application/json'),
      '404': { description: 'gone' },
    };
    const want: ErrorResponse[] = [
      { status: '404' },
      { status: '422', type: ERRORS },
      { status: 'default', type: ERRORS },
    ];
    expect(responsesOf(given).errors).toEqual(want);
  });
});
