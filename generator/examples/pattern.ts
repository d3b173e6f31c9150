/**
 * A string that matches a schema's `pattern`, for example values the spec gives nothing better for
 * (`^C[A-Z0-9]{5,8}$` -> `CAAAAA`). Deterministic, and only for the regex subset specs use: literals
 * and escapes, `.`, `\d \w \s`, character classes with ranges, groups, alternation, the quantifiers
 * `? * + {n} {n,} {n,m}`, and anchors. Anything else (lookarounds, back-references) gives undefined,
 * as does a result the pattern itself then rejects: the caller keeps its placeholder.
 */

import { MAX_EXAMPLE_LENGTH } from './limits.ts';
import { backtracksExponentially } from './match.ts';

/** Characters tried for a class, in order: a letter or digit reads best in an example. */
const PREFERRED = 'aA0_-. ';

export function stringForPattern(pattern: string): string | undefined {
  let re: RegExp;
  if (backtracksExponentially(pattern)) return undefined;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  try {
    const parser = { src: pattern, at: 0 };
    const text = alternation(parser);
    if (parser.at !== pattern.length) return undefined;
    return re.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

interface Parser {
  src: string;
  at: number;
}

/** `a|b|c`: the first alternative (every alternative matches, the first is the one the author led with). */
function alternation(p: Parser): string {
  const first = sequence(p);
  while (p.src[p.at] === '|') {
    p.at++;
    sequence(p);
  }
  return first;
}

function sequence(p: Parser): string {
  let out = '';
  while (p.at < p.src.length && p.src[p.at] !== '|' && p.src[p.at] !== ')') {
    const c = p.src[p.at];
    if (c === '^' || c === '$') {
      p.at++;
      continue;
    }
    const group = c === '(';
    const atom = group ? groupAtom(p) : charAtom(p);
    const { min, max } = quantifier(p);
    // A quantified character takes at least one (an empty string is a poor example); a group takes
    // its minimum, so optional suffixes such as `(-[0-9]{4})?` stay out.
    const count = group ? min : Math.min(Math.max(min, 1), max);
    if (out.length + atom.length * count > MAX_EXAMPLE_LENGTH)
      throw new Error('longer than an example may be');
    out += atom.repeat(count);
  }
  return out;
}

function groupAtom(p: Parser): string {
  p.at++; // (
  if (p.src[p.at] === '?') {
    if (p.src[p.at + 1] !== ':') throw new Error('lookaround or named group');
    p.at += 2;
  }
  const text = alternation(p);
  if (p.src[p.at] !== ')') throw new Error('unclosed group');
  p.at++;
  return text;
}

function charAtom(p: Parser): string {
  const c = p.src[p.at++];
  if (c === '.') return 'a';
  if (c === '[') return classAtom(p);
  if (c === '\\') return pick(escapeSet(p.src[p.at++]));
  if ('*+?{'.includes(c)) throw new Error(`quantifier without atom at ${p.at}`);
  return c;
}

/** The characters a `\x` escape stands for (as a set to pick from), or itself when literal. */
function escapeSet(c: string | undefined): string {
  if (c === undefined) throw new Error('trailing backslash');
  if (c === 'd') return '0123456789';
  if (c === 'w') return 'aA0_';
  if (c === 's') return ' ';
  if (/[1-9kpPbBDWS]/.test(c)) throw new Error(`unsupported escape \\${c}`);
  return { n: '\n', t: '\t', r: '\r' }[c] ?? c;
}

/** `[...]` / `[^...]`: the first preferred character the class accepts, else its first member. */
function classAtom(p: Parser): string {
  const negated = p.src[p.at] === '^';
  if (negated) p.at++;
  const members: string[] = [];
  for (let first = true; p.src[p.at] !== ']' || first; first = false) {
    if (p.at >= p.src.length) throw new Error('unclosed class');
    const c = p.src[p.at++];
    const from = c === '\\' ? escapeSet(p.src[p.at++]) : c;
    if (from.length === 1 && p.src[p.at] === '-' && p.src[p.at + 1] !== ']' && p.at + 1 < p.src.length) {
      p.at++;
      const to = p.src[p.at] === '\\' ? escapeSet(p.src[++p.at]) : p.src[p.at];
      p.at++;
      for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++)
        members.push(String.fromCharCode(code));
    } else members.push(...from);
  }
  p.at++; // ]
  if (negated) return [...PREFERRED, 'z', 'Z', '9'].find((c) => !members.includes(c)) ?? '~';
  return pick(members.join(''));
}

function pick(set: string): string {
  return (
    [...PREFERRED].find((c) => set.includes(c)) ?? [...set].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? set[0]
  );
}

function quantifier(p: Parser): { min: number; max: number } {
  const c = p.src[p.at];
  let bounds = { min: 1, max: 1 };
  if (c === '?') bounds = { min: 0, max: 1 };
  else if (c === '*') bounds = { min: 0, max: Infinity };
  else if (c === '+') bounds = { min: 1, max: Infinity };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.src.slice(p.at));
    if (!m) return bounds; // a literal `{`, as ECMA regexes allow without the u flag
    p.at += m[0].length;
    const min = Number(m[1]);
    return lazy(p, { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) });
  } else return bounds;
  p.at++;
  return lazy(p, bounds);
}

/** `*?`, `+?`: laziness changes what a match consumes, not which strings match. */
function lazy(p: Parser, bounds: { min: number; max: number }) {
  if (p.src[p.at] === '?') p.at++;
  return bounds;
}
