/**
 * Given/want tables for the surface stage: a spec fragment in, the SDK decision out. One table per
 * decision: signature, parameter styles, body shape, result, documented inputs, example inputs.
 */
import { describe, expect, it } from 'vitest';
import { toJson } from '../../generator/examples/examples.ts';
import { makeResolver } from '../../generator/model/index.ts';
import { bodyShape, membersOf, withJsonFields } from '../../generator/surface/method.ts';
import { build, json, obj } from './support.ts';

const list = json(obj({ data: { type: 'array', items: obj({ id: { type: 'string' } }) } }));
const thing = json(obj({ data: obj({ id: { type: 'string' } }) }));
const query = (name: string, schema: unknown, extra: object = {}) => ({
  name,
  in: 'query',
  schema,
  ...extra,
});
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

describe('method signature', () => {
  const cases: [string, { given: Record<string, unknown>; want: object }][] = [
    [
      'no inputs: no arguments',
      { given: { '/things': { get: { responses: list } } }, want: { args: '()', hasParams: false } },
    ],
    [
      'the last path parameter is positional, camelCased with ID',
      {
        given: { '/things/{thing_id}': { get: { parameters: [pathParam('thing_id')], responses: thing } } },
        want: { args: '(thingID)', positional: { arg: 'thingID', wire: 'thing_id' }, hasParams: false },
      },
    ],
    [
      'a path parameter the spec types as an integer also takes a number',
      {
        given: {
          '/things/{thing_id}': {
            get: {
              parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'integer' } }],
              responses: thing,
            },
          },
        },
        want: { positional: { arg: 'thingID', wire: 'thing_id', numeric: true } },
      },
    ],
    [
      'an earlier path parameter is a required member',
      {
        given: {
          '/owners/{owner_id}/things/{thing_id}': {
            get: { parameters: [pathParam('owner_id'), pathParam('thing_id')], responses: thing },
          },
        },
        want: { args: '(thingID, { ...params })', hasParams: true, paramsRequired: true },
      },
    ],
    [
      'only optional query parameters: an optional params object',
      {
        given: { '/things': { get: { parameters: [query('q', { type: 'string' })], responses: list } } },
        want: { args: '({ ...params })', hasParams: true, paramsRequired: false },
      },
    ],
    [
      'a required body field makes the params object required',
      {
        given: {
          '/things': {
            post: {
              requestBody: {
                content: { 'application/json': { schema: obj({ name: { type: 'string' } }, ['name']) } },
              },
              responses: thing,
            },
          },
        },
        want: { paramsType: 'ThingCreateParams', responseType: 'ThingCreateResponse', paramsRequired: true },
      },
    ],
    [
      'raw bytes follow the path parameter, before the params object',
      {
        given: {
          '/stores/{store_id}/keys/{key}': {
            put: {
              parameters: [pathParam('store_id'), pathParam('key')],
              requestBody: {
                required: true,
                content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
              },
              responses: thing,
            },
          },
        },
        want: { args: '(key, body, { ...params })', bodyArg: 'positional', hasParams: true },
      },
    ],
    [
      'an array body alone is the argument',
      {
        given: {
          '/things/validate': {
            post: {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
              },
              responses: thing,
            },
          },
        },
        want: { args: '([ ...body ])', bodyArg: 'params', hasParams: true },
      },
    ],
    [
      'a GET sends no body, whatever the spec declares',
      {
        given: {
          '/things': {
            get: {
              requestBody: { content: { 'application/octet-stream': { schema: { type: 'string' } } } },
              responses: list,
            },
          },
        },
        want: { args: '()', hasParams: false },
      },
    ],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    expect(build({ paths: given }).surface.signature).toMatchObject(want);
  });
});

