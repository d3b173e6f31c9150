/**
 * Model TypeNode -> TypeScript type expression. One function per node kind; objects that are not
 * named render as inline object types. Read/write scope: in `input` mode readOnly properties are
 * left out, in `output` mode writeOnly ones; `model` mode (shared component types) keeps both.
 */
import type { ObjectNode, Property, ScalarNode, TypeNode } from '../../model/index.ts';
import { docComment, propertyKey, stringLiteral } from './doc-comment.ts';

export interface TypeContext {
  /** Model type name -> TS name (dotted for nested types). */
  names: Map<string, string>;
  /** Prefix for references to model types (`Models.` outside models.ts). */
  refPrefix: string;
  mode: 'input' | 'output' | 'model';
  /** How `format: binary` strings are typed (file uploads in multipart bodies). */
  binary: 'Uploadable' | 'string';
}

export function typeExpr(node: TypeNode, ctx: TypeContext, indent = ''): string {
  const base = baseExpr(node, ctx, indent);
  return node.nullable && base !== 'unknown' && base !== 'null' ? `${wrap(base)} | null` : base;
}

function baseExpr(node: TypeNode, ctx: TypeContext, indent: string): string {
  switch (node.kind) {
    case 'ref': {
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
      return node.parts.map((p) => wrap(typeExpr(p, ctx, indent))).join(' & ');
    case 'unknown':
      return 'unknown';
  }
}

function scalarExpr(node: ScalarNode, ctx: TypeContext): string {
  if (node.enum && node.enum.length > 0) {
    return [...new Set(node.enum.map((v) => (typeof v === 'string' ? stringLiteral(v) : String(v))))].join(' | ');
  }
  switch (node.kind) {
    case 'string':
      return node.format === 'binary' ? ctx.binary : 'string';
    case 'integer':
    case 'number':
      return 'number';
    default:
      return node.kind;
  }
}

/** Properties visible in this mode. */
export function visibleProperties(node: ObjectNode, mode: TypeContext['mode']): Property[] {
  return node.properties.filter((p) => !(mode === 'input' && p.readOnly) && !(mode === 'output' && p.writeOnly));
}

function objectExpr(node: ObjectNode, ctx: TypeContext, indent: string): string {
  const props = visibleProperties(node, ctx.mode);
  const extra = node.additional === undefined ? undefined : node.additional === true ? 'unknown' : typeExpr(node.additional, ctx, indent);
  if (props.length === 0) return extra === undefined ? '{}' : `{ [key: string]: ${extra} }`;
  const inner = indent + '  ';
  const lines = props.map((p) => propertyLine(p, ctx, inner));
  // An index signature must accept every declared property's type, so extra keys are `unknown`.
  if (extra !== undefined) lines.push(`${inner}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** One interface member, with its doc comment. */
export function propertyLine(p: Property, ctx: TypeContext, indent: string): string {
  const doc = docComment([p.type.description, p.type.deprecated ? '@deprecated' : undefined], indent);
  const readonly = ctx.mode === 'model' && p.readOnly ? 'readonly ' : '';
  return `${doc}${indent}${readonly}${propertyKey(p.name)}${p.required ? '' : '?'}: ${typeExpr(p.type, ctx, indent)};`;
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
