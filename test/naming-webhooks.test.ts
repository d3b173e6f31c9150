/**
 * The names of the webhook event types (generator/naming/webhooks.ts) as given/want tables: the
 * operationId plus `WebhookEvent`, the bare name where the lock lists only that, the `data` schema's
 * name beside it, and every name a unique, safe identifier. Also the lock reader on the official
 * release's api.md.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { readLockedWebhookTypes, webhookTypeNames } from '../generator/naming/webhooks.ts';
import { ROOT } from './support/cli.ts';

type Event = { name: string; operationId?: string; dataModel?: string };
const names = (events: Event[], locked?: string[]) =>
  webhookTypeNames(events, locked && new Set(locked), 'messaging');

it.each<[string, { events: Event[]; locked?: string[]; want: object[] }]>([
  [
    'the operationId plus WebhookEvent, its data schema beside it',
    {
      events: [{ name: 'callInitiated', operationId: 'CallInitiated', dataModel: 'CallInitiated' }],
      want: [{ typeName: 'CallInitiatedWebhookEvent', dataTypeName: 'CallInitiated' }],
    },
  ],
  [
    'the map key without an operationId; a data schema named as an identifier',
    {
      events: [{ name: 'callConversationEnded', dataModel: 'callConversationEnded' }],
      want: [{ typeName: 'CallConversationEndedWebhookEvent', dataTypeName: 'CallConversationEnded' }],
    },
  ],
  [
    'the bare name where the lock lists it and not the suffixed one',
    {
      events: [
        { name: 'fax.delivered', operationId: 'FaxDelivered' },
        { name: 'callAnswered', operationId: 'CallAnswered' },
      ],
      locked: ['FaxDelivered', 'CallAnswered', 'CallAnsweredWebhookEvent'],
      want: [{ typeName: 'FaxDelivered' }, { typeName: 'CallAnsweredWebhookEvent' }],
    },
  ],
  [
    'without a lock, always suffixed',
    {
      events: [{ name: 'fax.delivered', operationId: 'FaxDelivered' }],
      want: [{ typeName: 'FaxDeliveredWebhookEvent' }],
    },
  ],
  [
    "never a name the module declares, a global or a reserved word, even the lock's",
    {
      events: [
        { name: 'a', operationId: 'Unwrap' },
        { name: 'b', operationId: 'Record' },
      ],
      locked: ['Record'],
      want: [{ typeName: 'UnwrapWebhookEvent2' }, { typeName: 'RecordWebhookEvent' }],
    },
  ],
  [
    'unique: a second event of the same name is numbered; a data name already taken is left out',
    {
      events: [
        { name: 'a', operationId: 'Same', dataModel: 'SameWebhookEvent' },
        { name: 'b', operationId: 'same' },
      ],
      want: [{ typeName: 'SameWebhookEvent' }, { typeName: 'SameWebhookEvent2' }],
    },
  ],
  [
    'hostile text becomes an identifier; a leading digit takes the prefix',
    {
      events: [{ name: 'x', operationId: '*/ evil `${x}` "q"' }, { name: '9lives' }],
      want: [{ typeName: 'EvilXQWebhookEvent' }, { typeName: 'Messaging9livesWebhookEvent' }],
    },
  ],
])('%s', (_, { events, locked, want }) => {
  expect(names(events, locked)).toEqual(want);
});

it("reads the webhook types the official release's api.md lists, and nothing else", () => {
  const locked = readLockedWebhookTypes(join(ROOT, '../shared/reference/telnyx-node-2026-07-16/api.md'));
  expect(locked.has('CallInitiatedWebhookEvent')).toBe(true);
  expect(locked.has('FaxDelivered')).toBe(true);
  expect(locked.has('FaxDeliveredWebhookEvent')).toBe(false);
  expect(locked.has('unwrap')).toBe(false); // a method line of the module, not a type
  expect(locked.has('MessageSendParams')).toBe(false); // another module's type
  expect(readLockedWebhookTypes(join(ROOT, 'no-such-file.md')).size).toBe(0);
});
