/**
 * Model TypeNode -> TypeScript type expression. One function per node kind; objects that are not
 * named render as inline object types. Read/write scope: in `input` mode readOnly properties are
 * left out, in `output` mode writeOnly ones; `model` mode (shared component types) keeps both.
 */
import type { NamedType, ObjectNode, Property, ScalarNode, TypeNode } from '../../model/index.ts';
import { docComment, propertyKey, stringLiteral } from './doc-comment.ts';
import type { PrintedFile } from './printed-file.ts';
import { REQUIRED_BY_API } from './required-notes.ts';

export interface TypeContext {
  /** Model type name -> TS name (dotted for nested types). */
  names: Map<string, string>;
  /** Prefix for references to model types (`Models.` outside models.ts). */
  refPrefix: string;
  mode: 'input' | 'output' | 'model';
  /** How `format: binary` strings are typed (file uploads in multipart bodies). */
  binary: 'Uploadable' | 'string';
  /** The file being printed: the runtime symbols it references, and whether its layout is exact. */
  file?: PrintedFile;
  /**
   * Named types to spell out in place because, in this mode, some field of theirs must not appear
   * (readOnly ones in inputs, writeOnly ones in outputs); see scopedTypes().
   */
  inline?: {
    names: ReadonlySet<string>;
    types: ReadonlyMap<string, NamedType>;
    expanding: ReadonlySet<string>;
  };
  /** Nested types of the declaration being written (declarations.ts): synthetic ref name -> TS name. */
  local?: Map<string, string>;
}

export function typeExpr(node: TypeNode, ctx: TypeContext, indent = ''): string {
  const base = baseExpr(node, ctx, indent);
  return node.nullable && base !== 'unknown' && base !== 'null' ? `${wrap(base)} | null` : base;
}

function baseExpr(node: TypeNode, ctx: TypeContext, indent: string): string {
  switch (node.kind) {
    case 'ref': {
      const nested = ctx.local?.get(node.name);
      if (nested) return nested;
      const inline = ctx.inline;
      const named =
        inline && inline.names.has(node.name) && !inline.expanding.has(node.name)
          ? inline.types.get(node.name)
          : undefined;
      if (named) {
        return baseExpr(
          named.type,
          { ...ctx, inline: { ...inline!, expanding: new Set([...inline!.expanding, node.name]) } },
          indent,
        );
      }
      const name = ctx.names.get(node.name);
      return name ? ctx.refPrefix + name : 'unknown';
    }
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
      return scalarExpr(node, ctx);
    case 'array':
      return `Array<${typeExpr(node.items, ctx, indent)}>`;
    case 'object':
      return objectExpr(node, ctx, indent);
    case 'union': {
      const variants = [...new Set(node.variants.map((v) => typeExpr(v, ctx, indent)))];
      return variants.length ? variants.map(wrap).join(' | ') : 'unknown';
    }
    case 'intersection':
      return intersectionExpr(node.parts, ctx, indent);
    case 'unknown':
      return 'unknown';
  }
}

function scalarExpr(node: ScalarNode, ctx: TypeContext): string {
  if (node.enum && node.enum.length > 0) {
    return [...new Set(node.enum.map((v) => (typeof v === 'string' ? stringLiteral(v) : String(v))))].join(
      ' | ',
    );
  }
  switch (node.kind) {
    case 'string':
      if (node.format !== 'binary') return 'string';
      if (ctx.binary === 'Uploadable') ctx.file?.use('Uploadable');
      return ctx.binary;
    case 'integer':
    case 'number':
      return 'number';
    default:
      return node.kind;
  }
}

/**
 * `A & B & { ... }` as prettier prints it: between two non-object parts an ` &` and a line break
 * (taken when the whole breaks, e.g. because an object spans lines); next to an object part a plain
 * ` & `, with the object indented once it comes after the second part.
 */
