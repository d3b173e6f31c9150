/**
 * A product's guide in the products config (generator/model/guides.ts): caveats, core tasks and the
 * webhook fields a handler reads, checked against the spec when the model is built, so that a renamed
 * operation, field or event fails the run at its line in the config; a task value the schema refuses
 * fails when its example is built (generator/surface/tasks.ts).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { InputError } from '../../generator/errors.ts';
import { checkGuide } from '../../generator/model/guides.ts';
import { readProductConfig } from '../../generator/model/products.ts';
import { makeResolver, type Operation, type WebhookEvent } from '../../generator/model/index.ts';
import { operationSurface, taskInput } from '../../generator/surface/index.ts';
import { tempFiles } from '../support/cli.ts';
import { draft, json } from './fragment.ts';

const { drafts, ctx } = draft({
  '/messages': {
    post: {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['to'],
              properties: {
                to: { type: 'string' },
                from: { type: 'string' },
                type: { type: 'string', enum: ['SMS', 'MMS'] },
              },
            },
          },
        },
      },
      responses: json({
        type: 'object',
        properties: { data: { type: 'object', properties: { id: { type: 'string' } } } },
      }),
    },
  },
});
const resolve = makeResolver(ctx.types);
const names = {
  resource: ['messages'],
  method: 'send',
  ts: 'client.messages.send',
  python: '',
  ruby: '',
  go: 'Send',
  java: '',
  source: 'rules' as const,
};
const send = { ...drafts[0], product: 'messaging', names } as Operation;
const operations = new Map([[send.key, send]]);
const finalized: WebhookEvent = {
  name: 'deliveryUpdate',
  typeName: 'DeliveryUpdateWebhookEvent',
  eventType: 'message.sent',
  eventTypes: ['message.sent', 'message.finalized'],
  eventTypeAt: 'data.event_type',
  payload: {
    kind: 'object',
    properties: [
      {
        name: 'data',
        required: false,
        readOnly: false,
        writeOnly: false,
        type: {
          kind: 'object',
          properties: [
            { name: 'status', required: false, readOnly: false, writeOnly: false, type: { kind: 'string' } },
          ],
        },
      },
    ],
  },
};

/** The guide of product `messaging` as read from a products file holding `guide` (YAML lines). */
function guideOf(guide: string) {
  const file = join(
    tempFiles({
      'products.yml': `products:\n  messaging:\n    title: Messaging\n    description: Send messages.\n    tags: [Messages]\n${guide}`,
    }),
    'products.yml',
  );
  return readProductConfig(file).products[0];
}

describe('guides in the products config', () => {
  it('reads caveats, tasks (values in order) and event fields', () => {
    const guide = guideOf(
      '    caveats:\n      - Numbers need a messaging profile.\n    tasks:\n      - title: Send\n        operation: POST /messages\n        values:\n          from: "+13125550100"\n          to: "+13125550199"\n        fields: [type]\n        result: data.id\n    events:\n      message.finalized:\n        - data.status\n',
    );
    expect(guide.caveats).toEqual(['Numbers need a messaging profile.']);
    expect(guide.tasks[0]).toMatchObject({
      title: 'Send',
      operation: 'POST /messages',
      fields: ['type'],
      result: 'data.id',
    });
    expect(guide.tasks[0].values.map((v) => v.name)).toEqual(['from', 'to']);
    expect(guide.events).toMatchObject([{ eventType: 'message.finalized', fields: ['data.status'] }]);
    expect(() => checkGuide(guide, operations, [finalized], resolve)).not.toThrow();
  });

  const cases: [string, { guide: string; message: RegExp; line: number }][] = [
    [
      'an operation the spec does not have',
      {
        guide: '    tasks:\n      - title: Send\n        operation: POST /message\n',
        message: /names POST \/message, which is not a public operation/,
        line: 7,
      },
    ],
    [
      'an input the operation does not take',
      {
        guide:
          '    tasks:\n      - title: Send\n        operation: POST /messages\n        values:\n          text_body: hi\n',
        message: /fills "text_body", which POST \/messages does not take/,
        line: 10,
      },
    ],
    [
      'a response field the operation does not return',
      {
        guide:
          '    tasks:\n      - title: Send\n        operation: POST /messages\n        result: data.uuid\n',
        message: /prints "data\.uuid"/,
        line: 7,
      },
    ],
    [
      'an event the webhooks do not declare',
      {
        guide: '    events:\n      message.delivered:\n        - data.status\n',
        message: /event "message\.delivered" is not declared/,
        line: 8,
      },
    ],
    [
      'a payload field the event does not have',
      {
        guide: '    events:\n      message.finalized:\n        - data.payload.to[].status\n',
        message: /has no payload field "data\.payload\.to\[\]\.status"/,
        line: 8,
      },
    ],
  ];
  it.each(cases)('fails at its line in the config on %s', (_, { guide, message, line }) => {
    const check = () => checkGuide(guideOf(guide), operations, [finalized], resolve);
    expect(check).toThrow(InputError);
    expect(check).toThrow(message);
    expect(check).toThrow(
      expect.objectContaining({ where: expect.stringMatching(new RegExp(`products\\.yml:${line}:\\d+$`)) }),
    );
  });

  it('without --strict, leaves what the spec contradicts out of the skills with a located warning', () => {
    const warnings: string[] = [];
    const guide = guideOf(
      '    tasks:\n      - title: Send\n        operation: POST /messages\n      - title: Old\n        operation: POST /message\n',
    );
    const kept = checkGuide(guide, operations, [finalized], resolve, {
      strict: false,
      warn: (f) => warnings.push(`${f.rule} ${f.where} ${f.message}`),
    });
    expect(kept.tasks.map((t) => t.title)).toEqual(['Send']);
    expect(warnings).toEqual([
      expect.stringMatching(/^stale-skill-guide .*products\.yml:9:\d+ task "Old" names POST \/message/),
    ]);
  });

  it('fails at the value when the schema refuses it, and fills the named optional fields otherwise', () => {
    const env = { resolve, types: ctx.types };
    const surface = operationSurface(send, env);
    const bad = guideOf(
      '    tasks:\n      - title: Send\n        operation: POST /messages\n        values:\n          type: FAX\n',
    ).tasks[0];
    expect(() => taskInput(send, surface, bad, env)).toThrow(
      /the value of "type" in task "Send" does not fit its schema/,
    );
    expect(() => taskInput(send, surface, bad, env)).toThrow(
      expect.objectContaining({ where: expect.stringMatching(/products\.yml:10:\d+$/) }),
    );
    const good = guideOf(
      '    tasks:\n      - title: Send\n        operation: POST /messages\n        values:\n          from: "+13125550100"\n        fields: [type]\n',
    ).tasks[0];
    const input = taskInput(send, surface, good, env);
    expect(input.fields.map((f) => [f.wire, f.value, f.optional ?? false])).toEqual([
      ['to', surface.example.fields[0].value, false],
      ['from', { kind: 'string', value: '+13125550100' }, true],
      ['type', { kind: 'string', value: 'SMS', enum: true }, true],
    ]);
  });
});
