/**
 * How an operation is called as an SDK method (docs/NAMING.md, RUNTIME.md "Methods"): the last path
 * parameter is positional; every other input (earlier path parameters, query, header, body fields) is
 * a member of one params object; a body that is not an object goes in whole as `body`.
 */
import type { BodyContent, Operation, Property, TypeNode } from '../model/index.ts';
import { signatureOf } from '../naming/signature.ts';
import type { BodyShape, Member, MethodSignature, ResultSurface } from './types.ts';

type Resolve = (n: TypeNode) => TypeNode;

/** Body fields a request may carry: readOnly ones are answers, never inputs. */
export const inputProperties = (properties: Property[]) => properties.filter((p) => !p.readOnly);

/** The body content the SDK sends by default: JSON when offered (it switches to multipart for files). */
export function documentedBody(op: Operation): BodyContent | undefined {
  return op.body?.contents[0];
}

export function bodyShape(op: Operation, resolve: Resolve): BodyShape {
  const content = documentedBody(op);
  if (!content) return { kind: 'none' };
  const body = resolve(content.type);
  if (content.kind !== 'binary' && body.kind === 'object')
    return { kind: 'fields', content, properties: inputProperties(body.properties) };
  if (
    content.kind !== 'binary' &&
    body.kind === 'union' &&
    body.variants.every((v) => resolve(v).kind === 'object')
  ) {
    // Multipart variants are spelled out: the shared model types say `string` for file fields.
    const variants = body.variants.map((v) => (content.kind === 'multipart' ? resolve(v) : v));
    return { kind: 'variants', content, union: { kind: 'union', variants } };
  }
  return { kind: 'whole', content, member: 'body' };
}

/** The params object's members; the first location wins (a path/query name shadows a body field). */
export function membersOf(op: Operation, shape: BodyShape, positionalWire: string | undefined): Member[] {
  const members: Member[] = [];
  const seen = new Set<string>();
  const add = (member: Member) => {
    if (seen.has(member.property.name)) return;
    seen.add(member.property.name);
    members.push(member);
  };
  for (const p of op.params) {
    if (p.in === 'cookie' || (p.in === 'path' && p.name === positionalWire)) continue;
    add({
      property: {
        name: p.name,
        type: { ...p.type, description: p.description ?? p.type.description },
        required: p.required,
        readOnly: false,
        writeOnly: false,
      },
      wire: p.name,
      in: p.in,
      ...(p.in === 'path' ? {} : { style: p.style }),
    });
  }
  if (shape.kind === 'fields')
    for (const property of shape.properties) add({ property, wire: property.name, in: 'body' });
  if (shape.kind === 'whole') {
    const type: TypeNode =
      shape.content.kind === 'binary' ? { kind: 'string', format: 'binary' } : shape.content.type;
    add({
      property: { name: shape.member, type, required: op.body!.required, readOnly: false, writeOnly: false },
      wire: shape.member,
      in: 'body',
    });
  }
  return members;
}

export function methodSignature(op: Operation, shape: BodyShape, members: Member[]): MethodSignature {
  const named = signatureOf({
    path: op.path,
    resource: op.names.resource,
    method: op.names.method,
    otherParams: op.params.filter((p) => p.in !== 'path' && p.in !== 'cookie').length,
    hasBody: op.body !== undefined,
  });
  return {
    ...(named.positional ? { positional: { arg: named.positional, wire: named.positionalWire! } } : {}),
    hasParams: named.hasParams,
    paramsRequired:
      members.some((m) => m.property.required) || (shape.kind === 'variants' && op.body!.required),
    args: named.args,
    paramsType: named.paramsType,
    responseType: named.responseType,
  };
}

export function resultOf(op: Operation): ResultSurface {
  const media =
    op.response.kind === 'binary' || op.response.kind === 'text' || op.response.kind === 'csv'
      ? op.response.mediaType
      : undefined;
  const base = { kind: op.response.kind, ...(media ? { media } : {}) };
  // TeXML pages are documents with their own next-page URIs, not auto-paged lists.
  if (op.pagination?.autoPaging) return { ...base, shape: 'list' };
  switch (op.response.kind) {
    case 'binary':
      return { ...base, shape: 'download' };
    case 'text':
    case 'csv':
      return { ...base, shape: 'text' };
    case 'none':
      return { ...base, shape: 'none' };
    default:
      return { ...base, shape: 'json' };
  }
}
