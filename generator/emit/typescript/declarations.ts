/**
 * Type declarations with their inline objects as nested named types (docs/NAMING.md): a property
 * whose type is an object literal becomes `Parent.Property`, declared in a namespace merged with the
 * parent, recursively (`ActionAnswerParams.TranscriptionConfig.Language`). Laid out exactly as
 * models.ts lays out its namespaces, which is prettier's layout.
 */
import type { ObjectNode, Property, TypeNode, UnionNode } from '../../model/index.ts';
import { variantNames } from '../../model/index.ts';
import { nestedTypeNames } from '../../naming/types.ts';
import { docComment } from './doc-comment.ts';
import { fitted, typeExpr, type TypeContext } from './type-expr.ts';

export interface Declaration {
  /** Name within its parent namespace (or the file, for a root). */
  local: string;
  type: TypeNode;
  children: Declaration[];
}

/**
 * Hoists the inline objects of `type` (an object's properties, array items of them, and the inline
 * object variants of unions, named as model/variants.ts says) into nested declarations; `ctx.local`
 * learns the synthetic names so that typeExpr prints `Parent.Child`.
 */
export function declaration(root: string, type: TypeNode, ctx: TypeContext): Declaration {
  const local = ctx.local ?? new Map<string, string>();
  ctx.local = local;
  const declared = new Map<string, Declaration>();
  /** A union member has no doc of its own: its description documents its declaration instead. */
  const docToDeclaration = (node: TypeNode): TypeNode => {
    const target = node.kind === 'array' ? node.items : node;
    const child = target.kind === 'ref' ? declared.get(target.name) : undefined;
    if (child && target.description && !child.type.description)
      child.type = { ...child.type, description: target.description };
    return withoutDescription(node);
  };
  /** Replaces inline objects within `node` by refs to children of `path`, named from `base`. */
  const hoistWithin = (
    path: string,
    node: TypeNode,
    base: string,
    children: Declaration[],
    nameOf: (raw: string) => string,
  ) => {
    const nest = (raw: string, target: ObjectNode): TypeNode => {
      const name = nameOf(raw);
      const key = `\u0000${path}.${name}`;
      local.set(key, `${path}.${name}`);
      const { nullable, description, deprecated, example, default: _d, ...shape } = target;
      const child: Declaration = {
        local: name,
        type: { ...shape, properties: [...shape.properties] },
        children: [],
      };
      child.children = hoist(`${path}.${name}`, child.type);
      children.push(child);
      declared.set(key, child);
      return {
        kind: 'ref',
        name: key,
        ...(nullable ? { nullable } : {}),
        ...(deprecated ? { deprecated } : {}),
        ...(description ? { description } : {}),
      };
    };
    const replace = (raw: string, t: TypeNode): TypeNode => {
      if (t.kind === 'array') {
        const items = replace(raw, t.items);
        return items === t.items ? t : { ...t, items: docToDeclaration(items) };
      }
      if (t.kind === 'union') {
        const names = variantNames(t.variants, raw);
        if (names.every((n) => n === undefined)) return t;
        const variants = t.variants.map((v, i) =>
          names[i] === undefined ? v : docToDeclaration(replace(names[i]!, v)),
        );
        return { ...t, variants };
      }
      return t.kind === 'object' && t.properties.length > 0 ? nest(raw, t) : t;
    };
    return replace(base, node);
  };
  // Each namespace names its children afresh (naming/types.ts); the root's namespace is shared by
  // the fields' objects and a union body's variants.
  const hoist = (path: string, node: TypeNode, nameOf = nestedTypeNames(root)): Declaration[] => {
    if (node.kind !== 'object') return [];
    const children: Declaration[] = [];
    node.properties = node.properties.map((p): Property => {
      const type = hoistWithin(path, p.type, p.name, children, nameOf);
      return type === p.type ? p : { ...p, type };
    });
    return children;
  };
  const rootNames = nestedTypeNames(root);
  /** A union declared as a whole (a response that is one of several shapes): variants nest under it. */
  const hoistVariants = (union: UnionNode, children: Declaration[]): UnionNode => {
    const names = variantNames(union.variants);
    const variants = union.variants.map((v, i) =>
      names[i] === undefined ? v : docToDeclaration(hoistWithin(root, v, names[i]!, children, rootNames)),
    );
    return { ...union, variants };
  };
  if (type.kind === 'union') {
    const children: Declaration[] = [];
    return { local: root, type: hoistVariants(type, children), children };
  }
  if (type.kind === 'intersection') {
    // Params beside a union body: the fields' objects and the body's variants share the namespace.
    const children: Declaration[] = [];
    const parts = type.parts.map((part): TypeNode => {
      if (part.kind === 'union') return hoistVariants(part, children);
      if (part.kind !== 'object') return part;
      const copy: ObjectNode = { ...part, properties: [...part.properties] };
      children.push(...hoist(root, copy, rootNames));
      return copy;
    });
    return { local: root, type: { ...type, parts }, children };
  }
  const copy: TypeNode = type.kind === 'object' ? { ...type, properties: [...type.properties] } : type;
  return { local: root, type: copy, children: hoist(root, copy) };
}

/** A ref inside an array or union: its doc belongs to the declaration, not to the position. */
function withoutDescription(node: TypeNode): TypeNode {
  if (!node.description) return node;
  const { description: _d, ...rest } = node;
  return rest as TypeNode;
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
