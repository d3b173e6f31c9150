/**
 * The per-operation types of a resource file: `<Base>Params` (every input but the positional path
 * parameter: earlier path parameters, query, header and body fields) and `<Base>Response` (the
 * response body; for a paged operation, one item). Also the operation's static request layout, which
 * the generated method hands to the runtime (`src/core/operation.ts`).
 */
import type { NamedType, Operation, Property, TypeNode } from '../../model/index.ts';
import { runtimeQueryStyle } from '../query-styles.ts';
import type { MethodSignature, OperationSurface, RequiredChoice } from '../../surface/index.ts';
import type { Literal } from './layout-code.ts';
import { docComment } from './doc-comment.ts';
import { PRINT_WIDTH, typeExpr, type TypeContext } from './type-expr.ts';
import type { PrintedFile } from './printed-file.ts';
import { declaration, renderDeclaration } from './declarations.ts';
import { requiredChoiceNote } from './required-notes.ts';

export interface OperationTypes {
  /** `export interface ...Params {...}` (or '' when the operation takes no params object). */
  paramsDecl: string;
  /** `export type ...Response = ...;` (or '' for void and raw responses). */
  responseDecl: string;
  /** The TS return type of the method's promise payload. */
  returns: string;
  /** The request layout (`OperationSpec`) as data, printed by layout-code.ts. */
  layout: Literal;
  /** The type of a body passed as an argument of its own (MethodSignature.bodyArg). */
  bodyArgType?: string;
  /** A paged operation's page type (`<Base>Page`), where its body has fields beside the items. */
  page?: { name: string; decl: string };
}

/** Which named types each mode spells out in place (scopedTypes), with the types themselves. */
export interface Scope {
  input: ReadonlySet<string>;
  output: ReadonlySet<string>;
  types: ReadonlyMap<string, NamedType>;
}

export function operationTypes(
  op: Operation,
  surface: OperationSurface,
  names: Map<string, string>,
  resolve: (n: TypeNode) => TypeNode,
  scope: Scope,
  file: PrintedFile,
): OperationTypes {
  const { signature, body } = surface;
  const content = body.kind === 'none' ? undefined : body.content;
  const inline = (set: ReadonlySet<string>) => ({
    names: set,
    types: scope.types,
    expanding: new Set<string>(),
  });
  const input: TypeContext = {
    names,
    refPrefix: 'Models.',
    mode: 'input',
    binary: content?.kind === 'multipart' || content?.kind === 'binary' ? 'Uploadable' : 'string',
    file,
    inline: inline(scope.input),
  };
  const output: TypeContext = {
    names,
    refPrefix: 'Models.',
    mode: 'output',
    binary: 'string',
    file,
    inline: inline(scope.output),
  };
  const fields = surface.members.map((m) => m.property);
  /** A body that is a union of objects: its fields sit beside the others, one variant at a time. */
  const bodyUnion = body.kind === 'variants' ? withAliases(body.union, body.aliases, resolve) : undefined;
  // Fields beside a union body: `{ ... } & (A | B)`, a layout left to prettier (rare).
  if (bodyUnion && fields.length) file.inexact();
  const usual: TypeNode = !bodyUnion
    ? { kind: 'object', properties: fields }
    : fields.length
      ? { kind: 'intersection', parts: [{ kind: 'object', properties: fields }, bodyUnion] }
      : bodyUnion;
  const paramsType = surface.bodyWrapper ? wrappedParams(usual, surface, file, resolve) : usual;
  const paramsDecl = signature.hasParams
    ? renderDeclaration(
        declaration(signature.paramsType, paramsType, input),
        input,
        '',
        typeDoc('Parameters of', op, body.kind === 'fields' ? body.choice : undefined),
      )
    : '';
  const { responseDecl, returns } = responseTypes(op, signature, output, resolve);
  const page = pageType(op, signature, returns, output, resolve);
  const bodyArgType =
    signature.bodyArg === 'positional' && body.kind === 'whole'
      ? body.content.kind === 'binary'
        ? (file.use('Uploadable'), 'Uploadable')
        : typeExpr(body.content.type, input)
      : undefined;
  return {
    ...(bodyArgType ? { bodyArgType } : {}),
    ...(page ? { page } : {}),
    paramsDecl,
    responseDecl,
    returns,
    layout: layoutOf(op, surface),
  };
}

