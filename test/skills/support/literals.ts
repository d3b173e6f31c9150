/**
 * The values a code block passes, read back from the code (not from the generator): string literals
 * decoded per language, numbers as written, and for curl the JSON body, form and query values, header
 * values and URL path segments. Used to check that six languages show the same example values.
 */
import ts from 'typescript';
import type { Example } from '../../../generator/examples/examples.ts';

export interface Values {
  strings: Set<string>;
  numbers: Set<number>;
}

const DOUBLE_QUOTED = /"((?:[^"\\\n]|\\.)*)"/g;

function jsonDecode(body: string): string {
  return JSON.parse(`"${body}"`);
}

/** Python, Go: JSON-compatible escapes. Ruby adds `\#`; Java uses three-digit octal for controls. */
const DECODERS: Record<string, (body: string) => string> = {
  python: jsonDecode,
  go: jsonDecode,
  // An unescaped `#{`, `#@` or `#$` interpolates: the code would not pass the value as written.
  ruby: (body) => (/(?<!\\)#[{@$]/.test(body) ? '\u0000interpolated' : jsonDecode(body.replace(/\\#/g, '#'))),
  java: (body) =>
    jsonDecode(
      body.replace(
        /(?<!\\)((?:\\\\)*)\\([0-3][0-7]{2})/g,
        (_, lead, oct) => `${lead}\\u${parseInt(oct, 8).toString(16).padStart(4, '0')}`,
      ),
    ),
};

const numbersIn = (code: string) =>
  new Set(
    [...code.matchAll(/(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=L?\b|[^\w])/g)].map((m) => Number(m[0])),
  );

/** `pathTemplate` (`/calls/{id}.json`) lets curl URLs give back their path parameters. */
export function valuesOf(lang: string, code: string, pathTemplate = ''): Values {
  if (lang === 'javascript') return jsValues(code);
  if (lang === 'curl') return curlValues(code, pathTemplate);
  const decode = DECODERS[lang];
  const strings = new Set([...code.matchAll(DOUBLE_QUOTED)].map((m) => decode(m[1])));
  return { strings, numbers: numbersIn(code.replace(DOUBLE_QUOTED, '""')) };
}

function jsValues(code: string): Values {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
    if (ts.isNumericLiteral(node)) numbers.add(Number(node.text));
    if (
      ts.isPrefixUnaryExpression(node) &&
      node.operator === ts.SyntaxKind.MinusToken &&
      ts.isNumericLiteral(node.operand)
    )
      numbers.add(-Number(node.operand.text));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS));
  return { strings, numbers };
}

/** Shell single-quoted words ('it'\''s' -> it's). */
const singleQuoted = (code: string) =>
  [...code.matchAll(/'((?:[^']|'\\'')*)'/g)].map((m) => m[1].replace(/'\\''/g, "'"));

function curlValues(code: string, pathTemplate: string): Values {
  const values: Values = { strings: new Set(), numbers: new Set() };
  const addJson = (value: unknown): void => {
    if (typeof value === 'string') values.strings.add(value);
    else if (typeof value === 'number') values.numbers.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(addJson);
  };
  const addText = (text: string) => {
    values.strings.add(text);
    if (text.trim() !== '' && Number.isFinite(Number(text))) values.numbers.add(Number(text));
  };
  for (const m of code.matchAll(/-d ('(?:[^']|'\\'')*')/g)) addJson(JSON.parse(singleQuoted(m[1])[0]));
  for (const m of code.matchAll(/(?:--data-urlencode|--form-string|-F) ('(?:[^']|'\\'')*')/g))
    addText(singleQuoted(m[1])[0].replace(/^[^=]*=/, ''));
  for (const m of code.matchAll(/-H ('(?:[^']|'\\'')*')/g))
    addText(singleQuoted(m[1])[0].replace(/^[^:]*: /, ''));
  for (const m of code.matchAll(/'(?:https?|wss?):\/\/(?:[^']|'\\'')*'/g)) {
    const url = new URL(singleQuoted(m[0])[0]);
    const pattern = pathTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]*\\?\}/g, '([^/]*)');
    const params = new RegExp(`${pattern}$`).exec(url.pathname);
    params?.slice(1).forEach((segment) => addText(decodeURIComponent(segment)));
    url.searchParams.forEach((value) => addText(value));
  }
  return values;
}

/** The strings and numbers an example passes (uploads are paths, not values). */
export function leaves(example: Example): { strings: string[]; numbers: number[]; enums: string[] } {
  const out = { strings: [] as string[], numbers: [] as number[], enums: [] as string[] };
  const walk = (ex: Example): void => {
    if (ex.kind === 'string') (ex.enum ? out.enums : out.strings).push(ex.value);
    else if (ex.kind === 'integer' || ex.kind === 'number') out.numbers.push(ex.value);
    else if (ex.kind === 'array') ex.items.forEach(walk);
    else if (ex.kind === 'object') ex.fields.forEach((f) => walk(f.value));
  };
  walk(example);
  return out;
}
