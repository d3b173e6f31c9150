/**
 * Code layout in prettier's style for the shapes resource files are made of: method signatures,
 * object literals of static data, and a call whose last argument is such a literal. Each prints on
 * one line when it fits the print width, else one item per line with a trailing comma, recursing
 * into items that still do not fit. This is what lets the format stage skip the resource files
 * (test/typescript/format.test.ts).
 */
import { propertyKey, stringLiteral } from './doc-comment.ts';
import { PRINT_WIDTH } from './type-expr.ts';

/**
 * `name(params): Returns<end>` (`;` in an interface, ` {` before a body): parameters broken one per
 * line when the line is too long.
 */
export function printSignature(
  indent: string,
  name: string,
  params: string[],
  returns: string,
  end = ' {',
): string {
  const flat = `${indent}${name}(${params.join(', ')}): ${returns}${end}`;
  if (flat.length <= PRINT_WIDTH) return flat;
  return `${indent}${name}(\n${params.map((p) => `${indent}  ${p},`).join('\n')}\n${indent}): ${returns}${end}`;
}

export type Literal =
  string | number | boolean | RawCode | readonly Literal[] | { readonly [key: string]: Literal | undefined };

/** Code placed as-is inside a literal (`null`, a call); anything else in a Literal is data. */
export class RawCode {
  constructor(readonly code: string) {}
}
export const rawCode = (code: string) => new RawCode(code);

/**
 * A data literal (strings quoted, keys as needed), `<lead><value><tail>` at `indent`; `expand` forces
 * an object or array open (a hugged last argument). A property whose scalar value does not fit moves
 * the value to the next line, as prettier does.
 */
export function printLiteral(value: Literal, indent: string, lead = '', tail = '', expand = false): string {
  const flat = `${indent}${lead}${flatLiteral(value)}${tail}`;
  if (!expand && (flat.length <= PRINT_WIDTH || value instanceof RawCode)) return flat;
  if (typeof value !== 'object' || value instanceof RawCode) {
    // prettier breaks after `key:` only for keys of 5+ characters: a shorter one would gain too little.
    const breaks = lead.endsWith(': ') && lead.length - 2 >= 5;
    return breaks ? `${indent}${lead.trimEnd()}\n${indent}  ${flatLiteral(value)}${tail}` : flat;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `${indent}${lead}[\n${value.map((v) => printLiteral(v, inner, '', ',')).join('\n')}\n${indent}]${tail}`;
  }
  const entries = Object.entries(value as Record<string, Literal | undefined>).filter(
    ([, v]) => v !== undefined,
  );
  if (entries.length === 0) return `${indent}${lead}{}${tail}`;
  const lines = entries.map(([k, v]) => printLiteral(v!, inner, `${propertyKey(k)}: `, ','));
  return `${indent}${lead}{\n${lines.join('\n')}\n${indent}}${tail}`;
}

function flatLiteral(value: Literal): string {
  if (value instanceof RawCode) return value.code;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(flatLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, Literal | undefined>).filter(
    ([, v]) => v !== undefined,
  );
  return entries.length
    ? `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${flatLiteral(v!)}`).join(', ')} }`
    : '{}';
}

/**
 * `defineChildren(Owner, { name: Class, ... });` (runtime/define.ts: a getter per child that builds
 * it on first access, and a setter), the object hugged as prettier lays out a last argument; '' for
 * no children. Not fields `readonly x = new X(client)`: those built every resource with its owner.
 */
export function childrenCall(owner: string, children: [name: string, className: string][]): string {
  if (!children.length) return '';
  const map = Object.fromEntries(children.map(([name, cls]) => [name, rawCode(cls)]));
  return printLiteral(map, '', `defineChildren(${owner}, `, ');');
}
