/**
 * Per-language accessors, derived from the TS resource chain and method (docs/NAMING.md,
 * "Other languages"). One table of conventions, one function per language.
 */
import { goPascal, javaCamel, snake } from './casing.ts';

/** Ruby methods that clash with `Object` methods or keywords get a trailing `_`. */
const RUBY_CLASHES = new Set([
  'send',
  'clone',
  'end',
  'test',
  'retry',
  'extend',
  'display',
  'freeze',
  'hash',
  'method',
  'class',
  'dup',
  'then',
  'tap',
  'inspect',
  'format',
  'puts',
  'print',
  'exit',
  'raise',
  'loop',
  'select',
  'sleep',
  'trap',
  'system',
  'open',
  'next',
  'redo',
  'begin',
  'case',
  'def',
  'do',
  'if',
  'in',
  'module',
  'not',
  'or',
  'and',
  'self',
  'super',
  'undef',
  'unless',
  'until',
  'when',
  'while',
  'yield',
  'alias',
  'break',
  'defined',
  'else',
  'elsif',
  'ensure',
  'false',
  'for',
  'nil',
  'rescue',
  'return',
  'true',
]);
const PYTHON_KEYWORDS = new Set([
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  'none',
  'true',
  'false',
]);
const JAVA_KEYWORDS = new Set([
  'abstract',
  'assert',
  'boolean',
  'break',
  'byte',
  'case',
  'catch',
  'char',
  'class',
  'const',
  'continue',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extends',
  'final',
  'finally',
  'float',
  'for',
  'goto',
  'if',
  'implements',
  'import',
  'instanceof',
  'int',
  'interface',
  'long',
  'native',
  'new',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'short',
  'static',
  'strictfp',
  'super',
  'switch',
  'synchronized',
  'this',
  'throw',
  'throws',
  'transient',
  'try',
  'void',
  'volatile',
  'while',
  'true',
  'false',
  'null',
]);

const suffixIf = (name: string, reserved: Set<string>, suffix: string) =>
  reserved.has(name) ? name + suffix : name;

export function pythonAccessor(resource: string[], method: string): string {
  return ['client', ...resource.map(snake), snake(method)]
    .map((n, i) => (i === 0 ? n : suffixIf(n, PYTHON_KEYWORDS, '_')))
    .join('.');
}

export function rubyAccessor(resource: string[], method: string): string {
  const segments = resource.map((r) => suffixIf(snake(r), PYTHON_KEYWORDS, '_'));
  return ['client', ...segments, suffixIf(snake(method), RUBY_CLASHES, '_')].join('.');
}

/** Go: a leading `create` word becomes `New`, a leading `retrieve` becomes `Get`. */
export function goAccessor(resource: string[], method: string): string {
  const verb = method.replace(/^create(?=[A-Z]|$)/, 'new').replace(/^retrieve(?=[A-Z]|$)/, 'get');
  return ['client', ...resource.map(goPascal), goPascal(verb)].join('.');
}

export function javaAccessor(resource: string[], method: string): string {
  const segments = resource.map((r) => `${suffixIf(javaCamel(r), JAVA_KEYWORDS, '_')}()`);
  return ['client', ...segments, suffixIf(javaCamel(method), JAVA_KEYWORDS, '_')].join('.');
}
