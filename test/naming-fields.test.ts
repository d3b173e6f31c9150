/**
 * How each SDK spells an operation (generator/naming/fields.ts, languages.ts, names.ts) as tables of
 * given wire names or resource chains and wanted spellings: keyword arguments, struct fields and
 * setters per language, the Go params type, the Java package, the accessors, and the Names product.
 */
import { describe, expect, it } from 'vitest';
import { singular } from '../generator/naming/casing.ts';
import { GO, JAVA, PYTHON, RUBY, goParamsType, javaPackage } from '../generator/naming/fields.ts';
import {
  goAccessor,
  goMethod,
  javaAccessor,
  pythonAccessor,
  rubyAccessor,
} from '../generator/naming/languages.ts';
import { nameApi } from '../generator/naming/names.ts';
import type { Api, Operation } from '../generator/model/index.ts';

describe('input spelling per language', () => {
  // want: Python keyword argument, Ruby keyword argument, Go field, Java setter.
  it.each<[string, { given: string; want: [string, string, string, string] }]>([
    [
      'snake_case as it is',
      {
        given: 'call_control_id',
        want: ['call_control_id', 'call_control_id', 'CallControlID', 'callControlId'],
      },
    ],
    ['camelCase', { given: 'brandId', want: ['brand_id', 'brand_id', 'BrandID', 'brandId'] }],
    [
      'deepObject keys',
      { given: 'page[number]', want: ['page_number', 'page_number', 'PageNumber', 'pageNumber'] },
    ],
    [
      'a header',
      {
        given: 'X-Custom-Header',
        want: ['x_custom_header', 'x_custom_header', 'XCustomHeader', 'xCustomHeader'],
      },
    ],
    [
      'plural acronyms stay one word',
      { given: 'sender_IDs', want: ['sender_ids', 'sender_ids', 'SenderIDs', 'senderIds'] },
    ],
    ['a leading digit', { given: '10dlc_id', want: ['_10dlc_id', '_10dlc_id', 'Field10dlcID', '_10dlcId'] }],
    ['a Python keyword (a Ruby label)', { given: 'from', want: ['from_', 'from', 'From', 'from'] }],
    ['a keyword in Python, Ruby and Java', { given: 'class', want: ['class_', 'class_', 'Class', 'class_'] }],
    [
      'an Object method in Ruby (the official SDK takes format_:)',
      { given: 'format', want: ['format', 'format_', 'Format', 'format'] },
    ],
    [
      'a digit run stays on its word, as the official SDKs spell it',
      {
        given: 'businessAddr1',
        want: ['business_addr1', 'business_addr1', 'BusinessAddr1', 'businessAddr1'],
      },
    ],
    ['no word at all', { given: '_', want: ['_', '_', 'Field', 'param'] }],
  ])('%s', (_, { given, want }) => {
    expect([
      PYTHON.args([given])[0],
      RUBY.args([given])[0],
      GO.fields([given])[0],
      JAVA.setter(given),
    ]).toEqual(want);
  });

  it('a camelCase plural acronym is one word in every language, as their official SDKs spell it', () => {
    const given = 'optInWorkflowImageURLs';
    expect([
      PYTHON.args([given])[0],
      RUBY.args([given])[0],
      GO.fields([given])[0],
      JAVA.setter(given),
    ]).toEqual([
      'opt_in_workflow_image_urls',
      'opt_in_workflow_image_urls',
      'OptInWorkflowImageURLs',
      'optInWorkflowImageUrls',
    ]);
    expect(GO.fields(['sender_ids', 'allowed_ips'])).toEqual(['SenderIDs', 'AllowedIPs']);
  });

  it.each<[string, { given: string[]; want: { python: string[]; go: string[] } }]>([
    [
      'two wire names with one spelling: the second is numbered',
      {
        given: ['page[number]', 'page_number'],
        want: { python: ['page_number', 'page_number2'], go: ['PageNumber', 'PageNumber2'] },
      },
    ],
    [
      'a whole body goes as body',
      { given: ['id', 'body'], want: { python: ['id', 'body'], go: ['ID', 'Body'] } },
    ],
  ])('siblings: %s', (_, { given, want }) => {
    expect({ python: PYTHON.args(given), go: GO.fields(given) }).toEqual(want);
  });

  it.each<[string, { given: string; want: string }]>([
    ['Java list item: singular', { given: JAVA.listItem('allowedGrantTypes'), want: 'AllowedGrantType' }],
    ['Java list item: -es', { given: JAVA.listItem('addresses'), want: 'Address' }],
    ['Java list item: an escaped keyword', { given: JAVA.listItem('class_'), want: 'Class_' }],
    [
      'Java component class',
      { given: JAVA.componentClass('answering_machine_config'), want: 'AnsweringMachineConfig' },
    ],
    ['Java component class: a leading digit', { given: JAVA.componentClass('2fa'), want: 'Type2fa' }],
    [
      'Java nested class',
      { given: JAVA.nestedClass('CallDialParams', 'record_channels'), want: 'CallDialParams.RecordChannels' },
    ],
    [
      'Java enum constant',
      { given: String(JAVA.enumConstant('predefined-media')), want: 'PREDEFINED_MEDIA' },
    ],
    ['Java enum value no constant reads', { given: String(JAVA.enumConstant('1x')), want: 'undefined' }],
    ['Go component param', { given: GO.componentParam('CallRequest'), want: 'CallRequestParam' }],
    [
      'Go component param: a leading digit',
      { given: GO.componentParam('10dlc_brand'), want: 'Type10dlcBrandParam' },
    ],
    [
      'Go nested struct',
      {
        given: GO.nestedStruct('CallDialParams', 'AnsweringMachineConfig'),
        want: 'CallDialParamsAnsweringMachineConfig',
      },
    ],
  ])('%s', (_, { given, want }) => expect(given).toBe(want));
});

