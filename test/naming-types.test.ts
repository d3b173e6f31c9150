/**
 * TypeScript type names (generator/naming/types.ts) as tables of given model names and wanted TS
 * names, and the list of names the package entry exports beside the models, checked against the
 * entry template and the runtime's index as written.
 */
import { RUNTIME_SYMBOL_NAMES } from '../generator/emit/typescript/imports.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { assignTypeNames, nestedTypeNames, RUNTIME_NAMES } from '../generator/naming/types.ts';
import { ROOT } from './support/cli.ts';

describe('assignTypeNames', () => {
  it.each<[string, { given: string[]; want: Record<string, string> }]>([
    ['a valid identifier keeps its name', { given: ['SIMCard'], want: { SIMCard: 'SIMCard' } }],
    [
      'other names are PascalCased words',
      { given: ['call-control_Error'], want: { 'call-control_Error': 'CallControlError' } },
    ],
    [
      'a leading digit takes the prefix',
      { given: ['10dlc_brand'], want: { '10dlc_brand': 'Messaging10dlcBrand' } },
    ],
    ['a JS global takes Schema', { given: ['Record'], want: { Record: 'RecordSchema' } }],
    ['a runtime export takes Schema', { given: ['APIError'], want: { APIError: 'APIErrorSchema' } }],
    [
      'a primitive type name or a reserved word takes Schema (`export interface string` does not compile)',
      {
        given: ['string', 'undefined', 'class', 'await', 'type', 'prototype'],
        want: {
          string: 'stringSchema',
          undefined: 'undefinedSchema',
          class: 'classSchema',
          await: 'awaitSchema',
          type: 'type',
          prototype: 'prototypeSchema',
        },
      },
    ],
    [
      'two spellings of one name: the later by name is numbered',
      {
        given: ['phone-number', 'phone number'],
        want: { 'phone number': 'PhoneNumber', 'phone-number': 'PhoneNumber2' },
      },
    ],
    [
      'nested types live in their owner namespace',
      { given: ['Call', 'Call.from'], want: { Call: 'Call', 'Call.from': 'Call.From' } },
    ],
    [
      'a nested name that would capture a top-level type takes Object',
      {
        given: ['Address', 'Order', 'Order.address'],
        want: { Address: 'Address', Order: 'Order', 'Order.address': 'Order.AddressObject' },
      },
    ],
    [
      'a nested name that would shadow a global takes Object',
      { given: ['Order', 'Order.date'], want: { Order: 'Order', 'Order.date': 'Order.DateObject' } },
    ],
    [
      'two nested spellings of one name: the second is numbered',
      {
        given: ['Order', 'Order.line-item', 'Order.line item'],
        want: { Order: 'Order', 'Order.line item': 'Order.LineItem', 'Order.line-item': 'Order.LineItem2' },
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(Object.fromEntries(assignTypeNames(given, 'messaging'))).toEqual(want);
  });
});

describe('nestedTypeNames', () => {
  it.each<[string, { given: { root: string; raw: string[] }; want: string[] }]>([
    [
      'PascalCased',
      {
        given: { root: 'CallDialParams', raw: ['answering_machine_detection'] },
        want: ['AnsweringMachineDetection'],
      },
    ],
    ['a leading digit is prefixed', { given: { root: 'P', raw: ['2fa'] }, want: ['N2fa'] }],
    ['the root name takes Object', { given: { root: 'Source', raw: ['source'] }, want: ['SourceObject'] }],
    [
      'a name the declarations use takes Object',
      { given: { root: 'P', raw: ['record', 'models'] }, want: ['RecordObject', 'ModelsObject'] },
    ],
    [
      'a second spelling of a taken name takes Object again',
      {
        given: { root: 'P', raw: ['meta', 'Meta', 'meta-'] },
        want: ['Meta', 'MetaObject', 'MetaObjectObject'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    const nameOf = nestedTypeNames(given.root);
    expect(given.raw.map(nameOf)).toEqual(want);
  });

  it('names each namespace afresh', () => {
    const first = nestedTypeNames('P');
    expect(first('meta')).toBe('Meta');
    expect(nestedTypeNames('P')('meta')).toBe('Meta');
  });
});

const RUNTIME = join(ROOT, 'templates/typescript/runtime');

/**
 * Names exported by a module's source: its export lists and exported declarations, with `export *`
 * targets followed (the entry's `./core/index.js`, and runtime modules' re-exports of each other).
 */
function exportedNames(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) {
      const exported = ts.canHaveModifiers(statement)
        ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      const name = (statement as { name?: ts.Node }).name;
      if (exported && name && ts.isIdentifier(name)) names.push(name.text);
      continue;
    }
    const from = statement.moduleSpecifier && (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.exportClause;
    if (clause && ts.isNamedExports(clause)) names.push(...clause.elements.map((e) => e.name.text));
    else if (clause && ts.isNamespaceExport(clause)) names.push(clause.name.text);
    // `export type * from './models.js'` is the models themselves; `./core/index.js` is the runtime.
    else if (from === './core/index.js') names.push(...exportedNames(join(RUNTIME, 'index.ts')));
    else if (from && dirname(file) === RUNTIME)
      names.push(...exportedNames(join(RUNTIME, from.replace(/\.js$/, '.ts'))));
  }
  return names;
}

describe('RUNTIME_NAMES', () => {
  it('holds every name the package entry exports beside the models', () => {
    const template = readFileSync(join(ROOT, 'templates/typescript/index.ts.hbs'), 'utf8');
    const entry = exportedNames('index.ts', template.replace(/\{\{clientClass\}\}/g, 'Telnyx'));
    // The parse found the runtime (through `export *`) and the entry's own names.
    expect(entry).toEqual(
      expect.arrayContaining(['Telnyx', 'Models', 'APIError', 'WebhookVerificationError', 'verifyWebhook']),
    );
    expect(entry.filter((name) => !RUNTIME_NAMES.has(name))).toEqual([]);
  });

  it('holds what resource files import from the core', () => {
    // Resource files import exactly the symbols of emit/typescript/imports.ts (plus page classes).
    expect(RUNTIME_SYMBOL_NAMES.length).toBeGreaterThan(0);
    expect(RUNTIME_SYMBOL_NAMES.filter((name) => !RUNTIME_NAMES.has(name))).toEqual([]);
  });
});
