/**
 * Ruby call examples for the official SDK: keyword arguments in snake_case, nested values as hashes
 * keyed by the wire names (`"odd-key": 1` where a name is not a plain label).
 */
import type { Example } from '../../../examples/examples.ts';
import type { CallInput } from '../../../surface/index.ts';
import { downloadName } from './layout.ts';
import { numberText, rbString } from '../literals.ts';
import { keywordArgs, list } from './layout.ts';
import type { OperationSpelling } from '../../../naming/names.ts';
import { rbPath, type ResultPath } from '../results.ts';

const STYLE = { pad: true, step: '  ' };

export interface RbCall {
  expr: string;
  result: CallInput['result'];
  file: string;
  /** What the example prints: where the result lives (`response.data?.id`). */
  show: string;
}

/** `name:` when the name is a plain label, else `"name":` (a quoted symbol key). */
const label = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${name}:` : `${rbString(name)}:`);

function value(ex: Example, indent: string): string {
  switch (ex.kind) {
    case 'string':
      return rbString(ex.value);
    case 'integer':
    case 'number':
      return numberText(ex.value, ex.kind === 'integer');
    case 'boolean':
      return String(ex.value);
    case 'null':
      return 'nil';
    case 'file':
      return `File.open(${rbString(ex.path)}, "rb")`;
    case 'array':
      return list(
        '[',
        ex.items.map((i) => value(i, indent + STYLE.step)),
        ']',
        indent,
        { ...STYLE, pad: false },
      );
    case 'object':
      return list(
        '{',
        ex.fields.map((f) => `${label(f.name)} ${value(f.value, indent + STYLE.step)}`),
        '}',
        indent,
        STYLE,
      );
  }
}

export function rbCall(
  input: CallInput,
  _server: string,
  names: OperationSpelling,
  path: ResultPath,
): RbCall {
  const args = keywordArgs(input, 'ruby', names.ruby.args, ': ', (v) => value(v, STYLE.step));
  const call = args.length
    ? list('(', args, ')', '', { step: STYLE.step }, 'response = '.length + input.op.names.ruby.length)
    : '';
  return {
    expr: `${input.op.names.ruby}${call}`,
    result: input.result,
    file: rbString(downloadName(input.resultMedia)),
    show: rbPath('response', path.response),
  };
}
