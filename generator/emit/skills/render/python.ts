/**
 * Python call examples for the official SDK: keyword arguments in snake_case (the API's own spelling
 * where it already is snake_case), nested values as dicts keyed by the wire names.
 */
import { snake } from '../../../naming/casing.ts';
import type { Example } from '../../../examples/examples.ts';
import type { CallInput } from '../../../surface/index.ts';
import { downloadName } from './layout.ts';
import { numberText, pyString } from '../literals.ts';
import { keywordArgs, list } from './layout.ts';
import { PYTHON_KEYWORDS } from '../../../naming/keywords.ts';

const STYLE = { trailing: true, step: '    ' };
export interface PyCall {
  expr: string;
  result: CallInput['result'];
  file: string;
}

/** The wire name when it is snake_case already, else its snake_case (`brandId` -> brand_id). */
export function snakeName(wire: string): string {
  const name = /^[a-z_][a-z0-9_]*$/.test(wire) ? wire : snake(wire).replace(/^_+|_+$/g, '');
  if (!name) return 'param';
  return /^[0-9]/.test(name) ? '_' + name : name;
}

/** A keyword argument name; Python keywords get a trailing `_` (`from` -> `from_`), as the SDK spells them. */
export function pyName(wire: string): string {
  const name = snakeName(wire);
  return PYTHON_KEYWORDS.has(name) ? name + '_' : name;
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

export function pyCall(input: CallInput): PyCall {
  const args = keywordArgs(input, pyName, '=', (v) => value(v, STYLE.step));
  const lead = 'response = '.length + input.op.names.python.length;
  return {
    expr: `${input.op.names.python}${list('(', args, ')', '', STYLE, lead)}`,
    result: input.result,
    file: pyString(downloadName(input.resultMedia)),
  };
}