describe('parameter wire style, resolved once', () => {
  const filter = obj({ status: { type: 'string' } });
  const cases: [string, { given: object; want: { style: string; finding?: boolean } }][] = [
    ['a scalar query parameter is form', { given: query('q', { type: 'string' }), want: { style: 'form' } }],
    [
      'an array with explode: false joins with commas',
      {
        given: query('ids', { type: 'array', items: { type: 'string' } }, { explode: false }),
        want: { style: 'form-comma' },
      },
    ],
    [
      'pipeDelimited',
      {
        given: query('ids', { type: 'array', items: { type: 'string' } }, { style: 'pipeDelimited' }),
        want: { style: 'pipe-delimited' },
      },
    ],
    [
      'spaceDelimited exploded is plain repeated keys',
      {
        given: query(
          'ids',
          { type: 'array', items: { type: 'string' } },
          { style: 'spaceDelimited', explode: true },
        ),
        want: { style: 'form' },
      },
    ],
    [
      'a declared deepObject',
      { given: query('filter', filter, { style: 'deepObject' }), want: { style: 'deep-object' } },
    ],
    [
      'an object without a style is a deep object by the Telnyx convention, and a finding says so',
      { given: query('filter', filter), want: { style: 'deep-object', finding: true } },
    ],
    [
      'an object declared form with explode: false stays form (commas)',
      { given: query('filter', filter, { style: 'form', explode: false }), want: { style: 'form-comma' } },
    ],
    [
      'a header is simple',
      { given: { name: 'X-Trace', in: 'header', schema: { type: 'string' } }, want: { style: 'simple' } },
    ],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    const built = build({ paths: { '/things': { get: { parameters: [given], responses: list } } } });
    expect(built.surface.members[0].style).toBe(want.style);
    expect(built.findings.some((f) => f.rule === 'object-query-parameter-style')).toBe(want.finding ?? false);
  });
});

