/**
 * Go call examples for the official SDK (Stainless conventions): `client.A.B(ctx, positional,
 * telnyx.ABParams{Field: value})`, nested objects as named param structs, required values plain
 * (optional ones would be `telnyx.String(...)`), uploads opened with os.Open before the call. The
 * params, struct and field names are naming's (generator/naming/fields.ts).
 */
import type { Example } from '../../../examples/examples.ts';
import type { CallInput } from '../../../surface/index.ts';
import { downloadName } from './layout.ts';
import type { OperationSpelling } from '../../../naming/names.ts';
import { goString, numberText } from '../literals.ts';
import { list } from './layout.ts';
import { goPath, type ResultPath } from '../results.ts';

const STYLE = { trailing: true, step: '\t' };

export interface GoCall {
  /** Standard library imports of the example program (the SDK's two come after them). */
  imports: string[];
  /** Statements before the call (opening uploads). */
  pre: string[];
  /** The call, `client.A.B(context.TODO(), ...)`. */
  expr: string;
  /** `ListAutoPaging` form of the call for list results. */
  pager: string;
  result: CallInput['result'];
  file: string;
  /** What the example prints: where the result lives (`response.data?.id`). */
  show: string;
}

interface Scope {
  /** How the SDK spells this operation's fields and structs (generator/naming/fields.ts). */
  names: OperationSpelling['go'];
  /** Type name of the struct being filled, e.g. `CallDialParams`. */
  type: string;
  indent: string;
  /** Uploads opened before the call: variable name and path. */
  files: { name: string; path: string }[];
  /** Fields of the params struct that are optional: their scalars are `param.Opt` (`telnyx.String`). */
  optional?: Set<string>;
}

const OPT: Record<string, string> = { string: 'String', integer: 'Int', number: 'Float', boolean: 'Bool' };

/** An optional scalar of a params struct, wrapped as the SDK's `param.Opt` takes it; enums stay plain. */
function wrapped(ex: Example, rendered: string): string {
  const wrapper = OPT[ex.kind];
  return wrapper && !(ex.kind === 'string' && ex.enum) ? `telnyx.${wrapper}(${rendered})` : rendered;
}

function scalarSlice(items: Example[]): string {
  const kinds = new Set(items.map((i) => i.kind));
  if (kinds.size !== 1) return 'any';
  const [kind] = kinds;
  return (
    ({ string: 'string', integer: 'int64', number: 'float64', boolean: 'bool' } as Record<string, string>)[
      kind
    ] ?? 'any'
  );
}

/** A value where the Go type is known from the field (struct fields, slice elements). */
function value(ex: Example, scope: Scope, elided = false): string {
  switch (ex.kind) {
    case 'string':
      return goString(ex.value);
    case 'integer':
    case 'number':
      return numberText(ex.value, ex.kind === 'integer');
    case 'boolean':
      return String(ex.value);
    case 'null':
      return 'nil';
    case 'file': {
      const name = scope.files.length === 0 ? 'file' : `file${scope.files.length + 1}`;
      scope.files.push({ name, path: ex.path });
      return name;
    }
    case 'array': {
      const inner = { ...scope, indent: scope.indent + STYLE.step, optional: undefined };
      const first = ex.items[0];
      if (first?.kind === 'object' && !first.free) {
        const type = structType(first, scope);
        return list(
          `[]${type}{`,
          ex.items.map((i) => value(i, { ...inner, type: type.replace(/^telnyx\./, '') }, true)),
          '}',
          scope.indent,
          STYLE,
        );
      }
      if (ex.items.some((i) => i.kind === 'object' || i.kind === 'array'))
        return list(
          '[]any{',
          ex.items.map((i) => anyValue(i, inner.indent, scope)),
          '}',
          scope.indent,
          STYLE,
        );
      return list(
        `[]${scalarSlice(ex.items)}{`,
        ex.items.map((i) => value(i, inner)),
        '}',
        scope.indent,
        STYLE,
      );
    }
    case 'object': {
      if (ex.free) return anyValue(ex, scope.indent, scope);
      const type = structType(ex, scope);
      const own = type.replace(/^telnyx\./, '');
      const names = scope.names.fields(ex.fields.map((f) => f.name));
      const inner = { ...scope, indent: scope.indent + STYLE.step, optional: undefined };
      const fields = ex.fields.map((f, i): [string, string] => {
        const rendered = value(f.value, { ...inner, type: scope.names.nestedStruct(own, names[i]) });
        return [`${names[i]}:`, scope.optional?.has(f.name) ? wrapped(f.value, rendered) : rendered];
      });
      return keyed(`${elided ? '' : type}{`, fields, scope.indent);
    }
  }
}

