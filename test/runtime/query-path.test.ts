/**
 * Query serialisation (deepObject, array styles, null handling, scalars) and path templating,
 * as tables of input and expected wire text, plus one check that it is what a server receives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelnyxError } from '../../templates/typescript/runtime/errors.ts';
import { describe as describeRequest } from '../../templates/typescript/runtime/operation.ts';
import { buildPath } from '../../templates/typescript/runtime/path.ts';
import { stringifyQuery, type QueryStyles } from '../../templates/typescript/runtime/query.ts';
import { json, startServer, testClient, type TestServer } from './helpers.ts';

describe('stringifyQuery', () => {
  it.each<[string, { given: Record<string, unknown>; styles?: QueryStyles; want: string }]>([
    [
      'deepObject, percent-encoded brackets',
      { given: { filter: { status: { eq: 'active' } } }, want: 'filter%5Bstatus%5D%5Beq%5D=active' },
    ],
    [
      'page object',
      { given: { page: { number: 2, size: 20 } }, want: 'page%5Bnumber%5D=2&page%5Bsize%5D=20' },
    ],
    [
      'arrays inside a deep object use []',
      {
        given: { filter: { status: { in: ['a', 'b'] } } },
        want: 'filter%5Bstatus%5D%5Bin%5D%5B%5D=a&filter%5Bstatus%5D%5Bin%5D%5B%5D=b',
      },
    ],
    [
      'form explode (default): repeated keys',
      { given: { status: ['queued', 'processing'] }, want: 'status=queued&status=processing' },
    ],
    [
      'form without explode: comma-joined, items encoded',
      {
        given: { fields: ['a b', 'c,d'] },
        styles: { fields: { style: 'form', explode: false } },
        want: 'fields=a%20b,c%2Cd',
      },
    ],
    [
      'pipeDelimited',
      { given: { ids: [1, 2] }, styles: { ids: { style: 'pipeDelimited' } }, want: 'ids=1|2' },
    ],
    [
      'spaceDelimited',
      { given: { ids: [1, 2] }, styles: { ids: { style: 'spaceDelimited' } }, want: 'ids=1%202' },
    ],
    [
      'form explode object: properties become keys',
      {
        given: { options: { page_number: 1, page_size: 5 } },
        styles: { options: { style: 'form', explode: true } },
        want: 'page_number=1&page_size=5',
      },
    ],
    [
      'form object without explode',
      {
        given: { point: { x: 1, y: 2 } },
        styles: { point: { style: 'form', explode: false } },
        want: 'point=x,1,y,2',
      },
    ],
    [
      'null and undefined are left out, at every level',
      {
        given: {
          a: null,
          b: undefined,
          c: [null, 'x', undefined],
          filter: { d: null, e: { f: undefined } },
          g: 'kept',
        },
        want: 'c=x&g=kept',
      },
    ],
    ['empty arrays and objects are left out', { given: { a: [], b: {}, c: 0 }, want: 'c=0' }],
    [
      'booleans',
      {
        given: { yes: true, no: false, filter: { on: true } },
        want: 'yes=true&no=false&filter%5Bon%5D=true',
      },
    ],
    [
      'Dates as ISO 8601',
      {
        given: { filter: { created_at: { gt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) } } },
        want: 'filter%5Bcreated_at%5D%5Bgt%5D=2026-01-02T03%3A04%3A05.000Z',
      },
    ],
    ['reserved characters are encoded', { given: { q: 'a&b=c+d/é' }, want: 'q=a%26b%3Dc%2Bd%2F%C3%A9' }],
    [
      // TeXML form bodies: `CustomHeaders: [{ name, value }]`.
      'arrays of objects (and of arrays) with bracket indices, absent items keeping their index',
      {
        given: {
          CustomHeaders: [{ name: 'X-A', value: '1' }, null, { name: 'X-B', value: '2' }],
          filter: { pairs: [[1, 2]] },
        },
        want:
          'CustomHeaders%5B0%5D%5Bname%5D=X-A&CustomHeaders%5B0%5D%5Bvalue%5D=1&CustomHeaders%5B2%5D%5Bname%5D=X-B&' +
          'CustomHeaders%5B2%5D%5Bvalue%5D=2&filter%5Bpairs%5D%5B0%5D%5B0%5D=1&filter%5Bpairs%5D%5B0%5D%5B1%5D=2',
      },
    ],
    [
      'flat bracketed names are encoded as given',
      { given: { 'page[after]': 'abc' }, want: 'page%5Bafter%5D=abc' },
    ],
  ])('%s', (_name, { given, styles, want }) => {
    expect(stringifyQuery(given, styles)).toBe(want);
  });

  it('rejects values that cannot be a query value, naming the parameter', () => {
    expect(() => stringifyQuery({ filter: { tag: Symbol('x') } })).toThrow(/filter\[tag\]/);
    expect(() => stringifyQuery({ ids: [new Map()] })).toThrow(TelnyxError);
    expect(() => stringifyQuery({ CustomHeaders: [{ name: 'X', value: () => 1 }] })).toThrow(
      /CustomHeaders\[0\]\[value\]/,
    );
    expect(() => stringifyQuery({ at: new Date(Number.NaN) })).toThrow(/Invalid Date/);
  });
});

describe('buildPath', () => {
  it.each<[string, string, Record<string, string | number>, string]>([
    [
      'plain',
      '/calls/{call_control_id}/actions/answer',
      { call_control_id: 'v3:abc' },
      '/calls/v3%3Aabc/actions/answer',
    ],
    [
      'a slash cannot reach another path',
      '/phone_numbers/{id}',
      { id: 'a/../b' },
      '/phone_numbers/a%2F..%2Fb',
    ],
    ['E.164 plus sign', '/phone_numbers/{id}', { id: '+13125550100' }, '/phone_numbers/%2B13125550100'],
    ['spaces, unicode, ?, #', '/x/{a}', { a: 'é ?#' }, '/x/%C3%A9%20%3F%23'],
    [
      'numbers',
      '/texml/Accounts/{sid}/Calls/{n}.json',
      { sid: 'AC1', n: 7 },
      '/texml/Accounts/AC1/Calls/7.json',
    ],
    ['dots inside a value are fine', '/domains/{name}', { name: 'example.com' }, '/domains/example.com'],
  ])('%s', (_name, template, params, want) => {
    expect(buildPath(template, params)).toBe(want);
  });

  it.each(['.', '..', ''])('rejects %j as a segment', (value) => {
    expect(() => buildPath('/phone_numbers/{id}', { id: value })).toThrow(
      /"id".*would change which resource/,
    );
  });

  it('rejects a missing parameter, naming it', () => {
    expect(() => buildPath('/calls/{call_control_id}', {})).toThrow(
      /"call_control_id" of \/calls\/\{call_control_id\} is required/,
    );
  });
});

describe('describe (operation layout + arguments -> request)', () => {
  const spec = {
    method: 'post',
    path: '/accounts/{account_id}/numbers/{number_id}',
    query: ['dry_run'],
    headers: ['x-trace'],
    body: 'json',
  } as const;

  it('fills earlier path parameters from params and the last one from the positional argument', () => {
    const d = describeRequest(spec, 'n/1', { account_id: 'a 1', dry_run: true, 'x-trace': 7, tag: 'x' });
    expect(d.path).toBe('/accounts/a%201/numbers/n%2F1');
    expect(d.query).toEqual({ dry_run: true });
    expect(d.headers).toEqual({ 'x-trace': '7' });
    // What no other location claimed is the body; path values never leak into it.
    expect(d.body).toEqual({ tag: 'x' });
  });

  it('sends flat bracketed page keys beside a nested page object, as the layout lists both', () => {
    const list = {
      method: 'get',
      path: '/numbers',
      query: ['page', 'page[number]', 'page[size]'],
      queryStyles: { page: { style: 'deepObject', explode: true } },
    } as const;
    const flat = describeRequest(list, undefined, { 'page[number]': 2, 'page[size]': 20 });
    expect(stringifyQuery(flat.query, flat.queryStyles)).toBe('page%5Bnumber%5D=2&page%5Bsize%5D=20');
    const nested = describeRequest(list, undefined, { page: { number: 2 } });
    expect(stringifyQuery(nested.query, nested.queryStyles)).toBe('page%5Bnumber%5D=2');
    expect(flat.unknownParams).toBeUndefined();
  });

  it('sends a dotted query name given nested under its own name, and reports the nested keys it does not know', () => {
    const aggregates = {
      method: 'get',
      path: '/aggregates',
      query: ['metadata.assistant_id', 'show'],
      nested: { metadata: { assistant_id: 'metadata.assistant_id' } },
    } as const;
    const nested = describeRequest(aggregates, undefined, { metadata: { assistant_id: 'a1' } });
    expect(stringifyQuery(nested.query, nested.queryStyles)).toBe('metadata.assistant_id=a1');
    expect(nested.unknownParams).toBeUndefined();
    const flat = describeRequest(aggregates, undefined, { 'metadata.assistant_id': 'a1' });
    expect(flat.query).toEqual(nested.query);
    const typo = describeRequest(aggregates, undefined, { metadata: { assistant_id: 'a1', asistant: 'x' } });
    expect(typo.query).toEqual({ 'metadata.assistant_id': 'a1' });
    expect(typo.unknownParams).toEqual(['metadata']);
  });

  it('names the keys of a bodyless operation that no location claims', () => {
    const d = describeRequest({ method: 'get', path: '/numbers', query: ['page'] }, undefined, {
      pgae: { number: 2 },
      page: undefined,
    });
    expect(d.unknownParams).toEqual(['pgae']);
  });

  it('takes an array body as the params themselves, or as their `body`', () => {
    const validate = {
      method: 'post',
      path: '/call_reasons/validate',
      body: 'json',
      bodyField: 'body',
    } as const;
    expect(describeRequest(validate, undefined, ['a', 'b']).body).toEqual(['a', 'b']);
    expect(describeRequest(validate, undefined, { body: ['a'] }).body).toEqual(['a']);
  });

  it('sends a body wrapper whole, and an aliased key under its wire name', () => {
    const create = {
      method: 'post',
      path: '/networks',
      body: 'json',
      bodyWrapper: 'network_create',
    } as const;
    expect(describeRequest(create, undefined, { network_create: { name: 'n' } }).body).toEqual({ name: 'n' });
    expect(describeRequest(create, undefined, { name: 'n' }).body).toEqual({ name: 'n' });
    const bridge = {
      method: 'post',
      path: '/calls/{call_control_id}/actions/bridge',
      body: 'json',
      renames: { call_control_id_to_bridge_with: 'call_control_id' },
    } as const;
    const d = describeRequest(bridge, 'v3:a', { call_control_id_to_bridge_with: 'v3:b' });
    expect(d.path).toBe('/calls/v3%3Aa/actions/bridge');
    expect(d.body).toEqual({ call_control_id: 'v3:b' });
  });

  it('sends a multipart body the operation also takes as JSON as JSON when it holds no file', () => {
    const upload = {
      method: 'post',
      path: '/documents',
      body: 'multipart',
      bodyWrapper: 'document',
      jsonWithoutFiles: true,
    } as const;
    const text = describeRequest(upload, undefined, {
      document: { file: 'ZXhhbXBsZQ==', filename: 'a.pdf' },
    });
    expect([text.bodyKind, text.body]).toEqual(['json', { file: 'ZXhhbXBsZQ==', filename: 'a.pdf' }]);
    const bytes = describeRequest(upload, undefined, { file: new Blob(['%PDF']) });
    expect(bytes.bodyKind).toBe('multipart');
    const only = describeRequest({ ...upload, jsonWithoutFiles: undefined }, undefined, { file: 'x' });
    expect(only.bodyKind).toBe('multipart');
  });

  it('treats null params as none', () => {
    const d = describeRequest({ method: 'get', path: '/items/{id}' }, 'i1', null);
    expect(d.path).toBe('/items/i1');
    expect(d.query).toBeUndefined();
    expect(d.body).toBeUndefined();
  });
});

describe('on the wire', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('warns once per operation about a parameter it cannot send', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const warnings: string[] = [];
    const logger = { error() {}, warn: (m: string) => warnings.push(m), info() {}, debug() {} };
    const { client } = testClient(server.url, { logLevel: 'warn', logger });
    const call = () =>
      client.request(describeRequest({ method: 'get', path: '/numbers' }, undefined, { pgae: 2 }));
    await call();
    await call();
    expect(warnings).toEqual(['[telnyx] Unknown parameter "pgae" for GET /numbers: not sent.']);
    expect(server.requests.map((r) => r.url)).toEqual(['/numbers', '/numbers']);
  });

  it('the server decodes deepObject filters and repeated keys as intended', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const { client } = testClient(server.url);
    await client.request({
      method: 'get',
      path: buildPath('/accounts/{id}/numbers', { id: 'a b' }),
      query: {
        filter: { phone_number: { in: ['+1', '+2'] }, status: 'active' },
        sort: ['-created_at', 'id'],
      },
    });
    const url = new URL(server.requests[0]!.url, server.url);
    expect(url.pathname).toBe('/accounts/a%20b/numbers');
    expect([...url.searchParams]).toEqual([
      ['filter[phone_number][in][]', '+1'],
      ['filter[phone_number][in][]', '+2'],
      ['filter[status]', 'active'],
      ['sort', '-created_at'],
      ['sort', 'id'],
    ]);
  });
});
