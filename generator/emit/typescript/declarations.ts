/**
 * Type declarations with their inline objects as nested named types (docs/NAMING.md): a property
 * whose type is an object literal becomes `Parent.Property`, declared in a namespace merged with the
 * parent, recursively (`ActionAnswerParams.TranscriptionConfig.Language`). Laid out exactly as
 * models.ts lays out its namespaces, which is prettier's layout.
 */
import type { ObjectNode, Property, TypeNode } from '../../model/index.ts';
import { typeIdentifier } from '../../naming/types.ts';
import { docComment } from './doc-comment.ts';
import { fitted, typeExpr, type TypeContext } from './type-expr.ts';

export interface Declaration {
  /** Name within its parent namespace (or the file, for a root). */
  local: string;
  type: TypeNode;
  children: Declaration[];
}

/** Names a nested type may not take: it would shadow what declarations inside the namespace use. */
const SHADOWED = new Set(['Models', 'Uploadable', 'Array', 'Record']);

/**
 * Hoists the inline objects of `type` (an object's properties, or array items of them) into nested
 * declarations; `ctx.local` learns the synthetic names so that typeExpr prints `Parent.Child`.
 */
export function declaration(root: string, type: TypeNode, ctx: TypeContext): Declaration {
  const local = ctx.local ?? new Map<string, string>();
  ctx.local = local;
  const hoist = (path: string, node: TypeNode): Declaration['children'] => {
    if (node.kind !== 'object') return [];
    const children: Declaration[] = [];
    const taken = new Set([...SHADOWED, root]);
    node.properties = node.properties.map((p): Property => {
      const target = p.type.kind === 'array' ? p.type.items : p.type;
      if (target.kind !== 'object' || target.properties.length === 0) return p;
      let name = typeIdentifier(p.name, 'n');
      while (taken.has(name)) name = `${name}Object`;
      taken.add(name);
      const key = `\u0000${path}.${name}`;
      local.set(key, `${path}.${name}`);
      const { nullable, description, deprecated, example, default: _d, ...shape } = target as ObjectNode;
      const child: Declaration = {
        local: name,
        type: { ...shape, properties: [...shape.properties] },
        children: [],
      };
      child.children = hoist(`${path}.${name}`, child.type);
      children.push(child);
      const ref: TypeNode = {
        kind: 'ref',
        name: key,
        ...(nullable ? { nullable } : {}),
        ...(deprecated ? { deprecated } : {}),
      };
      const replaced: TypeNode =
        p.type.kind === 'array'
          ? { ...p.type, items: ref }
          : { ...ref, ...(description ? { description } : {}) };
      return { ...p, type: replaced };
    });
    return children;
  };
  const copy: TypeNode = type.kind === 'object' ? { ...type, properties: [...type.properties] } : type;
  return { local: root, type: copy, children: hoist(root, copy) };
}

export function renderDeclaration(decl: Declaration, ctx: TypeContext, indent = '', doc = ''): string {
  const { type } = decl;
  const body =
    type.kind === 'object' && type.properties.length > 0 && !type.nullable
      ? `${indent}export interface ${decl.local} ${typeExpr(type, ctx, indent)}\n`
      : `${fitted(`${indent}export type ${decl.local} =`, type, ctx, indent, ';')}\n`;
  if (decl.children.length === 0) return doc + body;
  const nested = decl.children
    .map((c) => renderDeclaration(c, ctx, `${indent}  `, docComment([c.type.description], `${indent}  `)))
    .join('\n');
  return `${doc}${body}\n${indent}export namespace ${decl.local} {\n${nested}${indent}}\n`;
}