/**
 * A keyed composite literal laid out as gofmt does: one line when short, else one entry per line with
 * the values of consecutive one-line entries aligned (an entry spanning lines ends the run).
 */
function keyed(open: string, entries: [key: string, value: string][], indent: string): string {
  const inline = list(
    open,
    entries.map(([k, v]) => `${k} ${v}`),
    '}',
    indent,
    STYLE,
  );
  if (!inline.includes('\n')) return inline;
  const width: number[] = [];
  for (let i = 0; i < entries.length;) {
    let end = i;
    while (end < entries.length && !entries[end][1].includes('\n')) end++;
    const longest = Math.max(0, ...entries.slice(i, end).map(([k]) => k.length));
    for (let j = i; j < end; j++) width[j] = longest;
    if (end < entries.length) width[end] = 0;
    i = end + 1;
  }
  const inner = indent + STYLE.step;
  return `${open}\n${entries.map(([k, v], i) => `${inner}${k.padEnd(width[i])} ${v}`).join(',\n')},\n${indent}}`;
}

/** The struct type of an object: its component's param type, else the one named for its place. */
function structType(ex: Example & { kind: 'object' }, scope: Scope): string {
  return `telnyx.${ex.ref ? scope.names.componentParam(ex.ref) : scope.type}`;
}

/** Free-form values (`map[string]any`), where nothing names a Go type. */
function anyValue(ex: Example, indent: string, scope: Scope): string {
  const step = indent + STYLE.step;
  if (ex.kind === 'object')
    return keyed(
      'map[string]any{',
      ex.fields.map((f): [string, string] => [`${goString(f.name)}:`, anyValue(f.value, step, scope)]),
      indent,
    );
  if (ex.kind === 'array')
    return list(
      '[]any{',
      ex.items.map((i) => anyValue(i, step, scope)),
      '}',
      indent,
      STYLE,
    );
  return value(ex, { ...scope, indent });
}

export function goCall(
  input: CallInput,
  _server: string,
  names: OperationSpelling,
  path: ResultPath,
): GoCall {
  const optional = new Set(input.fields.filter((f) => f.optional).map((f) => f.wire));
  const scope: Scope = { names: names.go, type: names.go.paramsType, indent: '', files: [], optional };
  const args = ['context.TODO()'];
  if (input.positional) args.push(value(input.positional.value, scope));
  if (input.hasParams) {
    const fields = input.fields.map((f) => ({ name: f.wire, value: f.value }));
    if (input.wholeBody) fields.push({ name: 'body', value: input.wholeBody });
    args.push(value({ kind: 'object', fields }, scope));
  }
  // Exactly what the call template uses: Go rejects an unused import as firmly as a missing one.
  const imports = new Set(['context', 'os']);
  if (input.result === 'download') imports.add('io');
  else if (input.result !== 'none') imports.add('fmt');
  const pre = scope.files.map(
    ({ name, path }) =>
      `${name}, err := os.Open(${goString(path)})\nif err != nil {\n\tpanic(err.Error())\n}\ndefer ${name}.Close()`,
  );
  const call = (method: string) => `${method}(${args.join(', ')})`;
  return {
    imports: [...imports].sort(),
    pre,
    expr: call(input.op.names.go),
    pager: call(input.op.names.go + 'AutoPaging'),
    result: input.result,
    file: goString(downloadName(input.resultMedia)),
    show: goPath('response', path.response),
  };
}