function responseTypes(
  op: Operation,
  signature: MethodSignature,
  ctx: TypeContext,
  resolve: (n: TypeNode) => TypeNode,
) {
  const name = signature.responseType;
  const declare = (type: TypeNode, doc = typeDoc('The result of', op)) =>
    renderDeclaration(declaration(name, type, ctx), ctx, '', doc);
  if (op.pagination)
    return {
      responseDecl: declare(op.pagination.itemType, typeDoc('One item of the pages of', op)),
      returns: name,
    };
  switch (op.response.kind) {
    case 'none':
      return { responseDecl: '', returns: 'void' };
    case 'binary':
      return { responseDecl: '', returns: 'Response' };
    case 'text':
    case 'csv':
      return { responseDecl: '', returns: 'string' };
    case 'sse':
      return { responseDecl: declare(op.response.type ?? { kind: 'unknown' }), returns: `Stream<${name}>` };
    case 'json':
      return { responseDecl: declare(op.response.type ?? { kind: 'unknown' }), returns: name };
  }
}

/**
 * What a page object has of its own: the items as `data`, the response and body, the paging methods.
 * The body's fields under these names are not copied onto the page (runtime/pagination.ts).
 */
export const PAGE_MEMBERS: ReadonlySet<string> = new Set([
  'data',
  'response',
  'body',
  'client',
  'request',
  'baseURL',
  'getPaginatedItems',
  'hasNextPage',
  'getNextPage',
  'iterPages',
  'queryParam',
  'withQuery',
  'nextPageRequest',
]);

/**
 * A page carries its response body's fields (`page.meta`, `page.records`, ...). The runtime's page
 * class of the operation's paging style declares the ones it reads, loosely, for every list of that
 * style; the operation's page type adds the body's other fields as this operation's schema types
 * them: `DefaultPagination<XResponse> & { meta?: Models.PaginationMeta }`. None where the body has no
 * field but its items.
 */
function pageType(
  op: Operation,
  signature: MethodSignature,
  returns: string,
  ctx: TypeContext,
  resolve: (n: TypeNode) => TypeNode,
): OperationTypes['page'] {
  if (!op.pagination || !op.response.type) return undefined;
  const body = resolve(op.response.type);
  if (body.kind !== 'object') return undefined;
  const fields = body.properties.filter((p) => !p.writeOnly && !PAGE_MEMBERS.has(p.name));
  if (!fields.length) return undefined;
  const name = `${signature.responseType.replace(/Response$/, '')}Page`;
  const doc = docComment([
    `A page of \`${op.names.ts}()\`: its items, and the response body's other fields as this operation's schema types them.`,
  ]);
  const page = `${op.pagination.pageClass}<${returns}> &`;
  const head = `export type ${name} = ${page}`;
  // Prettier keeps `A & {` on the line of the `=` when it fits, else moves it to the next line and
  // indents the object under it; anything longer is left to it.
  if (head.length + 2 <= PRINT_WIDTH)
    return { name, decl: `${doc}${head} ${typeExpr({ kind: 'object', properties: fields }, ctx, '')};` };
  if (`  ${page} {`.length > PRINT_WIDTH) ctx.file?.inexact();
  const object = typeExpr({ kind: 'object', properties: fields }, ctx, '  ');
  return { name, decl: `${doc}export type ${name} =\n  ${page} ${object};` };
}

/** A Params/Response doc: whose type it is and what the operation does, e.g. "Parameters of `client.calls.actions.answer()` (Answer call)." */
function typeDoc(lead: string, op: Operation, choice?: RequiredChoice): string {
  const summary = op.summary?.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const title = `${lead} \`${op.names.ts}()\`${summary ? ` (${summary})` : ''}.`;
  return docComment([title, choice && requiredChoiceNote(choice)]);
}

/**
 * Each variant of a union body with the other keys its fields are taken under (BodyShape `aliases`),
 * optional, right after the field: a variant spelled out gains them, a named one is intersected.
 */
