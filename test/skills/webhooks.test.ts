/**
 * Which product documents a webhook event (specs/webhooks.yml): the longest dotted prefix of the event
 * type, matched segment by segment, else the event's key; an event nothing places is an input error.
 */
import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { loadConfig } from '../../generator/config.ts';
import { InputError } from '../../generator/errors.ts';
import { eventsByProduct, productOfEvent, readWebhookRoutes } from '../../generator/emit/skills/webhooks.ts';
import type { Api, WebhookEvent } from '../../generator/model/index.ts';
import { ROOT, tempFiles } from '../support/cli.ts';

const routes = readWebhookRoutes(join(ROOT, 'specs/webhooks.yml'));
const event = (name: string, eventType?: string, product?: string): WebhookEvent => ({
  name,
  typeName: `${name}WebhookEvent`,
  payload: { kind: 'unknown' },
  ...(eventType ? { eventType } : {}),
  ...(product ? { product } : {}),
});

describe('webhook events to products', () => {
  const cases: [string, { given: WebhookEvent; want: string | undefined }][] = [
    [
      'the longest prefix wins',
      { given: event('callPlaybackEnded', 'call.playback.ended'), want: 'voice-media' },
    ],
    [
      'prefixes match whole segments',
      { given: event('x', 'call.conversation_insights.generated'), want: 'voice-gather' },
    ],
    ['a bare product prefix catches the rest', { given: event('callHangup', 'call.hangup'), want: 'voice' }],
    ['events without an event type go by their key', { given: event('campaignStatusUpdate'), want: '10dlc' }],
    ["the model's own product wins", { given: event('callHangup', 'call.hangup', 'texml'), want: 'texml' }],
    ['an unknown event has no product', { given: event('mystery', 'mystery.happened'), want: undefined }],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(productOfEvent(given, routes)).toBe(want));

  it('fails with the event and the file to edit when an event lands nowhere', () => {
    const api = {
      products: [{ slug: 'voice', title: 'Voice', description: '', operations: ['GET /x'] }],
      webhooks: [event('mystery', 'mystery.happened')],
    } as unknown as Api;
    const file = join(tempFiles({ 'webhooks.yml': 'eventTypes:\n  call: voice\n' }), 'webhooks.yml');
    const run = () => eventsByProduct(api, readWebhookRoutes(file), (n) => n);
    expect(run).toThrow(InputError);
    expect(run).toThrow(/webhook event "mystery" \(event type mystery\.happened\) belongs to no product/);
    expect(run).toThrow(expect.objectContaining({ where: relative(process.cwd(), file) }));
  });
});

describe('the webhooks table comes from the config', () => {
  const configs = tempFiles({
    'with.yml':
      'products: test/fixtures/products.yml\nwebhooks: test/other-webhooks.yml\npackage: { name: x }\n',
    'without.yml': 'products: test/fixtures/products.yml\npackage: { name: x }\n',
    'bad.yml': 'products: test/fixtures/products.yml\nwebhooks: [a, b]\npackage: { name: x }\n',
  });

  it('is named by `webhooks:` relative to the project root, and the Telnyx config names specs/webhooks.yml', () => {
    expect(loadConfig(join(configs, 'with.yml')).webhooksFile).toBe(join(ROOT, 'test/other-webhooks.yml'));
    expect(loadConfig().webhooksFile).toBe(join(ROOT, 'specs/webhooks.yml'));
  });

  it('is an input error at its line when it is not a path', () => {
    const load = () => loadConfig(join(configs, 'bad.yml'));
    expect(load).toThrow(InputError);
    expect(load).toThrow('config webhooks must be the path of the webhooks file');
    expect(load).toThrow(expect.objectContaining({ where: expect.stringMatching(/bad\.yml:2:\d+$/) }));
  });

  it('is optional: without one, an event its tags do not place says to name a table in the config', () => {
    expect(loadConfig(join(configs, 'without.yml')).webhooksFile).toBeUndefined();
    const api = {
      products: [{ slug: 'voice', title: 'Voice', description: '', operations: ['GET /x'] }],
      webhooks: [event('callHangup', 'call.hangup'), event('placed', undefined, 'voice')],
    } as unknown as Api;
    const run = () => eventsByProduct(api, readWebhookRoutes(undefined), (n) => n);
    expect(run).toThrow(/webhook event "callHangup" .* belongs to no product/);
    expect(run).toThrow(expect.objectContaining({ fix: expect.stringContaining('webhooks: FILE') }));
    api.webhooks.shift();
    expect([...run().keys()]).toEqual(['voice']); // an event its tags place needs no table
  });

  it('must exist when the config names it', () => {
    expect(() => readWebhookRoutes(join(configs, 'missing.yml'))).toThrow('file not found');
  });
});