describe('body shape', () => {
  const post = (content: object, extra: object = {}) => ({
    '/things': { post: { requestBody: { required: true, content, ...extra }, responses: thing } },
  });
  const cases: [
    string,
    { given: Record<string, unknown>; want: { kind: string; members: string[]; keys?: string[] } },
  ][] = [
    [
      'an object body: its fields are members, readOnly ones left out',
      {
        given: post({
          'application/json': {
            schema: obj({ id: { type: 'string', readOnly: true }, name: { type: 'string' } }),
          },
        }),
        want: { kind: 'fields', members: ['body:name'] },
      },
    ],
    [
      'a union of objects: variants, no members of its own',
      {
        given: post({
          'application/json': {
            schema: { oneOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' } })] },
          },
        }),
        want: { kind: 'variants', members: [] },
      },
    ],
    [
      'an array body with nothing beside it is the `body` member (or the params themselves)',
      {
        given: post({ 'application/json': { schema: { type: 'array', items: { type: 'string' } } } }),
        want: { kind: 'whole', members: ['body:body'] },
      },
    ],
    [
      'raw bytes are an argument of their own',
      {
        given: post({ 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }),
        want: { kind: 'whole', members: [] },
      },
    ],
    [
      'a body field named like a query parameter is shadowed by it (first location wins)',
      {
        given: {
          '/things': {
            post: {
              parameters: [query('name', { type: 'string' })],
              requestBody: { content: { 'application/json': { schema: obj({ name: { type: 'string' } }) } } },
              responses: thing,
            },
          },
        },
        want: { kind: 'fields', members: ['query:name'] },
      },
    ],
    [
      'a header named like a body field is taken as header_<name>',
      {
        given: {
          '/things': {
            post: {
              parameters: [{ name: 'PAYMENT-SIGNATURE', in: 'header', schema: { type: 'string' } }],
              requestBody: {
                content: { 'application/json': { schema: obj({ payment_signature: { type: 'string' } }) } },
              },
              responses: thing,
            },
          },
        },
        want: {
          kind: 'fields',
          members: ['header:PAYMENT-SIGNATURE', 'body:payment_signature'],
          keys: ['header_payment_signature', 'payment_signature'],
        },
      },
    ],
    [
      'a field the spec names for SDKs (x-stainless-param) is taken under that name too',
      {
        given: {
          '/things': {
            post: {
              requestBody: {
                content: {
                  'application/json': {
                    schema: obj({ Timeout: { type: 'integer', 'x-stainless-param': 'timeout_seconds' } }),
                  },
                },
              },
              responses: thing,
            },
          },
        },
        want: {
          kind: 'fields',
          members: ['body:Timeout', 'body:Timeout'],
          keys: ['Timeout', 'timeout_seconds'],
        },
      },
    ],
  ];
  it('a union body takes a field the spec names for SDKs under that name too, in every variant', () => {
    const timeout = { type: 'integer', 'x-stainless-param': 'timeout_seconds' };
    const schema = {
      properties: { Timeout: timeout },
      oneOf: [{ required: ['Url'] }, { required: ['Texml'] }],
    };
    const { surface } = build({ paths: post({ 'application/json': { schema } }) });
    expect(surface.body.kind).toBe('variants');
    expect(surface.body.kind === 'variants' && surface.body.aliases).toEqual({ timeout_seconds: 'Timeout' });
    // The documented inputs stay the spec's (the alias is the TypeScript params' extra key).
    expect(surface.members).toEqual([]);
  });

  it('a multipart body the operation takes as JSON too takes the JSON fields, a file as either value', () => {
    const { api, op } = build({
      paths: post({
        'application/json': {
          schema: obj({ file: { type: 'string', format: 'byte' }, url: { type: 'string' } }, ['url']),
        },
        'multipart/form-data': { schema: obj({ file: { type: 'string', format: 'binary' } }) },
      }),
    });
    const resolve = makeResolver(new Map(api.types.map((t) => [t.name, t])));
    const shape = withJsonFields(bodyShape(op, resolve, 'multipart'), bodyShape(op, resolve, 'json'));
    expect(shape.kind === 'fields' && shape.jsonToo).toBe(true);
    const members = membersOf(op, shape, undefined, resolve).map((m) => m.property);
    expect(members.map((p) => [p.name, p.required, p.type.kind])).toEqual([
      ['file', false, 'union'],
      ['url', false, 'string'],
    ]);
    // Only a multipart body gains them; the JSON body stays as the spec has it.
    expect(withJsonFields(bodyShape(op, resolve, 'json'), bodyShape(op, resolve, 'json'))).toEqual(
      bodyShape(op, resolve, 'json'),
    );
  });

  it.each(cases)('%s', (_, { given, want }) => {
    const { surface } = build({ paths: given });
    expect(surface.body.kind).toBe(want.kind);
    expect(surface.members.map((m) => `${m.in}:${m.wire}`)).toEqual(want.members);
    if (want.keys) expect(surface.members.map((m) => m.property.name)).toEqual(want.keys);
  });
});

describe('result', () => {
  const get = (responses: object, parameters: object[] = []) => ({
    '/things': { get: { parameters, responses } },
  });
  const pageParams = [query('page', obj({ number: { type: 'integer' }, size: { type: 'integer' } }))];
  const cases: [string, { given: Record<string, unknown>; want: object }][] = [
    ['a JSON object', { given: get(thing), want: { shape: 'json', kind: 'json' } }],
    ['a paged list is iterated', { given: get(list, pageParams), want: { shape: 'list' } }],
    [
      'TeXML pages are documents, not auto-paged',
      {
        given: get(json(obj({ calls: { type: 'array', items: obj({ sid: { type: 'string' } }) } })), [
          query('PageSize', { type: 'integer' }),
        ]),
        want: { shape: 'json' },
      },
    ],
    [
      'a PDF is a download with its media type',
      {
        given: get({
          200: { description: 'ok', content: { 'application/pdf': { schema: { type: 'string' } } } },
        }),
        want: { shape: 'download', media: 'application/pdf' },
      },
    ],
    [
      'CSV is text',
      {
        given: get({ 200: { description: 'ok', content: { 'text/csv': { schema: { type: 'string' } } } } }),
        want: { shape: 'text', kind: 'csv' },
      },
    ],
    ['204 is nothing', { given: get({ 204: { description: 'gone' } }), want: { shape: 'none' } }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    expect(build({ paths: given }).surface.result).toMatchObject(want);
  });

  it('pagination is data: page class, wire params and the items field', () => {
    const { op } = build({ paths: get(list, pageParams) });
    expect(op.pagination).toMatchObject({
      style: 'page-number',
      pageClass: 'DefaultPagination',
      params: ['page[number]', 'page[size]'],
      autoPaging: true,
      itemsField: 'data',
    });
  });
});

describe('documented inputs', () => {
  const cases: [
    string,
    { given: Record<string, unknown>; want: { required: string[]; optional: string[] } },
  ][] = [
    [
      'a deep object is listed by its wire keys, also when the style came from the convention',
      {
        given: {
          '/things': {
            get: {
              parameters: [query('filter', obj({ status: { type: 'string' }, kind: { type: 'string' } }))],
              responses: list,
            },
          },
        },
        want: { required: [], optional: ['filter[status]', 'filter[kind]'] },
      },
    ],
    [
      'a union body: a field is required when every variant requires it',
      {
        given: {
          '/things': {
            post: {
              requestBody: {
                content: {
                  'application/json': {
                    schema: {
                      oneOf: [
                        obj({ to: { type: 'string' }, text: { type: 'string' } }, ['to', 'text']),
                        obj({ to: { type: 'string' }, media: { type: 'string' } }, ['to']),
                      ],
                    },
                  },
                },
              },
              responses: thing,
            },
          },
        },
        want: { required: ['to'], optional: ['text', 'media'] },
      },
    ],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    const { surface } = build({ paths: given });
    expect(surface.required).toEqual(want.required);
    expect(surface.optional.map((f) => f.name)).toEqual(want.optional);
  });
});

