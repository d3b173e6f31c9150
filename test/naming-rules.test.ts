/**
 * Naming rules (docs/NAMING.md) as tables of input and expected names, on small hand-written path sets:
 * the casing functions, then the rules that turn paths into `client.<chain>.<method>`.
 */
import { describe, expect, it } from 'vitest';
import {
  goPascal,
  javaCamel,
  plural,
  singular,
  snake,
  splitWords,
  tsCamel,
  tsPascal,
} from '../generator/naming/casing.ts';
import { assignNames, type NamingInput } from '../generator/naming/index.ts';
import { returnsList } from '../generator/model/shape.ts';
import type { OperationDraft } from '../generator/model/operations.ts';
import type { TypeNode } from '../generator/model/types.ts';

describe('casing', () => {
  it.each<[string, { given: string; want: string[] }]>([
    ['snake_case', { given: 'phone_numbers', want: ['phone', 'numbers'] }],
    ['camelCase keeps its words', { given: 'campaignBuilder', want: ['campaign', 'Builder'] }],
    ['hyphens and dots split', { given: '.well-known', want: ['well', 'known'] }],
    ['a digit-led word joins the word before', { given: 'messaging_10dlc', want: ['messaging10dlc'] }],
    ['digits inside a camelCase word', { given: 'resend2faEmail', want: ['resend2fa', 'Email'] }],
    ['an acronym run before a word', { given: 'SIMCard', want: ['SIM', 'Card'] }],
  ])('splitWords: %s', (_, { given, want }) => expect(splitWords(given)).toEqual(want));

  // want: TS camel, TS Pascal, Java, Python/Ruby snake, Go, separated by spaces.
  it.each<[string, { given: string; want: string }]>([
    [
      'first word lower-case even as an acronym',
      { given: 'oauth_clients', want: 'oauthClients OAuthClients oauthClients oauth_clients OAuthClients' },
    ],
    [
      'TS acronyms after the first word',
      {
        given: 'access_ip_address',
        want: 'accessIPAddress AccessIPAddress accessIpAddress access_ip_address AccessIPAddress',
      },
    ],
    [
      'URL',
      {
        given: 'create_presigned_url',
        want: 'createPresignedURL CreatePresignedURL createPresignedUrl create_presigned_url CreatePresignedURL',
      },
    ],
    ['SMS', { given: 'trigger_sms', want: 'triggerSMS TriggerSMS triggerSms trigger_sms TriggerSMS' }],
    [
      'other abbreviations capitalise their first letter only',
      { given: 'sim_card_mms', want: 'simCardMms SimCardMms simCardMms sim_card_mms SimCardMms' },
    ],
    [
      'digits stay with the word before',
      {
        given: 'messaging_10dlc',
        want: 'messaging10dlc Messaging10dlc messaging10dlc messaging_10dlc Messaging10dlc',
      },
    ],
    ['a lone letter keeps its digits in snake_case', { given: 'v1', want: 'v1 V1 v1 v1 V1' }],
    ['so does x402', { given: 'x402', want: 'x402 X402 x402 x402 X402' }],
    ['a method with a number', { given: 'preview1', want: 'preview1 Preview1 preview1 preview_1 Preview1' }],
  ])('%s', (_, { given, want }) => {
    const ts = tsCamel(given);
    expect([ts, tsPascal(given), javaCamel(ts), snake(ts), goPascal(ts)].join(' ')).toBe(want);
  });

  it.each<[string, { given: string; want: string }]>([
    ['regular', { given: 'locations', want: 'location' }],
    ['-ies', { given: 'countries', want: 'country' }],
    ['-es after a sibilant', { given: 'addresses', want: 'address' }],
    ['not a plural', { given: 'status', want: 'status' }],
    ['an abbreviation', { given: 'sms', want: 'sms' }],
  ])('singular: %s', (_, { given, want }) => expect(singular(given)).toBe(want));

  it.each<[string, { given: string; want: string }]>([
    ['regular', { given: 'location', want: 'locations' }],
    ['-y', { given: 'country', want: 'countries' }],
    ['after a sibilant', { given: 'address', want: 'addresses' }],
  ])('plural: %s', (_, { given, want }) => expect(plural(given)).toBe(want));
});

/**
 * `GET /path -> list` (a list), `-> object` (a document), `-> 202` (the success response is 202
 * Accepted); no arrow: the body cannot tell. After
 * ` | `, the operation's summary and then its operationId (`POST /orders | Place an order | PlaceOrder`).
 */