describe('singular (type names and path words)', () => {
  it.each<[string, { given: string; want: string }]>([
    ['PascalCase: the last word', { given: 'OAuthClients', want: 'OAuthClient' }],
    ['-ies', { given: 'Policies', want: 'Policy' }],
    ['a plural acronym', { given: 'AlphanumericSenderIDs', want: 'AlphanumericSenderID' }],
    ['IPs', { given: 'GlobalIPs', want: 'GlobalIP' }],
    ['an abbreviation drops its s, as the official type names do', { given: 'Fqdns', want: 'Fqdn' }],
    ['an acronym spelled with a capital S stays', { given: 'SMS', want: 'SMS' }],
    ['digits stay with their word', { given: 'Messaging10dlc', want: 'Messaging10dlc' }],
    ['an escaped keyword', { given: 'class_', want: 'class_' }],
  ])('%s', (_, { given, want }) => expect(singular(given)).toBe(want));
});

describe('from the resource chain', () => {
  // want: Go params type, Java package.
  it.each<[string, { given: { resource: string[]; method: string }; want: [string, string] }]>([
    [
      'create is New in Go',
      {
        given: { resource: ['oauthClients'], method: 'create' },
        want: ['OAuthClientNewParams', 'com.telnyx.sdk.models.oauthclients'],
      },
    ],
    [
      'every resource singular',
      {
        given: { resource: ['calls', 'actions'], method: 'answer' },
        want: ['CallActionAnswerParams', 'com.telnyx.sdk.models.calls.actions'],
      },
    ],
    [
      'retrieve is Get in Go',
      {
        given: { resource: ['messaging10dlc', 'brand'], method: 'retrieveFeedback' },
        want: ['Messaging10dlcBrandGetFeedbackParams', 'com.telnyx.sdk.models.messaging10dlc.brand'],
      },
    ],
    [
      'a Java keyword or a leading digit takes _ in the package',
      {
        given: { resource: ['package', '10dlc'], method: 'list' },
        want: ['Package10dlcListParams', 'com.telnyx.sdk.models._package._10dlc'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect([goParamsType(given.resource, goMethod(given.method)), javaPackage(given.resource)]).toEqual(want);
  });
});

describe('accessors', () => {
  // want: Python, Ruby, Go, Java.
  it.each<
    [string, { given: { resource: string[]; method: string }; want: [string, string, string, string] }]
  >([
    [
      'a Ruby Object method takes _ in Ruby only',
      {
        given: { resource: ['messages'], method: 'send' },
        want: [
          'client.messages.send',
          'client.messages.send_',
          'client.Messages.Send',
          'client.messages().send',
        ],
      },
    ],
    [
      "a resource that clashes in Ruby takes _ there (Ruby's list, not Python's)",
      {
        given: { resource: ['class'], method: 'retrieve' },
        want: [
          'client.class_.retrieve',
          'client.class_.retrieve',
          'client.Class.Get',
          'client.class_().retrieve',
        ],
      },
    ],
    [
      'a Python keyword resource is plain in Ruby',
      {
        given: { resource: ['from'], method: 'retrieve' },
        want: ['client.from_.retrieve', 'client.from.retrieve', 'client.From.Get', 'client.from().retrieve'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    const { resource, method } = given;
    expect([
      pythonAccessor(resource, method),
      rubyAccessor(resource, method),
      goAccessor(resource, method),
      javaAccessor(resource, method),
    ]).toEqual(want);
  });
});

describe('nameApi', () => {
  const op = (key: string, resource: string[], method: string) =>
    ({ key, names: { resource, method } }) as unknown as Operation;
  const api = {
    types: [{ name: 'Record' }, { name: 'call-control_Error' }],
    operations: [op('POST /oauth_clients', ['oauthClients'], 'create'), op('GET /fqdns', ['fqdns'], 'list')],
  } as unknown as Api;
  const names = nameApi(api, 'messaging');

  it('names every model type', () => {
    expect(Object.fromEntries(names.types)).toEqual({
      Record: 'RecordSchema',
      'call-control_Error': 'CallControlError',
    });
  });

  it('spells every operation for each SDK', () => {
    expect([...names.operations.keys()]).toEqual(['POST /oauth_clients', 'GET /fqdns']);
    const spelling = names.operations.get('GET /fqdns')!;
    expect([spelling.go.paramsType, spelling.java.package]).toEqual([
      'FqdnListParams',
      'com.telnyx.sdk.models.fqdns',
    ]);
    expect(spelling.python.args(['from'])).toEqual(['from_']);
  });
});