function intersectionExpr(all: TypeNode[], ctx: TypeContext, indent: string): string {
  // A part with nothing visible in this mode (`{}`: only readOnly fields in an input) adds nothing to
  // an intersection of objects. Nor does, in an input, a part open only by JSON Schema's default (an
  // allOf member that just adds `required`): its index signature would refuse every caller's value
  // typed by an interface (TS gives interfaces no implicit index signature), the official SDK's too.
  const empty = (p: TypeNode) =>
    !p.nullable &&
    (baseExpr(p, ctx, indent) === '{}' ||
      (ctx.mode === 'input' &&
        p.kind === 'object' &&
        p.additionalImplied === true &&
        visibleProperties(p, ctx.mode).length === 0));
  const parts = all.some((p) => !empty(p)) ? all.filter((p) => !empty(p)) : all.slice(0, 1);
  if (parts.length === 1) return typeExpr(parts[0]!, ctx, indent);
  const isObject = (p: TypeNode) =>
    p.kind === 'object' && !p.nullable && baseExpr(p, ctx, indent).startsWith('{');
  const render = (p: TypeNode, at: string) => wrap(typeExpr(p, ctx, at));
  const pieces: { text: string; breakable: boolean }[] = [];
  parts.forEach((part, i) => {
    if (i === 0) pieces.push({ text: render(part, indent), breakable: false });
    else if (!isObject(parts[i - 1]) && !isObject(part))
      pieces.push({ text: render(part, `${indent}  `), breakable: true });
    else pieces.push({ text: render(part, i > 1 ? `${indent}  ` : indent), breakable: false });
  });
  const flat = pieces.map((p) => p.text).join(' & ');
  if (!flat.includes('\n') && flat.length <= PRINT_WIDTH) return flat;
  return pieces
    .map((p, i) => (i === 0 ? p.text : p.breakable ? ` &\n${indent}  ${p.text}` : ` & ${p.text}`))
    .join('');
}

/** Properties visible in this mode. */
export function visibleProperties(node: ObjectNode, mode: TypeContext['mode']): Property[] {
  return node.properties.filter(
    (p) => !(mode === 'input' && p.readOnly) && !(mode === 'output' && p.writeOnly),
  );
}