describe('example inputs', () => {
  it("a parameter's `examples` map is used when it has no `example`", () => {
    const { surface } = build({
      paths: {
        '/things': {
          get: {
            parameters: [
              query(
                'dimensions',
                { type: 'array', items: { type: 'string' } },
                {
                  required: true,
                  examples: { usual: { $ref: '#/components/examples/Dims' } },
                },
              ),
            ],
            responses: list,
          },
        },
      },
      examples: { Dims: { value: ['direction', 'currency'] } },
    });
    expect(surface.example.fields.map((f) => [f.wire, toJson(f.value)])).toEqual([
      ['dimensions', ['direction', 'currency']],
    ]);
  });

  it('the example binds every value to where it goes, with its style', () => {
    const { surface } = build({
      paths: {
        '/owners/{owner_id}/things/{thing_id}': {
          post: {
            parameters: [
              pathParam('owner_id'),
              pathParam('thing_id'),
              query('filter', obj({ status: { type: 'string' } }, ['status'])),
            ],
            requestBody: {
              required: true,
              content: { 'application/json': { schema: obj({ name: { type: 'string' } }, ['name']) } },
            },
            responses: thing,
          },
        },
      },
    });
    expect(surface.example.positional?.wire).toBe('thing_id');
    expect(surface.example.fields.map((f) => `${f.in}:${f.wire}:${f.style ?? ''}`)).toEqual([
      'path:owner_id:simple',
      'query:filter:deep-object',
      'body:name:',
    ]);
  });

  it('a numeric path parameter goes as text, marked numeric for a language whose SDK takes a number', () => {
    const example = (schema: object) =>
      build({
        paths: {
          '/things/{version}': {
            delete: {
              parameters: [{ name: 'version', in: 'path', required: true, schema }],
              responses: thing,
            },
          },
        },
      }).surface.example.positional!;
    const numeric = example({ type: 'integer', example: 3 });
    expect(numeric.value).toEqual({ kind: 'string', value: '3' });
    expect(numeric.numeric).toBe(true);
    expect(example({ type: 'string', example: '3' }).numeric).toBeUndefined();
  });
});
