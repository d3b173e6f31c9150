/**
 * Per-language accessors, derived from the TS resource chain and method (docs/NAMING.md,
 * "Other languages"). One table of conventions, one function per language.
 */
import { goPascal, javaCamel, snake } from './casing.ts';
import { JAVA_KEYWORDS, PYTHON_KEYWORDS, RUBY_CLASHES } from './keywords.ts';

/** `name` plus `suffix` when the language reserves it. */
const suffixIf = (name: string, reserved: Set<string>, suffix: string) =>
  reserved.has(name) ? name + suffix : name;

export function pythonAccessor(resource: string[], method: string): string {
  return ['client', ...resource.map(snake), snake(method)]
    .map((n, i) => (i === 0 ? n : suffixIf(n, PYTHON_KEYWORDS, '_')))
    .join('.');
}

/** Ruby: every segment is a method call, so resources and methods alike avoid Ruby's own clashes. */
export function rubyAccessor(resource: string[], method: string): string {
  return ['client', ...[...resource, method].map((n) => suffixIf(snake(n), RUBY_CLASHES, '_'))].join('.');
}

/** Go: a leading `create` word becomes `New`, a leading `retrieve` becomes `Get`. */
export function goMethod(method: string): string {
  return goPascal(method.replace(/^create(?=[A-Z]|$)/, 'new').replace(/^retrieve(?=[A-Z]|$)/, 'get'));
}

export function goAccessor(resource: string[], method: string): string {
  return ['client', ...resource.map(goPascal), goMethod(method)].join('.');
}

export function javaAccessor(resource: string[], method: string): string {
  const segments = resource.map((r) => `${suffixIf(javaCamel(r), JAVA_KEYWORDS, '_')}()`);
  return ['client', ...segments, suffixIf(javaCamel(method), JAVA_KEYWORDS, '_')].join('.');
}
