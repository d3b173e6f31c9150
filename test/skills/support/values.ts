/**
 * The example values of the skills' code blocks read back as (key, value) pairs, from the code and not
 * from the generator: javascript through the TypeScript parser (the fields of every `client.` call and
 * its positional arguments), curl from its JSON body, `--data-urlencode`/`-F` fields, headers and the
 * URL's path segments (named by the path template they fill). The placeholder test judges these.
 */
import ts from 'typescript';
import type { CodeBlock } from './blocks.ts';

export interface Pair {
  /** The field or parameter the value is given for; undefined for a positional argument. */
  key?: string;
  value: string;
  via: 'field' | 'positional' | 'path' | 'query' | 'header';
  /** `file:line` of the block. */
  where: string;
}

/** Deep-object operators: `filter[phone_number][contains]` is a phone number. */
const OPERATOR = /^(eq|ne|neq|not|gt|gte|lt|lte|in|nin|contains|starts_with|ends_with|like|ilike)$/;

const at = (block: CodeBlock) => `${block.file}:${block.line}`;

/** The string values a javascript block passes to the client, with the key each sits under. */
export function jsPairs(block: CodeBlock): Pair[] {
  const pairs: Pair[] = [];
  const source = ts.createSourceFile('b.ts', block.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const text = (n: ts.Node) =>
    ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : undefined;
  const keyOf = (n: ts.PropertyName) => (ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined);
  const inArgument = (node: ts.Node, key?: string): void => {
    const value = text(node);
    if (value !== undefined) pairs.push({ key, value, via: key ? 'field' : 'positional', where: at(block) });
    else if (ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties)
        if (ts.isPropertyAssignment(p)) {
          const name = keyOf(p.name);
          inArgument(p.initializer, name === undefined || OPERATOR.test(name) ? key : name);
        }
    } else if (ts.isArrayLiteralExpression(node)) node.elements.forEach((e) => inArgument(e, key));
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /^client\./.test(node.expression.getText(source)))
      node.arguments.forEach((a) => inArgument(a));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return pairs;
}

/** Shell single-quoted words ('it'\''s' -> it's). */
const unquote = (word: string) => word.slice(1, -1).replace(/'\\''/g, "'");
const QUOTED = `('(?:[^']|'\\\\'')*')`;

/**
 * `filter[status]` -> `status`: the innermost key that is not an operator names the value; paging
 * keys stay whole (`page[number]` is a page, not a phone number).
 */
const lastKey = (name: string) =>
  name.startsWith('page[')
    ? name
    : (name
        .split(/[[\]]+/)
        .filter((k) => k && !OPERATOR.test(k))
        .pop() ?? name);

/**
 * The values a curl block sends. `templates` are the spec paths the URL may fill (the section's own
 * path, or every path for blocks outside an operation section); the most literal match names the
 * path segments.
 */
export function curlPairs(block: CodeBlock, templates: string[]): Pair[] {
  const pairs: Pair[] = [];
  const add = (key: string | undefined, value: unknown, via: Pair['via']) => {
    if (typeof value === 'string') pairs.push({ key, value, via, where: at(block) });
    else if (Array.isArray(value)) value.forEach((v) => add(key, v, via));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(k, v, via);
  };
  for (const m of block.code.matchAll(new RegExp(`-d ${QUOTED}`, 'g'))) {
    const body = unquote(m[1]);
    if (/^[[{]/.test(body)) add(undefined, JSON.parse(body), 'field');
  }
  for (const m of block.code.matchAll(new RegExp(`(--data-urlencode|--form-string|-F) ${QUOTED}`, 'g'))) {
    const [name, ...rest] = unquote(m[2]).split('=');
    const value = rest.join('=');
    if (!value.startsWith('@')) add(lastKey(name), value, m[1] === '--data-urlencode' ? 'query' : 'field');
  }
  for (const m of block.code.matchAll(new RegExp(`-H ${QUOTED}`, 'g'))) {
    const [name, ...rest] = unquote(m[1]).split(': ');
    add(name, rest.join(': '), 'header');
  }
  for (const m of block.code.matchAll(/'(https?:\/\/[^']*)'/g)) {
    const url = new URL(m[1]);
    url.searchParams.forEach((value, name) => add(lastKey(name), value, 'query'));
    const filled = fill(url.pathname, templates);
    for (const [name, value] of filled) add(name, decodeURIComponent(value), 'path');
  }
  return pairs;
}

/** The path parameters a URL path fills, by the template with the most literal text that matches it. */
export function fill(pathname: string, templates: string[]): [string, string][] {
  let best: { literal: number; pairs: [string, string][] } | undefined;
  for (const template of templates) {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    if (names.length === 0) continue;
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]*\\?\}/g, '([^/]*)');
    const match = new RegExp(`^(?:/v2)?${source}$`).exec(pathname);
    const literal = template.replace(/\{[^}]*\}/g, '').length;
    if (match && (!best || literal > best.literal))
      best = { literal, pairs: names.map((n, i) => [n, match[i + 1]]) };
  }
  return best?.pairs ?? [];
}
