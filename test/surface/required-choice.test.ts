/**
 * A union body whose variants differ only in which field they require through the composition
 * (test/fixtures/required-choice.yml, like the Telnyx spec's `ConversationRelayStartRequest`) is one
 * object in params (generator/surface/one-object.ts): such fields are optional in params types, so the
 * variants would print as the same interface, told apart only by their doc comments. The params type is
 * one interface whose doc says which fields the API requires; variants that declare different fields
 * stay a union, and the model type (results, `Models.*`) keeps its shape.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, FIXTURES, tempFiles } from '../support/cli.ts';
import { build } from './support.ts';

const FIXTURE = join(FIXTURES, 'required-choice.yml');
const spec = load(readFileSync(FIXTURE, 'utf8')) as {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, unknown> };
};
/** The surface of one of the fixture's paths. */
const surfaceOf = (path: string) =>
  build({ paths: { [path]: spec.paths[path] }, schemas: spec.components.schemas }).surface;

describe('the surface decision', () => {
  it('anyOf variants that only require one field each: one object of fields, with the choice', () => {
    const { body, signature, required, optional } = surfaceOf('/relays');
    expect(body.kind).toBe('fields');
    if (body.kind !== 'fields') return;
    expect(body.properties.map((p) => [p.name, p.required])).toEqual([
      ['url', false],
      ['relay_url', false],
      ['settings', false],
      ['greeting', false],
    ]);
    expect(body.choice).toEqual({ groups: [['url'], ['relay_url'], ['settings']], anyOf: true });
    // A required body that must hold one of them: the params object stays required, as it was.
    expect(signature.paramsRequired).toBe(true);
    // The documented inputs are what they were as variants: no field every variant requires.
    expect(required).toEqual([]);
    expect(optional.map((f) => f.name)).toEqual(['url', 'relay_url', 'settings', 'greeting']);
  });

  it('oneOf with a group of two fields; what the list beside it requires stays required by composition', () => {
    const { body } = surfaceOf('/relays/swap');
    expect(body.kind === 'fields' && body.choice).toEqual({
      groups: [['host', 'port'], ['socket']],
      anyOf: false,
    });
    expect(body.kind === 'fields' && body.properties[0]).toMatchObject({
      name: 'reason',
      required: true,
      requiredByComposition: 'always',
    });
  });

  it('variants that declare different fields stay variants', () => {
    expect(surfaceOf('/relays/send').body.kind).toBe('variants');
  });
});

describe('the generated params types', () => {
  const out = join(tempFiles({}), 'out');
  const read = (file: string) => readFileSync(join(out, 'typescript/src', file), 'utf8');
  beforeAll(async () => {
    await runPipeline({ spec: FIXTURE, config: FIXTURE_CONFIG, out, cache: false, only: ['typescript'] });
  }, 60_000);

  it('one interface, its doc saying which fields the API requires', () => {
    const relays = read('resources/relays.ts');
    expect(relays).toContain(
      [
        ' * Parameters of `client.relays.create()` (Start a relay).',
        ' *',
        ' * The API requires at least one of `url`, `relay_url` or `settings`; they are optional here, as in the official SDK, so the API refuses a request without one, not the compiler.',
        ' */',
        'export interface RelayCreateParams {',
      ].join('\n'),
    );
    expect(relays).toContain(
      ' * The API requires exactly one of `host` and `port` together or `socket`; they are optional here',
    );
    expect(relays).toContain('export interface RelaySwapParams {');
    expect(relays).not.toMatch(/RelayCreateParams\.UnionMember|RelaySwapParams\.UnionMember/);
    // Still required in the signature: an empty body is refused.
    expect(relays).toContain('create(params: RelayCreateParams, options?: RequestOptions)');
  });

  it('a union of different objects stays one, and results keep the model type', () => {
    const relays = read('resources/relays.ts');
    expect(relays).toContain(
      'export type RelaySendParams = RelaySendParams.UnionMember0 | RelaySendParams.UnionMember1;',
    );
    expect(relays).toContain('export type RelayCreateResponse = Models.RelayStart;');
  });
});
