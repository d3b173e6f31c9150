/**
 * The per-operation types of a resource file: `<Base>Params` (every input but the positional path
 * parameter: earlier path parameters, query, header and body fields) and `<Base>Response` (the
 * response body; for a paged operation, one item). Also the operation's static request layout, which
 * the generated method hands to the runtime (`src/core/operation.ts`).
 */
import type { Operation, Property, TypeNode } from '../../model/index.ts';
import { signatureOf, type Signature } from '../../naming/signature.ts';
import { docComment, propertyKey, stringLiteral } from './doc-comment.ts';
import { propertyLine, typeExpr, visibleProperties, type TypeContext } from './type-expr.ts';

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
  /** Object literal of the request layout (`OperationSpec`). */
  layout: string;
}

export function operationTypes(op: Operation, names: Map<string, string>, resolve: (n: TypeNode) => TypeNode): OperationTypes {
  const nonPositional = op.params.filter((p) => p.in !== 'cookie');
  const signature = signatureOf({
    path: op.path,
    resource: op.names.resource,
    method: op.names.method,
    otherParams: nonPositional.filter((p) => p.in !== 'path').length,
    hasBody: op.body !== undefined,
  });
  const content = op.body?.contents[0];
  const input: TypeContext = { names, refPrefix: 'Models.', mode: 'input', binary: content?.kind === 'multipart' ? 'Uploadable' : 'string' };
  const output: TypeContext = { names, refPrefix: 'Models.', mode: 'output', binary: 'string' };
  const fields: Property[] = [];
  const seen = new Set<string>();
  const add = (p: Property) => {
    if (seen.has(p.name)) return; // the first location wins: a path/query name shadows a body field
    seen.add(p.name);
    fields.push(p);
  };
  for (const p of nonPositional) {
    if (p.in === 'path' && p.name === signature.positionalWire) continue;
    add({ name: p.name, type: { ...p.type, description: p.description ?? p.type.description }, required: p.required, readOnly: false, writeOnly: false });
  }
  let bodyField: string | undefined;
  /** A body that is a union of objects: its fields sit beside the others, one variant at a time. */
  let bodyUnion: string | undefined;
  if (content) {
    const body = resolve(content.type);
    if (body.kind === 'object' && content.kind !== 'binary') {
      visibleProperties(body, 'input').forEach(add);
    } else if (body.kind === 'union' && content.kind !== 'binary' && body.variants.every((v) => resolve(v).kind === 'object')) {
      // Multipart variants are spelled out: the shared model types say `string` for file fields.
      const variant = (v: TypeNode) => typeExpr(content.kind === 'multipart' ? resolve(v) : v, input);
      bodyUnion = body.variants.map(variant).map((t) => (t.includes('|') ? `(${t})` : t)).join(' | ');
    } else {
      bodyField = 'body';
      add({ name: 'body', type: content.kind === 'binary' ? { kind: 'string', format: 'binary' } : content.type, required: op.body!.required, readOnly: false, writeOnly: false });
    }
  }
  const paramsRequired = fields.some((f) => f.required) || (bodyUnion !== undefined && op.body!.required);
  const members = fields.map((f) => propertyLine(f, content?.kind === 'binary' && f.name === 'body' ? { ...input, binary: 'Uploadable' } : input, '  ')).join('\n');
  const paramsDecl = !signature.hasParams
    ? ''
    : bodyUnion
      ? `export type ${signature.paramsType} = {\n${members}\n} & (${bodyUnion});\n`
      : `export interface ${signature.paramsType} {\n${members}\n}\n`;
  const { responseDecl, returns } = responseTypes(op, signature, output, resolve);
  return { signature, paramsDecl, responseDecl, returns, paramsRequired, layout: layoutOf(op, signature, bodyField) };
}

function responseTypes(op: Operation, signature: Signature, ctx: TypeContext, resolve: (n: TypeNode) => TypeNode) {
  const name = signature.responseType;
  const declare = (type: TypeNode, description?: string) => {
    const resolved = type.kind === 'object' ? type : undefined;
    const doc = docComment([description]);
    return resolved && resolved.properties.length > 0 && !resolved.nullable
      ? `${doc}export interface ${name} ${typeExpr(type, ctx)}\n`
      : `${doc}export type ${name} = ${typeExpr(type, ctx)};\n`;
  };
  if (op.pagination) return { responseDecl: declare(op.pagination.itemType), returns: name };
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

/** The static facts the runtime needs to turn (positional, params) into a request. */
function layoutOf(op: Operation, signature: Signature, bodyField: string | undefined): string {
  const list = (xs: string[]) => `[${xs.map(stringLiteral).join(', ')}]`;
  const entries: string[] = [`method: ${stringLiteral(op.method)}`, `path: ${stringLiteral(op.path)}`];
  const pathParams = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  if (pathParams.length) entries.push(`pathParams: ${list(pathParams)}`);
  if (signature.positionalWire) entries.push(`positional: ${stringLiteral(signature.positionalWire)}`);
  const query = op.params.filter((p) => p.in === 'query');
  if (query.length) entries.push(`query: ${list(query.map((p) => p.name))}`);
  const styles = query.filter((p) => p.style !== 'form' || !p.explode);
  if (styles.length) {
    entries.push(`queryStyles: { ${styles.map((p) => `${propertyKey(p.name)}: { style: ${stringLiteral(p.style)}, explode: ${p.explode} }`).join(', ')} }`);
  }
  const headers = op.params.filter((p) => p.in === 'header').map((p) => p.name);
  if (headers.length) entries.push(`headers: ${list(headers)}`);
  if (op.body) entries.push(`body: ${stringLiteral(op.body.contents[0]?.kind ?? 'json')}`);
  // A raw body goes out as the declared media type, whatever type the caller's file claims.
  const raw = op.body?.contents[0];
  if (raw?.kind === 'binary') entries.push(`contentType: ${stringLiteral(raw.mediaType.includes('*') ? 'application/octet-stream' : raw.mediaType)}`);
  if (bodyField) entries.push(`bodyField: ${stringLiteral(bodyField)}`);
  if (op.response.kind !== 'json') entries.push(`response: ${stringLiteral(op.response.kind)}`);
  if (op.server) entries.push(`server: ${stringLiteral(op.server)}`);
  if (op.idempotencyHeader) entries.push(`idempotencyHeader: ${stringLiteral(op.idempotencyHeader)}`);
  return `{ ${entries.join(', ')} }`;
}
