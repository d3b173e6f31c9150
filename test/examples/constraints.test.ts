/**
 * Example values a validating server refused, one operation per cause (test/fixtures/example-constraints.yml,
 * from the Prism failures on the Telnyx spec): what each call now sends.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { operationSurface } from '../../generator/surface/index.ts';
import { toJson } from '../../generator/examples/examples.ts';
import { uuidFor } from '../../generator/examples/realistic.ts';
import { makeResolver, type Api } from '../../generator/model/index.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, FIXTURES, tempFiles } from '../support/cli.ts';

let api: Api;
beforeAll(async () => {
  const out = join(tempFiles({}), 'out');
  ({ api } = await runPipeline({
    spec: join(FIXTURES, 'example-constraints.yml'),
    config: FIXTURE_CONFIG,
    out,
    cache: false,
    only: ['manifest'],
  }));
});

/** What the call sends: the positional argument and every other field, as JSON. */
function sent(key: string) {
  const types = new Map(api.types.map((t) => [t.name, t]));
  const input = operationSurface(
    api.operations.find((op) => op.key === key)!,
    {
      resolve: makeResolver(types),
      types,
    },
  ).example;
  return {
    ...(input.positional ? { positional: toJson(input.positional.value) } : {}),
    ...Object.fromEntries(input.fields.map((f) => [f.wire, toJson(f.value)])),
  };
}

const cases: [string, { given: string; want: object }][] = [
  [
    'a path parameter matches its pattern',
    { given: 'POST /campaigns/{campaignId}/accept', want: { positional: 'CAAAAA' } },
  ],
  [
    'array items match their pattern; minItems is met',
    {
      given: 'POST /profiles',
      want: { destinations: ['AA'], references: ['user@example.com', 'user@example.com'] },
    },
  ],
  [
    'minProperties: the first optional field that shows something',
    { given: 'PATCH /profiles/{id}', want: { positional: uuidFor('id'), language: 'en-US' } },
  ],
  [
    'a required body with only optional fields sends the first',
    { given: 'POST /queues', want: { FriendlyName: 'Support' } },
  ],
  [
    'an optional deepObject with a required key is sent with it',
    { given: 'GET /records', want: { filter: { record_type: 'messaging' } } },
  ],
  [
    'properties beside a oneOf are kept, and `not: {}` fields left out',
    { given: 'POST /calls', want: { To: '+13125550100', Url: 'https://example.com' } },
  ],
  [
    'the first oneOf variant whose example no other variant accepts',
    { given: 'POST /clones', want: { code: 'B' } },
  ],
];

describe('example values within the schema constraints', () => {
  it.each(cases)('%s', (_, { given, want }) => expect(sent(given)).toEqual(want));

  it('models properties beside a oneOf as an intersection, with the forbidden fields named', () => {
    const call = api.types.find((t) => t.name === 'InitiateCall')!.type;
    expect(call.kind).toBe('intersection');
    const union = call.kind === 'intersection' ? call.parts[1] : undefined;
    expect(
      union?.kind === 'union' && union.variants.map((v) => (v.kind === 'object' ? v.forbidden : v.kind)),
    ).toEqual([['Texml'], ['Url'], ['Texml', 'Url']]);
  });
});