function ops(lines: string[]): NamingInput[] {
  return lines.map((line) => {
    const [shaped, summary, operationId] = line.split(' | ');
    const [op, shape] = shaped.split(' -> ');
    const [method, path] = op.split(' ');
    const list =
      shape === undefined || shape === '202' ? (method === 'GET' ? undefined : false) : shape === 'list';
    return {
      key: op,
      method: method.toLowerCase(),
      path,
      pointer: `#/paths/${path}`,
      hidden: false,
      returnsList: list,
      accepted: shape === '202',
      ...(summary ? { summary } : {}),
      ...(operationId ? { operationId } : {}),
    };
  });
}

function accessors(lines: string[]): string[] {
  const given = ops(lines);
  const { names } = assignNames(given, {
    lock: undefined,
    overrides: {},
    digitPrefix: 'messaging',
    locate: () => '',
    configFile: 'config.yml',
  });
  return given.map((op) => names.get(op.key)!.ts);
}

describe('rules', () => {
  it.each<[string, { given: string[]; want: string[] }]>([
    [
      'a top-level segment is a resource even alone',
      { given: ['GET /balance -> object'], want: ['client.balance.retrieve'] },
    ],
    [
      'segments make the chain, parameters are skipped, /v2 is dropped',
      {
        given: [
          'GET /v2/ai/assistants/{assistant_id}/tests/{test_id}/runs -> list',
          'GET /v2/ai/assistants/{assistant_id}/tests/{test_id}/runs/{run_id} -> object',
        ],
        want: ['client.ai.assistants.tests.runs.list', 'client.ai.assistants.tests.runs.retrieve'],
      },
    ],
    [
      'CRUD by shape',
      {
        given: [
          'GET /rooms -> list',
          'POST /rooms',
          'GET /rooms/{room_id} -> object',
          'PATCH /rooms/{room_id}',
          'DELETE /rooms/{room_id}',
        ],
        want: [
          'client.rooms.list',
          'client.rooms.create',
          'client.rooms.retrieve',
          'client.rooms.update',
          'client.rooms.delete',
        ],
      },
    ],
    [
      'POST on /x/{id} updates, or creates when PUT already updates',
      {
        given: ['POST /queues/{name}', 'POST /credentials/{id}', 'PUT /credentials/{id}'],
        want: ['client.queues.update', 'client.credentials.create', 'client.credentials.update'],
      },
    ],
    [
      'with no body shape, a GET on a collection lists',
      {
        given: ['GET /orders', 'GET /orders/{id}', 'GET /usage'],
        want: ['client.orders.list', 'client.orders.retrieve', 'client.usage.retrieve'],
      },
    ],
    [
      'a nested segment with one operation folds into its parent',
      {
        given: [
          'POST /calls/{id}/actions/answer',
          'POST /calls/{id}/actions/enable_emergency',
          'GET /sim_cards/{id}/wireless_logs -> list',
          'GET /sim_cards/{id}/public_ip -> object',
          'PATCH /sim_cards/{id}/requirement_group',
        ],
        want: [
          'client.calls.actions.answer',
          'client.calls.actions.enableEmergency',
          'client.simCards.listWirelessLogs',
          'client.simCards.retrievePublicIP',
          'client.simCards.updateRequirementGroup',
        ],
      },
    ],
    [
      'a folded segment before a parameter names one item',
      {
        given: [
          'GET /coverage -> object',
          'GET /coverage/countries/{code} -> object',
          'POST /campaign/accept_sharing/{id}',
        ],
        want: [
          'client.coverage.retrieve',
          'client.coverage.retrieveCountry',
          'client.campaign.acceptSharing',
        ],
      },
    ],
    [
      'two operations at a segment, or deeper paths, make a sub-resource that the same segment elsewhere joins',
      {
        given: [
          'GET /phone_numbers/voice -> list',
          'GET /phone_numbers/{id}/voice -> object',
          'PATCH /phone_numbers/{id}/voice',
          'POST /phone_numbers/{id}/actions/verify',
        ],
        want: [
          'client.phoneNumbers.voice.list',
          'client.phoneNumbers.voice.retrieve',
          'client.phoneNumbers.voice.update',
          'client.phoneNumbers.actions.verify',
        ],
      },
    ],
    [
      'a segment split to join its parent folds under its own part',
      {
        given: [
          'GET /messaging_profiles -> list',
          'GET /messaging_profiles/{id}/metrics -> object',
          'GET /messaging_profile_metrics -> list',
        ],
        want: [
          'client.messagingProfiles.list',
          'client.messagingProfiles.retrieveMetrics',
          'client.messagingProfiles.listMetrics',
        ],
      },
    ],
    [
      'two lone operations at the same segment both fold',
      {
        given: ['POST /loa_configurations/preview', 'GET /loa_configurations/{id}/preview -> object'],
        want: ['client.loaConfigurations.preview', 'client.loaConfigurations.retrievePreview'],
      },
    ],
    [
      'verb-first: a trailing verb leads, for every HTTP method',
      {
        given: [
          'POST /calls/{id}/actions/playback_stop',
          'POST /calls/{id}/actions/ai_assistant_start',
          'PUT /calls/{id}/actions/client_state_update',
          'PATCH /numbers/{id}/actions/bundle_status_change',
        ],
        want: [
          'client.calls.actions.stopPlayback',
          'client.calls.actions.startAIAssistant',
          'client.calls.actions.updateClientState',
          'client.numbers.actions.changeBundleStatus',
        ],
      },
    ],
    [
      'a verb alone is the method; a prefix is not doubled',
      {
        given: [
          'PATCH /orders/{id}/cancel',
          'GET /documents/{id}/download',
          'PATCH /accounts/{id}/update_channel_limit',
        ],
        want: ['client.orders.cancel', 'client.documents.download', 'client.accounts.updateChannelLimit'],
      },
    ],
    [
      'a folded segment drops its parent noun',
      { given: ['GET /networks/{id}/network_interfaces -> list'], want: ['client.networks.listInterfaces'] },
    ],
    [
      'acronyms in segments and methods',
      {
        given: ['GET /access_ip_address/{id} -> object', 'POST /buckets/{name}/{object}/presigned_url'],
        want: ['client.accessIPAddress.retrieve', 'client.buckets.presignedURL'],
      },
    ],
    [
      'digit-led segments: a readable prefix for a resource, a verb for a method',
      {
        given: [
          'GET /10dlc/brand -> list',
          'GET /10dlc/brand/{id} -> object',
          'POST /10dlc/brand/{id}/2faEmail',
        ],
        want: [
          'client.messaging10dlc.brand.list',
          'client.messaging10dlc.brand.retrieve',
          'client.messaging10dlc.brand.create2faEmail',
        ],
      },
    ],
    [
      'one resource reached two ways: singular sibling, <singular parent>_<sub>',
      {
        given: [
          'GET /partner_campaigns -> list',
          'GET /partnerCampaign/shared_by_me -> list',
          'GET /rooms -> list',
          'GET /rooms/{room_id}/sessions -> list',
          'GET /room_sessions -> list',
          'GET /room_sessions/{id} -> object',
        ],
        want: [
          'client.partnerCampaigns.list',
          'client.partnerCampaigns.listSharedByMe',
          'client.rooms.list',
          'client.rooms.sessions.listForRoom',
          'client.rooms.sessions.list',
          'client.rooms.sessions.retrieve',
        ],
      },
    ],
    [
      'TeXML: a document collection and `.json` segments keep their names',
      {
        given: [
          'GET /texml/Accounts/{sid}/Calls -> object',
          'POST /texml/Accounts/{sid}/Calls',
          'GET /texml/Accounts/{sid}/Calls/{call_sid} -> object',
          'POST /texml/Accounts/{sid}/Calls/{call_sid}/Streams.json',
          'GET /texml/Accounts/{sid}/Recordings/{recording_sid}.json -> object',
          'DELETE /texml/Accounts/{sid}/Recordings/{recording_sid}.json',
        ],
        want: [
          'client.texml.accounts.calls.retrieveCalls',
          'client.texml.accounts.calls.calls',
          'client.texml.accounts.calls.retrieve',
          'client.texml.accounts.calls.streamsJson',
          'client.texml.accounts.recordings.json.retrieveRecordingSidJson',
          'client.texml.accounts.recordings.json.deleteRecordingSidJson',
        ],
      },
    ],
    [
      'DELETE on a collection is a bulk delete',
      {
        given: ['DELETE /recordings', 'DELETE /recordings/{id}'],
        want: ['client.recordings.deleteBulk', 'client.recordings.delete'],
      },
    ],
    [
      'collisions: a name from a path word wins, the other takes a word its path adds (a scope, a parameter)',
      {
        given: [
          'POST /texml/calls/{application_id}',
          'POST /texml/calls/{call_sid}/update',
          'GET /brand/{id}/otp -> object',
          'PUT /brand/{id}/otp',
          'GET /brand/otp/{reference_id} -> object',
        ],
        want: [
          'client.texml.calls.updateByApplicationID',
          'client.texml.calls.update',
          'client.brand.otp.retrieveForBrand',
          'client.brand.otp.update',
          'client.brand.otp.retrieve',
        ],
      },
    ],
    [
      'a CRUD slot takes the verb that both the summary and the operationId lead with',
      {
        given: [
          'POST /orders | Place an order | PlaceOrder',
          'POST /reports/{id} | Regenerate a report | regenerateReport',
          'PUT /reports/{id} | Update a report | UpdateReport',
          'PATCH /plans/{id} | Archive a plan | ArchivePlan',
        ],
        want: [
          'client.orders.place',
          'client.reports.regenerate',
          'client.reports.update',
          'client.plans.archive',
        ],
      },
    ],
    [
      'a DELETE keeps delete and a 202 POST keeps create, whatever verb they state',
      {
        given: [
          'DELETE /subscriptions/{id} | Cancel a subscription | cancel_subscription_delete',
          'POST /faxes -> 202 | Send a fax | SendFax',
          'POST /messages | Send a message | SendMessage',
        ],
        want: ['client.subscriptions.delete', 'client.faxes.create', 'client.messages.send'],
      },
    ],
    [
      'no stated verb: sources that disagree, a CRUD verb or synonym, a read, the resource noun',
      {
        given: [
          'POST /invoices | Send an invoice | CreateInvoice',
          'DELETE /invoices/{id} | Delete an invoice | DeleteInvoice',
          'POST /tickets | Submit a ticket | SubmitTicket',
          'PATCH /tickets/{id} | Modify a ticket | ModifyTicket',
          'GET /tickets/{id} -> object | View a ticket | ViewTicket',
          'POST /carts | Cart checkout | CartCheckout',
          'POST /carts/{id} | Cart (beta): apply | CartApply',
        ],
        want: [
          'client.invoices.create',
          'client.invoices.delete',
          'client.tickets.create',
          'client.tickets.update',
          'client.tickets.retrieve',
          'client.carts.create',
          'client.carts.update',
        ],
      },
    ],
    [
      "a folded POST's stated verb leads: moved first, or before the noun; a CRUD verb only on an item's noun",
      {
        given: [
          'POST /invoices/{id}/reminder | Send a payment reminder | SendInvoiceReminder',
          'POST /orders/{id}/actions/label_print | Print the shipping label | print_order_label',
          'POST /orders/{id}/actions/ship | Ship an order | ShipOrder',
          'POST /orders/{id}/confirmation_codes | Confirm the codes | ConfirmOrderCodes',
          'POST /orders/{id}/token | Create an access token | CreateOrderToken',
          'POST /auth/grants | Create a grant | CreateGrant',
          'PUT /orders/{id}/note | Write a note | WriteOrderNote',
          'POST /shops/{sid}/Orders/{oid}/Streams.json | Start a stream | StartStream',
        ],
        want: [
          'client.invoices.sendReminder',
          'client.orders.actions.printLabel',
          'client.orders.actions.ship',
          'client.orders.confirmationCodes',
          'client.orders.createToken',
          'client.auth.grants',
          'client.orders.updateNote',
          'client.shops.orders.streamsJson',
        ],
      },
    ],
    [
      'a segment without a letter or digit names nothing (it gave `export class  extends APIResource`)',
      {
        given: ['GET /pets*/*/toys -> list', 'POST /pets/-/feed'],
        want: ['client.pets.listToys', 'client.pets.feed'],
      },
    ],
  ])('%s', (_, { given, want }) => expect(accessors(given)).toEqual(want));

  it('reports every rename as a lint warning', () => {
    const given = ops(['GET /pets -> list', 'GET /v2/pets -> list']);
    const { findings } = assignNames(given, {
      lock: undefined,
      overrides: {},
      digitPrefix: 'messaging',
      locate: () => 'spec.yml:1:1',
      configFile: 'config.yml',
    });
    expect(findings.map((f) => f.message)).toEqual([
      'GET /v2/pets would be pets.list like GET /pets; named pets.list2',
    ]);
  });
});

