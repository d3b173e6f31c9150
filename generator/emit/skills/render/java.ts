/**
 * Java call examples for the official SDK (Stainless conventions): a params object built with
 * `XParams.builder().field(...).build()`, arrays through `addItem(...)`, enums as constants of the
 * params' nested enum class, free-form maps through `putAdditionalProperty`, then
 * `client.a().b(positional, params)`. Class, setter and package names are naming's
 * (generator/naming/fields.ts).
 */
import type { Example } from '../../../examples/examples.ts';
import type { CallInput } from '../../../surface/index.ts';
import { downloadName } from './layout.ts';
import type { OperationSpelling } from '../../../naming/names.ts';
import { javaString, numberText } from '../literals.ts';
import { list } from './layout.ts';
import { javaPath, type ResultPath } from '../results.ts';

const STEP = '    ';
const IMPORTS = {
  path: 'java.nio.file.Path',
  files: 'java.nio.file.Files',
  list: 'java.util.List',
  map: 'java.util.Map',
  json: 'com.telnyx.sdk.core.JsonValue',
};

export interface JavaCall {
  imports: string[];
  /** The statement building the params, when the call takes required params. */
  params?: string;
  expr: string;
  result: CallInput['result'];
  file: string;
  /** What the example prints: where the result lives (`response.data?.id`). */
  show: string;
}

interface Scope {
  /** How the SDK spells this operation's setters, classes and package (generator/naming/fields.ts). */
  names: OperationSpelling['java'];
  /** Class that owns the values being set (params class or a nested class). */
  owner: string;
  /** Package of the params class; component classes are imported from it. */
  pkg: string;
  indent: string;
  imports: Set<string>;
}

/** `Owner.Field.CONSTANT`, or `Owner.Field.of("value")` for a value no constant name reads. */
function enumConstant(scope: Scope, field: string, value: string): string {
  const type = scope.names.nestedClass(scope.owner, field);
  const constant = scope.names.enumConstant(value);
  return constant ? `${type}.${constant}` : `${type}.of(${javaString(value)})`;
}

/** A value passed to a setter of `scope.owner` for `field`. */
function value(ex: Example, field: string, scope: Scope): string {
  switch (ex.kind) {
    case 'string':
      return ex.enum ? enumConstant(scope, field, ex.value) : javaString(ex.value);
    case 'integer':
      return numberText(ex.value, true) + 'L';
    case 'number':
      return numberText(ex.value, false);
    case 'boolean':
      return String(ex.value);
    case 'null':
      return 'null';
    case 'file':
      scope.imports.add(IMPORTS.path);
      return `Path.of(${javaString(ex.path)})`;
    case 'array':
      scope.imports.add(IMPORTS.list);
      return list(
        'List.of(',
        ex.items.map((i) => value(i, field, { ...scope, indent: scope.indent + STEP })),
        ')',
        scope.indent,
        { step: STEP },
      );
    case 'object': {
      const owner = ex.ref ? scope.names.componentClass(ex.ref) : scope.names.nestedClass(scope.owner, field);
      if (ex.ref) scope.imports.add(`${scope.pkg}.${owner}`);
      return builder(owner, ex, { ...scope, owner });
    }
  }
}

/** Plain Java for free-form JSON (`JsonValue.from(...)` takes strings, numbers, lists and maps). */
function plain(ex: Example, scope: Scope): string {
  const inner = { ...scope, indent: scope.indent + STEP };
  if (ex.kind === 'object') {
    scope.imports.add(IMPORTS.map);
    return list(
      'Map.of(',
      ex.fields.map((f) => `${javaString(f.name)}, ${plain(f.value, inner)}`),
      ')',
      scope.indent,
      { step: STEP },
    );
  }
  if (ex.kind === 'array') {
    scope.imports.add(IMPORTS.list);
    return list(
      'List.of(',
      ex.items.map((i) => plain(i, inner)),
      ')',
      scope.indent,
      { step: STEP },
    );
  }
  return value(ex.kind === 'string' ? { kind: 'string', value: ex.value } : ex, 'value', scope);
}

function setters(ex: Example & { kind: 'object' }, scope: Scope): string[] {
  const inner = { ...scope, indent: scope.indent + STEP };
  if (ex.free) {
    scope.imports.add(IMPORTS.json);
    return ex.fields.map(
      (f) => `.putAdditionalProperty(${javaString(f.name)}, JsonValue.from(${plain(f.value, inner)}))`,
    );
  }
  return ex.fields.flatMap((f) => {
    const name = scope.names.setter(f.name);
    if (
      f.value.kind === 'array' &&
      f.value.items.length > 0 &&
      f.value.items.every((i) => i.kind !== 'array')
    ) {
      // Stainless builders add list items one by one: `.addAllowedGrantType(...)`.
      const item = scope.names.listItem(name);
      return f.value.items.map((i) => `.add${item}(${value(i, item, inner)})`);
    }
    return [`.${name}(${value(f.value, f.name, inner)})`];
  });
}

function builder(owner: string, ex: Example & { kind: 'object' }, scope: Scope): string {
  const calls = setters(ex, scope);
  const inline = `${owner}.builder()${calls.join('')}.build()`;
  if (!inline.includes('\n') && scope.indent.length + inline.length <= 72) return inline;
  const inner = scope.indent + STEP;
  return `${owner}.builder()\n${calls.map((c) => inner + c).join('\n')}\n${inner}.build()`;
}

export function javaCall(
  input: CallInput,
  _server: string,
  names: OperationSpelling,
  path: ResultPath,
): JavaCall {
  const pkg = names.java.package;
  const imports = new Set<string>();
  const scope: Scope = { names: names.java, owner: input.paramsType, pkg, indent: '', imports };
  const args: string[] = [];
  // Path arguments are plain strings (or longs) in the SDK, even where the spec lists allowed values.
  const positional = input.positional?.value;
  if (positional)
    args.push(
      value(
        positional.kind === 'string' ? { kind: 'string', value: positional.value } : positional,
        'id',
        scope,
      ),
    );
  const fields = input.fields.map((f) => ({ name: f.wire, value: f.value }));
  if (input.wholeBody) fields.push({ name: 'body', value: input.wholeBody });
  const call: JavaCall = {
    imports: [],
    expr: '',
    result: input.result,
    file: javaString(downloadName(input.resultMedia)),
    show: javaPath('response', path.response),
  };
  if (fields.length > 0 || input.paramsRequired) {
    imports.add(`${pkg}.${input.paramsType}`);
    call.params = `${input.paramsType} params = ${builder(input.paramsType, { kind: 'object', fields }, scope)};`;
    args.push('params');
  }
  if (input.result === 'download') [IMPORTS.files, IMPORTS.path].forEach((i) => imports.add(i));
  call.expr = `${input.op.names.java}(${args.join(', ')})`;
  call.imports = [...imports].sort();
  return call;
}
