/**
 * Python call examples for the official SDK: keyword arguments as naming spells them (snake_case,
 * generator/naming/fields.ts), nested values as dicts keyed by the wire names.
 */
import type { Example } from '../../../examples/examples.ts';
import type { CallInput } from '../../../surface/index.ts';
import { downloadName } from './layout.ts';
import { numberText, pyString } from '../literals.ts';
import { keywordArgs, list } from './layout.ts';
import type { OperationSpelling } from '../../../naming/names.ts';
import { pyPath, type ResultPath } from '../results.ts';

const STYLE = { trailing: true, step: '    ' };
export interface PyCall {
  expr: string;
  result: CallInput['result'];
  file: string;
  /** What the example prints: where the result lives (`response.data?.id`). */
  show: string;
}

function value(ex: Example, indent: string): string {
  switch (ex.kind) {
    case 'string':
      return pyString(ex.value);
    case 'integer':
    case 'number':
      return numberText(ex.value, ex.kind === 'integer');
    case 'boolean':
      return ex.value ? 'True' : 'False';
    case 'null':
      return 'None';
    case 'file':
      return `open(${pyString(ex.path)}, "rb")`;
    case 'array':
      return list(
        '[',
        ex.items.map((i) => value(i, indent + STYLE.step)),
        ']',
        indent,
        STYLE,
      );
    case 'object':
      return list(
        '{',
        ex.fields.map((f) => `${pyString(f.name)}: ${value(f.value, indent + STYLE.step)}`),
        '}',
        indent,
        STYLE,
      );
  }
}

export function pyCall(
  input: CallInput,
  _server: string,
  names: OperationSpelling,
  path: ResultPath,
): PyCall {
  const args = keywordArgs(input, 'python', names.python.args, '=', (v) => value(v, STYLE.step));
  const lead = 'response = '.length + input.op.names.python.length;
  return {
    expr: `${input.op.names.python}${list('(', args, ')', '', STYLE, lead)}`,
    result: input.result,
    file: pyString(downloadName(input.resultMedia)),
    show: pyPath('response', path.response),
  };
}
