/**
 * The per-operation types of a resource file: `<Base>Params` (every input but the positional path
 * parameter: earlier path parameters, query, header and body fields) and `<Base>Response` (the
 * response body; for a paged operation, one item). Also the operation's static request layout, which
 * the generated method hands to the runtime (`src/core/operation.ts`).
 */
import type { NamedType, Operation, Property, TypeNode } from '../../model/index.ts';
import { signatureOf, type Signature } from '../../naming/signature.ts';
import type { Literal } from './layout-code.ts';
import { docComment } from './doc-comment.ts';
import { visibleProperties, type TypeContext } from './type-expr.ts';
import { declaration, renderDeclaration } from './declarations.ts';

export interface OperationTypes {
  signature: Signature;
  /** `export interface ...Params {...}` (or '' when the operation takes no params object). */
  paramsDecl: string;
  /** `export type ...Response = ...;` (or '' for void and raw responses). */
  responseDecl: string;
  /** The TS return type of the method's promise payload. */
  returns: string;
  /** Some params field is required, so the params argument is too. */
  paramsRequired: boolean;
  /** The request layout (`OperationSpec`) as data, printed by layout-code.ts. */
  layout: Literal;
}

/** Which named types each mode spells out in place (scopedTypes), with the types themselves. */
export interface Scope {
  input: ReadonlySet<string>;
  output: ReadonlySet<string>;
  types: ReadonlyMap<string, NamedType>;
}

export function operationTypes(
  op: Operation,
  names: Map<string, string>,
  resolve: (n: TypeNode) => TypeNode,
  unsure: () => void,
  scope: Scope,
): OperationTypes {
  const nonPositional = op.params.filter((p) => p.in !== 'cookie');
  const signature = signatureOf({
    path: op.path,
    resource: op.names.resource,
    method: op.names.method,
    otherParams: nonPositional.filter((p) => p.in !== 'path').length,
    hasBody: op.body !== undefined,
  });
  const content = op.body?.contents[0];
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
    unsure,
    inline: inline(scope.input),
  };
  const output: TypeContext = {
    names,
    refPrefix: 'Models.',
    mode: 'output',
    binary: 'string',
    unsure,
    inline: inline(scope.output),
  };
  const fields: Property[] = [];
  const seen = new Set<string>();
  const add = (p: Property) => {
    if (seen.has(p.name)) return; // the first location wins: a path/query name shadows a body field
    seen.add(p.name);
    fields.push(p);
  };
  for (const p of nonPositional) {
    if (p.in === 'path' && p.name === signature.positionalWire) continue;
    add({
      name: p.name,
      type: { ...p.type, description: p.description ?? p.type.description },
      required: p.required,
      readOnly: false,
      writeOnly: false,
    });
  }
  let bodyField: string | undefined;
  /** A body that is a union of objects: its fields sit beside the others, one variant at a time. */
  let bodyUnion: TypeNode | undefined;
  if (content) {
    const body = resolve(content.type);
    if (body.kind === 'object' && content.kind !== 'binary') {
      visibleProperties(body, 'input').forEach(add);
    } else if (
      body.kind === 'union' &&
      content.kind !== 'binary' &&
      body.variants.every((v) => resolve(v).kind === 'object')
    ) {
      // Multipart variants are spelled out: the shared model types say `string` for file fields.
      bodyUnion = {
        kind: 'union',
        variants: body.variants.map((v) => (content.kind === 'multipart' ? resolve(v) : v)),
      };
    } else {
      bodyField = 'body';
      add({
        name: 'body',
        type: content.kind === 'binary' ? { kind: 'string', format: 'binary' } : content.type,
        required: op.body!.required,
        readOnly: false,
        writeOnly: false,
      });
    }
  }
  const paramsRequired = fields.some((f) => f.required) || (bodyUnion !== undefined && op.body!.required);
  // Fields beside a union body: `{ ... } & (A | B)`, a layout left to prettier (rare).
  if (bodyUnion && fields.length) unsure();
  const paramsType: TypeNode = !bodyUnion
    ? { kind: 'object', properties: fields }
    : fields.length
      ? { kind: 'intersection', parts: [{ kind: 'object', properties: fields }, bodyUnion] }
      : bodyUnion;
  const paramsDecl = signature.hasParams
    ? renderDeclaration(
        declaration(signature.paramsType, paramsType, input),
        input,
        '',
        typeDoc('Parameters of', op),
      )
    : '';
  const { responseDecl, returns } = responseTypes(op, signature, output, resolve);
  return {
    signature,
    paramsDecl,
    responseDecl,
    returns,
    paramsRequired,
    layout: layoutOf(op, bodyField),
  };
}

function responseTypes(
  op: Operation,
  signature: Signature,
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

/** A Params/Response doc: whose type it is and what the operation does, e.g. "Parameters of `client.calls.actions.answer()` (Answer call)." */
function typeDoc(lead: string, op: Operation): string {
  const summary = op.summary?.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return docComment([`${lead} \`${op.names.ts}()\`${summary ? ` (${summary})` : ''}.`]);
}

/** The static facts the runtime needs to turn (positional, params) into a request. */
function layoutOf(op: Operation, bodyField: string | undefined): Literal {
  const names = (params: Operation['params']) => (params.length ? params.map((p) => p.name) : undefined);
  const query = op.params.filter((p) => p.in === 'query');
  const styled = query.filter((p) => p.style !== 'form' || !p.explode);
  const raw = op.body?.contents[0];
  return {
    method: op.method,
    path: op.path,
    query: names(query),
    queryStyles: styled.length
      ? Object.fromEntries(styled.map((p) => [p.name, { style: p.style, explode: p.explode }]))
      : undefined,
    headers: names(op.params.filter((p) => p.in === 'header')),
    body: raw?.kind,
    // A raw body goes out as the declared media type, whatever type the caller's file claims.
    contentType:
      raw?.kind === 'binary'
        ? raw.mediaType.includes('*')
          ? 'application/octet-stream'
          : raw.mediaType
        : undefined,
    bodyField,
    response: op.response.kind !== 'json' ? op.response.kind : undefined,
    server: op.server,
    idempotencyHeader: op.idempotencyHeader,
  };
}
