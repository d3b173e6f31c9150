/**
 * Parameter objects -> model Parameters (generator/model/parameters.ts, operations.ts): the wire style
 * resolved from location, style and explode, path parameters always required, the example, and the
 * merged, ordered list. (test/surface/ checks how the SDK sends each style.)
 */
import { describe, expect, it } from 'vitest';
import type { Parameter, ParamStyle, TypeNode } from '../../generator/model/types.ts';
import { operation } from './fragment.ts';

/** The parameters of `GET path` declaring `parameters` (plus path-level ones and components). */
const paramsOf = (
  parameters: unknown[],
  path = '/things/{id}',
  more: { pathLevel?: unknown[]; components?: object } = {},
) =>
  operation(
    {
      [path]: {
        parameters: more.pathLevel,
        get: { parameters, responses: { '204': { description: 'done' } } },
      },
    },
    more.components,
  ).params;

const INTEGER = { kind: 'integer' } as const;
const OBJECT = { type: 'object', properties: { number: { type: 'integer' } } };
const OBJECT_NODE: TypeNode = {
  kind: 'object',
  properties: [{ name: 'number', type: INTEGER, required: false, readOnly: false, writeOnly: false }],
};
/** A Parameter as the model writes it: optional, not deprecated, an integer unless `extra` says else. */
const param = (name: string, location: Parameter['in'], style: ParamStyle, extra: Partial<Parameter> = {}) =>
  ({ name, in: location, required: false, type: INTEGER, deprecated: false, style, ...extra }) as Parameter;

describe('one parameter', () => {
  const cases: [string, { given: object; want: Parameter }][] = [
    [
      'query: form, optional',
      {
        given: { name: 'limit', in: 'query', schema: { type: 'integer' } },
        want: param('limit', 'query', 'form'),
      },
    ],
    [
      'path: required whatever it says, simple',
      {
        given: { name: 'id', in: 'path', required: false, schema: { type: 'integer' } },
        want: param('id', 'path', 'simple', { required: true }),
      },
    ],
    [
      'path: simple even when it declares another style',
      {
        given: { name: 'id', in: 'path', style: 'label', schema: { type: 'integer' } },
        want: param('id', 'path', 'simple', { required: true }),
      },
    ],
    [
      'header: simple',
      {
        given: { name: 'X-Trace', in: 'header', required: true, schema: { type: 'integer' } },
        want: param('X-Trace', 'header', 'simple', { required: true }),
      },
    ],
    [
      'cookie: form',
      {
        given: { name: 'session', in: 'cookie', schema: { type: 'integer' } },
        want: param('session', 'cookie', 'form'),
      },
    ],
    [
      'query form with explode: false joins with commas',
      {
        given: { name: 'ids', in: 'query', explode: false, schema: { type: 'integer' } },
        want: param('ids', 'query', 'form-comma'),
      },
    ],
    [
      'pipeDelimited, not exploded by default',
      {
        given: { name: 'ids', in: 'query', style: 'pipeDelimited', schema: { type: 'integer' } },
        want: param('ids', 'query', 'pipe-delimited'),
      },
    ],
    [
      'a declared deepObject',
      {
        given: { name: 'page', in: 'query', style: 'deepObject', explode: true, schema: OBJECT },
        want: param('page', 'query', 'deep-object', { type: OBJECT_NODE }),
      },
    ],
    [
      'an object query parameter without a style is a deep object (the Telnyx convention)',
      {
        given: { name: 'page', in: 'query', schema: OBJECT },
        want: param('page', 'query', 'deep-object', { type: OBJECT_NODE }),
      },
    ],
    [
      'description, deprecated and example',
      {
        given: {
          name: 'q',
          in: 'query',
          description: 'Search.',
          deprecated: true,
          example: 7,
          schema: { type: 'integer' },
        },
        want: param('q', 'query', 'form', { description: 'Search.', deprecated: true, example: 7 }),
      },
    ],
    [
      'without `example`, the first entry of `examples`',
      {
        given: {
          name: 'q',
          in: 'query',
          examples: { one: { value: 1 }, two: { value: 2 } },
          schema: { type: 'integer' },
        },
        want: param('q', 'query', 'form', { example: 1 }),
      },
    ],
    [
      'no schema: unknown type',
      { given: { name: 'q', in: 'query' }, want: param('q', 'query', 'form', { type: { kind: 'unknown' } }) },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(paramsOf([given], '/things/{id}')).toEqual([want]);
  });
});

describe('the parameter list', () => {
  const q = (name: string, extra: object = {}) => ({
    name,
    in: 'query',
    schema: { type: 'integer' },
    ...extra,
  });
  const summary = (params: Parameter[]) =>
    params.map((p) => `${p.in} ${p.name}${p.description ? ` (${p.description})` : ''}`);

  it('resolves $ref to components/parameters', () => {
    const params = paramsOf([{ $ref: '#/components/parameters/Limit' }], '/things', {
      components: { parameters: { Limit: q('limit', { description: 'At most.' }) } },
    });
    expect(summary(params)).toEqual(['query limit (At most.)']);
  });

  it.each<
    [string, { given: { path: string; pathLevel?: unknown[]; parameters: unknown[] }; want: string[] }]
  >([
    [
      'operation-level wins over path-level for the same name and location',
      {
        given: {
          path: '/things',
          pathLevel: [q('limit', { description: 'path level' }), q('offset')],
          parameters: [q('limit', { description: 'operation level' })],
        },
        want: ['query limit (operation level)', 'query offset'],
      },
    ],
    [
      'path parameters in template order, then by location and name',
      {
        given: {
          path: '/a/{second}/b/{first}',
          parameters: [
            q('zeta'),
            { name: 'X-Id', in: 'header', schema: { type: 'string' } },
            { name: 'first', in: 'path', schema: { type: 'string' } },
            q('alpha'),
            { name: 'second', in: 'path', schema: { type: 'string' } },
          ],
        },
        want: ['path second', 'path first', 'header X-Id', 'query alpha', 'query zeta'],
      },
    ],
    [
      'a path parameter the path does not use is left out',
      {
        given: {
          path: '/things',
          parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }, q('limit')],
        },
        want: ['query limit'],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(summary(paramsOf(given.parameters, given.path, { pathLevel: given.pathLevel }))).toEqual(want);
  });

  it('names the idempotency header when the operation declares one', () => {
    const header = { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } };
    const op = operation({
      '/things': { get: { parameters: [header], responses: { '204': { description: 'done' } } } },
    });
    expect(op.idempotencyHeader).toBe('Idempotency-Key');
  });
});