function objectExpr(node: ObjectNode, ctx: TypeContext, indent: string): string {
  const props = visibleProperties(node, ctx.mode);
  const inner = indent + '  ';
  if (props.length === 0) {
    if (node.additional === undefined) return '{}';
    const value = node.additional === true ? 'unknown' : typeExpr(node.additional, ctx, inner);
    // Prettier keeps `{ [key: string]: T }` on one line only while T is.
    return value.includes('\n')
      ? `{\n${inner}[key: string]: ${value};\n${indent}}`
      : `{ [key: string]: ${value} }`;
  }
  const lines = props.map((p) => propertyLine(p, ctx, inner));
  // An index signature must accept every declared property's type, so extra keys are `unknown`.
  if (node.additional !== undefined) lines.push(`${inner}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** One interface member, with its doc comment. */
export function propertyLine(p: Property, ctx: TypeContext, indent: string): string {
  // Required only through a composition (Property.requiredByComposition): an input takes it as
  // optional, as the official SDK's params do, and the doc says the API requires it.
  const loose = ctx.mode === 'input' && p.required && p.requiredByComposition !== undefined;
  const note = loose ? REQUIRED_BY_API[p.requiredByComposition!] : undefined;
  const doc = docComment([p.type.description, note, p.type.deprecated ? '@deprecated' : undefined], indent);
  const readonly = ctx.mode === 'model' && p.readOnly ? 'readonly ' : '';
  const optional = p.required && !loose ? '' : '?';
  return doc + fitted(`${indent}${readonly}${propertyKey(p.name)}${optional}:`, p.type, ctx, indent, ';');
}

/** prettier's printWidth for the generated code (templates/typescript/prettierrc.json). */
export const PRINT_WIDTH = 110;

/**
 * `<head> <type><tail>` laid out as prettier lays it out, so the big generated files need no
 * formatting pass (a test checks prettier leaves them as they are):
 * - one line when it fits;
 * - `{...} | null` stays hugged;
 * - a union of literals that fits on the next line goes there whole;
 * - other long unions go one member per line, a member's own lines indented under its `| `;
 * - a long `Array<union>` opens its brackets around one member per line.
 */
export function fitted(head: string, node: TypeNode, ctx: TypeContext, indent: string, tail: string): string {
  const flat = `${head} ${typeExpr(node, ctx, indent)}${tail}`;
  const members = unionMembers(node, ctx, `${indent}    `);
  if (members && isHugged(node, ctx)) return flat;
  if (!flat.includes('\n') && flat.length <= PRINT_WIDTH) return flat;
  if (members) {
    const simple = members.every(isSimple);
    const next = `${indent}  ${members.join(' | ')}${tail}`;
    if (simple && next.length <= PRINT_WIDTH) return `${head}\n${next}`;
    const variants = new Map(
      node.kind === 'union' ? node.variants.map((v) => [wrap(typeExpr(v, ctx, `${indent}    `)), v]) : [],
    );
    const lines = members.map((m) => memberLine(m, variants.get(m), ctx, indent));
    return `${head}\n${lines.join('\n')}${tail}`;
  }
  if (node.kind === 'array' && !node.nullable) {
    const items = unionMembers(node.items, ctx, `${indent}    `);
    if (items && items.every(isSimple) && `${indent}  ${items.join(' | ')}`.length <= PRINT_WIDTH) {
      return `${head} Array<\n${indent}  ${items.join(' | ')}\n${indent}>${tail}`;
    }
    if (items)
      return `${head} Array<\n${items.map((m) => `${indent}  | ${m}`).join('\n')}\n${indent}>${tail}`;
  }
  // A long type alias of one reference moves it to the next line.
  if (head.endsWith('=') && !flat.includes('\n'))
    return `${head}\n${indent}  ${typeExpr(node, ctx, indent)}${tail}`;
  if (!flat.includes('\n') && !unbreakable(node)) ctx.file?.inexact();
  return flat;
}

/** A reference, a plain scalar or an Array of one: nowhere to break, prettier leaves the long line. */
function unbreakable(node: TypeNode): boolean {
  if (node.nullable) return false;
  if (node.kind === 'ref') return true;
  if (node.kind === 'array') return unbreakable(node.items);
  const scalar =
    node.kind === 'string' || node.kind === 'integer' || node.kind === 'number' || node.kind === 'boolean';
  return scalar && !node.enum;
}

/**
 * One member of a broken union, `<indent>  | <member>`. A member that is itself a union, bare in
 * parentheses or inside `Array<>`, opens around its own members one per line when its line is too
 * long. Layouts beyond these go to prettier (ctx.file.inexact()).
 */
function memberLine(member: string, variant: TypeNode | undefined, ctx: TypeContext, indent: string): string {
  const line = `${indent}  | ${member}`;
  if (member.includes('\n') || line.length <= PRINT_WIDTH) {
    if (member.startsWith('(') || member.startsWith('Array<(')) ctx.file?.inexact();
    return line;
  }
  const array = variant?.kind === 'array' && !variant.nullable ? variant : undefined;
  const inner = variant && unionMembers(array ? array.items : variant, ctx, `${indent}      `);
  const [open, close] = member.startsWith('(') ? ['(', ')'] : array ? ['Array<', '>'] : [];
  const innerLines = inner?.map((m) => `${indent}      | ${m}`) ?? [];
  // Inner members that would fit on one line may be printed that way, and an inner member too long
  // for its own line breaks further: neither is reproduced here.
  if (
    !inner ||
    !open ||
    !inner.every(isSimple) ||
    innerLines.some((l) => l.length > PRINT_WIDTH) ||
    `${indent}      ${inner.join(' | ')}`.length <= PRINT_WIDTH
  ) {
    ctx.file?.inexact();
    return line;
  }
  return `${indent}  | ${open}\n${innerLines.join('\n')}\n${indent}    ${close}`;
}

/** A member on one line: prettier may put a union of these whole on the next line when it fits there. */
const isSimple = (m: string) => !m.includes('\n');

/** prettier keeps an object type with only `null` beside it inline: `{ ... } | null`. */
function isHugged(node: TypeNode, ctx: TypeContext): boolean {
  const base = baseExpr(node, ctx, '');
  return node.nullable === true && node.kind === 'object' && base.startsWith('{');
}

/** The members of a union as prettier lists them (nullable adds `null`), or undefined for a non-union. */
function unionMembers(node: TypeNode, ctx: TypeContext, indent: string): string[] | undefined {
  let members: string[] | undefined;
  if (node.kind === 'union')
    members = [...new Set(node.variants.map((v) => typeExpr(v, ctx, indent)))].map(wrap);
  else if (
    (node.kind === 'string' || node.kind === 'integer' || node.kind === 'number') &&
    node.enum &&
    node.enum.length > 1
  ) {
    members = [...new Set(node.enum.map((v) => (typeof v === 'string' ? stringLiteral(v) : String(v))))];
  } else if (node.nullable && node.kind !== 'unknown' && node.kind !== 'null') {
    members = [wrap(baseExpr(node, ctx, indent))];
  }
  if (!members) return undefined;
  const all = node.nullable && !members.includes('null') ? [...members, 'null'] : members;
  return all.length > 1 ? all : undefined;
}

/** Parenthesise an expression with a top-level `|` or `&`, so it can sit inside another union or intersection. */
function wrap(expr: string): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if ('{(<['.includes(c)) depth++;
    else if ('})>]'.includes(c)) depth--;
    else if (depth === 0 && (c === '|' || c === '&')) return `(${expr})`;
  }
  return expr;
}