function withAliases(
  union: TypeNode,
  aliases: Record<string, string> | undefined,
  resolve: (n: TypeNode) => TypeNode,
): TypeNode {
  if (!aliases || union.kind !== 'union') return union;
  const keys = Object.entries(aliases);
  const variants = union.variants.map((variant): TypeNode => {
    const object = resolve(variant);
    if (object.kind !== 'object') return variant;
    const aliasesOf = (p: Property): Property[] =>
      p.readOnly
        ? []
        : keys
            .filter(([key, wire]) => wire === p.name && !object.properties.some((q) => q.name === key))
            .map(([key]) => ({ ...p, name: key, required: false }));
    const added = object.properties.flatMap(aliasesOf);
    if (!added.length) return variant;
    if (variant.kind === 'object')
      return { ...variant, properties: variant.properties.flatMap((p) => [p, ...aliasesOf(p)]) };
    return { kind: 'intersection', parts: [variant, { kind: 'object', properties: added }] };
  });
  return { ...union, variants };
}

/** The static facts the runtime needs to turn (positional, params) into a request. */
function layoutOf(op: Operation, surface: OperationSurface): Literal {
  const wires = (where: 'query' | 'header') => {
    const found = surface.members.filter((m) => m.in === where && !m.nested).map((m) => m.wire);
    return found.length ? found : undefined;
  };
  const styled = surface.members.filter((m) => m.in === 'query' && runtimeQueryStyle(m.style));
  const raw = surface.body.kind === 'none' ? undefined : surface.body.content;
  // Keys that are not their wire name (compat aliases, headers named like a body field, a union body's
  // x-stainless-param names).
  const nested = surface.members.flatMap((m) => (m.nested ? [[m.wire, m.nested] as const] : []));
  const renames = surface.members
    .filter((m) => m.property.name !== m.wire)
    .map((m): [string, string] => [m.property.name, m.wire]);
  if (surface.body.kind === 'variants') renames.push(...Object.entries(surface.body.aliases ?? {}));
  return {
    method: op.method,
    path: op.path,
    query: wires('query'),
    queryStyles: styled.length
      ? Object.fromEntries(styled.map((m) => [m.wire, runtimeQueryStyle(m.style)]))
      : undefined,
    headers: wires('header'),
    body: raw?.kind,
    // A raw body goes out as the declared media type, whatever type the caller's file claims.
    contentType:
      raw?.kind === 'binary'
        ? raw.mediaType.includes('*')
          ? 'application/octet-stream'
          : raw.mediaType
        : undefined,
    bodyField: surface.body.kind === 'whole' ? surface.body.member : undefined,
    bodyWrapper: surface.bodyWrapper,
    jsonWithoutFiles: surface.body.kind === 'fields' && surface.body.jsonToo ? true : undefined,
    renames: renames.length ? Object.fromEntries(renames) : undefined,
    nested: nested.length ? Object.fromEntries(nested) : undefined,
    response: op.response.kind !== 'json' ? op.response.kind : undefined,
    server: op.server,
    idempotencyHeader: op.idempotencyHeader,
  };
}

/**
 * Params that also take the whole body as one member (config compat.bodyWrappers): the usual shape,
 * or the members that are not body fields plus the wrapper holding the body.
 */
function wrappedParams(
  usual: TypeNode,
  surface: OperationSurface,
  file: PrintedFile,
  resolve: (n: TypeNode) => TypeNode,
): TypeNode {
  const content = surface.body.kind === 'none' ? undefined : surface.body.content;
  if (!content || !surface.bodyWrapper) return usual;
  // Multipart bodies are spelled out, as their usual shape is: the shared model types say `string`
  // for file fields, which take uploads here.
  const spelled = (node: TypeNode): TypeNode => {
    const body = resolve(node);
    return body.kind === 'union' ? { ...body, variants: body.variants.map(resolve) } : body;
  };
  // A multipart body that takes the JSON body's fields too: the wrapper holds what the members do.
  const bodyType: TypeNode =
    surface.body.kind === 'fields' && surface.body.jsonToo
      ? { kind: 'object', properties: surface.body.properties }
      : content.kind === 'multipart'
        ? spelled(content.type)
        : content.type;
  const others = surface.members.filter((m) => m.in !== 'body').map((m) => m.property);
  const wrapper = {
    name: surface.bodyWrapper,
    type: bodyType,
    required: true,
    readOnly: false,
    writeOnly: false,
  };
  file.inexact(); // a union of object types: its layout is left to prettier
  return { kind: 'union', variants: [usual, { kind: 'object', properties: [...others, wrapper] }] };
}
