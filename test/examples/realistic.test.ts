/**
 * The realistic-value rules (generator/examples/realistic.ts) as given/want tables: what a field gets
 * from its format, name and description when the spec gives no usable example; which spec examples
 * are placeholders; and the lint finding that names them with their file:line:col.
 */
import { describe, expect, it } from 'vitest';
import {
  phoneFor,
  placeholderReason,
  realisticString,
  subjectOf,
  uuidFor,
  type Field,
} from '../../generator/examples/realistic.ts';
import { lintSpec } from '../../generator/load/lint.ts';
import { parseSpecText } from '../../generator/load/parse.ts';

const E164 = /^\+131255501\d\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const values: [string, { given: Field; want: string | RegExp }][] = [
  ['a phone field by name', { given: { name: 'to' }, want: E164 }],
  ['camelCase phone fields', { given: { name: 'phoneNumber' }, want: E164 }],
  ['`*_phone_number`', { given: { name: 'billing_phone_number' }, want: E164 }],
  [
    'a phone field by description',
    { given: { name: 'destination', description: 'In E.164 format.' }, want: E164 },
  ],
  [
    '`to` that the description calls a date',
    { given: { name: 'to', description: 'ISO 8601 end timestamp' }, want: '2025-01-15T09:30:00Z' },
  ],
  [
    'the format decides before the name',
    { given: { name: 'from', format: 'date-time' }, want: '2025-01-15T09:30:00Z' },
  ],
  ['a call control id', { given: { name: 'call_control_id' }, want: /^v3:[\w-]{36}$/ }],
  ['a TeXML CallSid is one too', { given: { name: 'CallSid' }, want: /^v3:/ }],
  ['ids are uuids', { given: { name: 'messaging_profile_id' }, want: UUID }],
  ['uuid format', { given: { name: 'x', format: 'uuid' }, want: UUID }],
  ['webhook URLs', { given: { name: 'webhook_url', format: 'uri' }, want: 'https://example.com/webhooks' }],
  ['other URLs say what they are for', { given: { name: 'voice_url' }, want: 'https://example.com/voice' }],
  ['emails', { given: { name: 'contact_email' }, want: 'user@example.com' }],
  ['countries', { given: { name: 'country_code' }, want: 'US' }],
  ['languages', { given: { name: 'language' }, want: 'en-US' }],
  ['currencies', { given: { name: 'currency' }, want: 'USD' }],
  ['dates by name', { given: { name: 'start_date' }, want: '2025-01-15' }],
  ['message text', { given: { name: 'text' }, want: 'Hello from Telnyx! Your order has shipped.' }],
  ['instructions', { given: { name: 'instructions' }, want: /^You are a friendly support agent/ }],
  [
    'a name shaped by its resource',
    { given: { name: 'name', subject: 'Messaging Profile' }, want: 'My Messaging Profile' },
  ],
  ['a name without one', { given: { name: 'name' }, want: 'Main Office' }],
  [
    'an example the description gives',
    { given: { name: 'record_type', description: 'The type (e.g. "call-control").' }, want: 'call-control' },
  ],
  ['client_state is base64', { given: { name: 'client_state' }, want: 'b3JkZXItMTIzNA==' }],
  [
    'nothing known: a label, never the bare name',
    { given: { name: 'vettingClass' }, want: 'my-vetting-class' },
  ],
];

describe('realistic values', () => {
  it.each(values)('%s', (_, { given, want }) =>
    typeof want === 'string'
      ? expect(realisticString(given)).toBe(want)
      : expect(realisticString(given)).toMatch(want),
  );

  it('are a pure function of the field: the same parameter shows the same value everywhere', () => {
    for (const name of ['to', 'call_control_id', 'id', 'name', 'webhook_url'])
      expect(realisticString({ name })).toBe(realisticString({ name }));
    expect(uuidFor('connection_id')).toBe(uuidFor('connectionId'));
    // Different fields of one call differ: a message from a number to the same number says nothing.
    expect(phoneFor('to')).not.toBe(phoneFor('from'));
    expect(uuidFor('id')).not.toBe(uuidFor('connection_id'));
  });

  it('names a resource from its schema name', () => {
    expect(subjectOf('CreateMessagingProfileRequest')).toBe('Messaging Profile');
    expect(subjectOf('CreateMCPServerRequest')).toBe('MCP Server');
    expect(subjectOf('inference-embedding_Assistant')).toBe('Assistant');
    expect(subjectOf('CreateRequest')).toBeUndefined();
  });
});

const placeholders: [string, { value: unknown; name: string; want: boolean }][] = [
  ['a value equal to its field name', { value: 'call_control_id', name: 'call_control_id', want: true }],
  ['ignoring case and separators', { value: 'Billing group name', name: 'billing_group_name', want: true }],
  ['a stand-in word', { value: '+E.164', name: 'to', want: true }],
  ['"string"', { value: 'STRING', name: 'customer_reference', want: true }],
  ['a slot', { value: '<token>', name: 'auth', want: true }],
  ['JSON text is not a slot', { value: '{"key": "value"}', name: 'body', want: false }],
  ['a field that names a field', { value: 'name', name: 'sort', want: false }],
  ['a JSON Schema type', { value: 'string', name: 'type', want: false }],
  ['a real value', { value: '+13125550100', name: 'to', want: false }],
  ['numbers never', { value: 1, name: 'id', want: false }],
];

describe('placeholder examples', () => {
  it.each(placeholders)('%s', (_, { value, name, want }) =>
    expect(placeholderReason(value, name) !== undefined).toBe(want),
  );

  it('are a lint finding with file:line:col, enum members and lists with real values left alone', () => {
    const spec = `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /messages/{id}:
    post:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, example: id } }
        - { name: privacy, in: query, schema: { type: string, enum: [id, none], example: id } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                to: { type: string, example: '+E.164' }
                channels: { type: array, items: { type: string }, example: [sms, email] }
                cc: { type: array, items: { type: string }, example: [email] }
      responses: { '200': { description: ok } }
components:
  schemas:
    ToNumber: { type: string, example: '+E.164' }
`;
    const findings = lintSpec(parseSpecText(spec, 'spec.yml')).filter(
      (f) => f.rule === 'placeholder-example',
    );
    expect(findings.map((f) => [f.where, f.pointer])).toEqual([
      ['spec.yml:21:40', '/components/schemas/ToNumber/example'],
      ['spec.yml:7:82', '/paths/~1messages~1{id}/post/parameters/0/schema/example'],
      [
        'spec.yml:17:70',
        '/paths/~1messages~1{id}/post/requestBody/content/application~1json/schema/properties/cc/example',
      ],
      [
        'spec.yml:15:46',
        '/paths/~1messages~1{id}/post/requestBody/content/application~1json/schema/properties/to/example',
      ],
    ]);
    expect(findings[0].message).toMatch(/"ToNumber" is a placeholder/);
  });
});
