/**
 * Does an example value satisfy a schema? A small check over the model, enough to pick the oneOf
 * variant an example satisfies alone (a validating server rejects a value two variants accept):
 * required and forbidden fields, enums, scalar kinds, patterns, items. What it does not know
 * (formats, lengths) it accepts.
 */
import type { TypeNode } from '../model/index.ts';
import type { Example } from './example.ts';

const MAX_DEPTH = 20;

export function satisfies(
  example: Example,
  node: TypeNode,
  resolve: (n: TypeNode) => TypeNode,
  depth = 0,
): boolean {
  if (depth > MAX_DEPTH) return true;
  const type = resolve(node);
  if (example.kind === 'null')
    return type.nullable === true || type.kind === 'null' || type.kind === 'unknown';
  switch (type.kind) {
    case 'unknown':
    case 'ref':
    case 'intersection':
      return true; // not resolvable to one shape: nothing to hold the example against
    case 'union':
      return type.variants.some((v) => satisfies(example, v, resolve, depth + 1));
    case 'array':
      return (
        example.kind === 'array' &&
        example.items.every((item) => satisfies(item, type.items, resolve, depth + 1))
      );
    case 'object': {
      if (example.kind !== 'object') return false;
      const given = new Map(example.fields.map((f) => [f.name, f.value]));
      if (type.properties.some((p) => p.required && !given.has(p.name))) return false;
      if ((type.requiresElsewhere ?? []).some((name) => !given.has(name))) return false;
      if ((type.forbidden ?? []).some((name) => given.has(name))) return false;
      return type.properties.every(
        (p) => !given.has(p.name) || satisfies(given.get(p.name)!, p.type, resolve, depth + 1),
      );
    }
    case 'null':
      return false;
    case 'boolean':
      return example.kind === 'boolean' && (!type.enum || type.enum.includes(example.value));
    case 'integer':
    case 'number':
      return (
        (example.kind === 'integer' || example.kind === 'number') &&
        (type.kind === 'number' || Number.isInteger(example.value)) &&
        (!type.enum || type.enum.includes(example.value))
      );
    case 'string':
      if (example.kind === 'file') return type.format === 'binary';
      if (example.kind !== 'string') return false;
      if (type.enum && !type.enum.includes(example.value)) return false;
      return !type.pattern || matchesPattern(example.value, type.pattern);
  }
}

/**
 * True when the text matches the pattern, or the pattern is not an ECMA regex this runtime reads, or
 * one it could take forever on: a spec's pattern runs on this machine, and `^(a+)+$` against 40
 * characters and a `!` backtracks for minutes.
 */
export function matchesPattern(text: string, pattern: string): boolean {
  if (backtracksExponentially(pattern)) return true;
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}

/**
 * A repeated group that can match one text in many ways: an unbounded quantifier (`*`, `+`, `{n,}`)
 * on a group holding another unbounded quantifier or an alternation (`(a+)+`, `(\\w+\\s?)*`, `(a|ab)*`).
 * Such a pattern backtracks exponentially on a near miss; bounded repeats (`(-[a-z]{2,8})*`) are fine.
 */
export function backtracksExponentially(pattern: string): boolean {
  /** Per open group: does it hold an unbounded quantifier or an alternation? */
  const open: boolean[] = [];
  let closedRisky = false; // the group that just closed
  const unboundedAt = (i: number) =>
    pattern[i] === '*' || pattern[i] === '+' || /^\{\d+,\}/.test(pattern.slice(i, i + 12));
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const wasClosed = closedRisky;
    closedRisky = false;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') open.push(false);
    else if (c === ')') closedRisky = open.pop() ?? false;
    else if (c === '|' && open.length > 0) open[open.length - 1] = true;
    else if (unboundedAt(i)) {
      if (wasClosed) return true;
      if (open.length > 0) open[open.length - 1] = true;
    }
    // A closed group's risk passes to its parent; it matters only right before its quantifier.
    if (c === ')' && closedRisky && open.length > 0) open[open.length - 1] = true;
  }
  return false;
}