describe('returnsList', () => {
  const obj = (...names: [string, TypeNode][]): TypeNode =>
    ({ kind: 'object', properties: names.map(([name, type]) => ({ name, type })) }) as unknown as TypeNode;
  const arr = (items: TypeNode): TypeNode => ({ kind: 'array', items }) as unknown as TypeNode;
  const str = { kind: 'string' } as unknown as TypeNode;
  const draft = (type: TypeNode | undefined, pagination?: { style: string; autoPaging: boolean }) =>
    ({ response: { status: '200', kind: 'json', type }, pagination }) as unknown as OperationDraft;
  it.each<[string, { given: OperationDraft; want: boolean | undefined }]>([
    [
      'a page',
      { given: draft(obj(['data', arr(str)]), { style: 'page-number', autoPaging: true }), want: true },
    ],
    [
      'a TeXML page is a document',
      { given: draft(obj(['calls', arr(str)]), { style: 'texml', autoPaging: false }), want: false },
    ],
    ['records in data', { given: draft(obj(['data', arr(obj(['id', str]))])), want: true }],
    ['page metadata next to data', { given: draft(obj(['data', arr(str)], ['meta', obj()])), want: true }],
    [
      'plain values cannot tell',
      { given: draft(obj(['data', arr(obj(['timestamp', str]))])), want: undefined },
    ],
    ['an object', { given: draft(obj(['data', obj(['id', str])])), want: false }],
    ['no schema', { given: draft(undefined), want: undefined }],
  ])('%s', (_, { given, want }) => expect(returnsList(given, (n) => n)).toBe(want));
});
