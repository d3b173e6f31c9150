/**
 * JavaScript/TypeScript call examples for our generated client: `client.a.b(positional, { ...params })`
 * (generator/naming/signature.ts), request keys as the API spells them.
 */
import type { Example } from '../../../examples/examples.ts';
import type { CallInput, InputField } from '../../../surface/index.ts';
import { downloadName } from './layout.ts';
import { jsString, numberText } from '../literals.ts';
import { list, officialParams } from './layout.ts';
import { jsPath, type ResultPath } from '../results.ts';

const STYLE = { pad: true, trailing: true, step: '  ' };

export interface JsCall {
  /** Extra import lines (node:fs for uploads and downloads). */
  imports: string[];
  expr: string;
  result: CallInput['result'];
  file: string;
  /** What the example prints: where the result lives (`response.data?.id`). */
  show: string;
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name));

function value(ex: Example, indent: string, imports: Set<string>): string {
  switch (ex.kind) {
    case 'string':
      return jsString(ex.value);
    case 'integer':
    case 'number':
      return numberText(ex.value, ex.kind === 'integer');
    case 'boolean':
      return String(ex.value);
    case 'null':
      return 'null';
    case 'file':
      imports.add("import { createReadStream } from 'node:fs';");
      return `createReadStream(${jsString(ex.path)})`;
    case 'array':
      return list(
        '[',
        ex.items.map((i) => value(i, indent + STYLE.step, imports)),
        ']',
        indent,
        { ...STYLE, pad: false },
      );
    case 'object':
      return list(
        '{',
        ex.fields.map((f) => `${key(f.name)}: ${value(f.value, indent + STYLE.step, imports)}`),
        '}',
        indent,
        STYLE,
      );
  }
}

/**
 * The positional path argument's value in JavaScript: a number where the spec types the parameter so
 * (both SDKs take one; the official one takes nothing else), else its text. Text that no JS number
 * holds exactly (a 20-digit id) stays text: both SDKs accept it.
 */
export function jsPositional(field: InputField): Example {
  const { value: ex } = field;
  const number = ex.kind === 'string' && ex.value.trim() !== '' ? Number(ex.value) : NaN;
  if (!field.numeric || !Number.isFinite(number)) return ex;
  if (!Number.isInteger(number)) return { kind: 'number', value: number };
  return Number.isSafeInteger(number) ? { kind: 'integer', value: number } : ex;
}

/**
 * A raw body passed on its own (`keys.update(key, body, params)`): a file's bytes, read whole, which
 * both SDKs take (the official types it as a string, Blob or bytes, not as a stream, which ours also
 * takes). Multipart file fields keep the stream: both SDKs take one there.
 */
function bytesArgument(ex: Example, imports: Set<string>): string {
  if (ex.kind !== 'file') return value(ex, '', imports);
  imports.add("import { readFile } from 'node:fs/promises';");
  return `await readFile(${jsString(ex.path)})`;
}

export function jsCall(input: CallInput, _server: string, _names: unknown, path: ResultPath): JsCall {
  const imports = new Set<string>();
  const args: string[] = [];
  if (input.positional) args.push(value(jsPositional(input.positional), '', imports));
  const fields = officialParams(input);
  // A body of its own goes after the path parameter (bytes) or alone (an array); else it is `body`.
  if (input.wholeBody && input.bodyArg) args.push(bytesArgument(input.wholeBody, imports));
  else if (input.wholeBody) fields.push({ name: 'body', value: input.wholeBody });
  if (fields.length > 0 || (input.paramsRequired && !input.bodyArg)) {
    // The params object opens the call's line: `const response = await client.a.b(id, {`.
    const lead =
      'const response = await '.length +
      input.op.names.ts.length +
      1 +
      args.join(', ').length +
      (args.length ? 2 : 0);
    const object = list(
      '{',
      fields.map((f) => `${key(f.name)}: ${value(f.value, STYLE.step, imports)}`),
      '}',
      '',
      STYLE,
      lead,
    );
    args.push(object);
  }
  const file = downloadName(input.resultMedia);
  if (input.result === 'download') imports.add("import { writeFile } from 'node:fs/promises';");
  return {
    imports: [...imports].sort(),
    expr: `${input.op.names.ts}(${args.join(', ')})`,
    result: input.result,
    file: jsString(file),
    show: jsPath('response', path.response),
  };
}
