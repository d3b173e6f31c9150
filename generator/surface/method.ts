/**
 * How an operation is called as an SDK method (docs/NAMING.md, RUNTIME.md "Methods"): the last path
 * parameter is positional; every other input (earlier path parameters, query, header, body fields) is
 * a member of one params object; a body that is not an object goes in whole as `body`.
 */
import type { BodyContent, Operation, Parameter, Property, TypeNode } from '../model/index.ts';
import { signatureOf } from '../naming/signature.ts';
import { bodyNeedsAChoice, oneObjectOf } from './one-object.ts';
import type { BodyShape, Member, MethodSignature, ResultSurface } from './types.ts';

type Resolve = (n: TypeNode) => TypeNode;

/** Body fields a request may carry: readOnly ones are answers, never inputs. */
export const inputProperties = (properties: Property[]) => properties.filter((p) => !p.readOnly);

/** The body content the SDK sends by default: JSON when offered (it switches to multipart for files). */
export function documentedBody(op: Operation): BodyContent | undefined {
  return op.body?.contents[0];
}

/** How the body reaches the params object; `kind` picks another content than the documented one. */
export function bodyShape(op: Operation, resolve: Resolve, kind?: BodyContent['kind']): BodyShape {
  const content = kind ? op.body?.contents.find((c) => c.kind === kind) : documentedBody(op);
  // fetch refuses a body on GET and HEAD (the spec's websocket operation declares one): none is sent.
  if (!content || op.method === 'get' || op.method === 'head') return { kind: 'none' };
  const body = resolve(content.type);
  if (content.kind !== 'binary' && body.kind === 'object')
    return { kind: 'fields', content, properties: inputProperties(body.properties) };
  if (
    content.kind !== 'binary' &&
    body.kind === 'union' &&
    body.variants.every((v) => resolve(v).kind === 'object')
  ) {
    const one = oneObjectOf(body, resolve);
    if (one) return { kind: 'fields', content, properties: one.properties, choice: one.choice };
    // Multipart variants are spelled out: the shared model types say `string` for file fields.
    const variants = body.variants.map((v) => (content.kind === 'multipart' ? resolve(v) : v));
    // A name the spec gives a field in SDK params is accepted too, as for a body of fields.
    const aliases = Object.fromEntries(
      variants.flatMap((v) => {
        const object = resolve(v);
        return object.kind === 'object'
          ? inputProperties(object.properties).flatMap((p) => (p.sdkName ? [[p.sdkName, p.name]] : []))
          : [];
      }),
    );
    return {
      kind: 'variants',
      content,
      union: { kind: 'union', variants },
      ...(Object.keys(aliases).length ? { aliases } : {}),
    };
  }
  return { kind: 'whole', content, member: 'body' };
}

/**
 * The multipart method of a body the operation takes as JSON too (`documents.upload` beside
 * `uploadJson`) also takes the JSON body's fields, as the official SDK's `upload` does (typed with
 * them, posted as JSON): a field the two spell differently takes either value (`file`: an upload, or
 * the JSON body's base64 text), a field only the JSON body has is optional. The runtime sends such a
 * body as JSON when it holds no file (OperationSpec `jsonWithoutFiles`), so each value goes out in
 * the content the spec defines it for.
 */
export function withJsonFields(shape: BodyShape, json: BodyShape): BodyShape {
  if (shape.kind !== 'fields' || json.kind !== 'fields' || shape.content.kind !== 'multipart') return shape;
  const binary = (t: TypeNode) => t.kind === 'string' && t.format === 'binary';
  const properties = shape.properties.map((p): Property => {
    const other = json.properties.find((q) => q.name === p.name);
    if (!other) return p;
    const required = p.required && other.required;
    if (!binary(p.type) || binary(other.type)) return { ...p, required };
    const { description: own, ...upload } = p.type;
    const text = `Or, as text, the JSON body's \`${p.name}\` (the request then goes out as JSON)${other.type.description ? `: ${other.type.description.trim()}` : '.'}`;
    const type: TypeNode = {
      kind: 'union',
      variants: [upload, { ...other.type, description: undefined }],
      description: [own?.trim(), text].filter(Boolean).join('\n\n'),
    };
    return { ...p, type, required };
  });
  const taken = new Set(shape.properties.map((p) => p.name));
  const note = 'A field of the JSON body only: the request goes out as JSON when no file is given.';
  const extra = json.properties
    .filter((q) => !taken.has(q.name))
    .map((q) => {
      const description = [q.type.description?.trim(), note].filter(Boolean).join('\n\n');
      return { ...q, type: { ...q.type, description }, required: false };
    });
  return { ...shape, properties: [...properties, ...extra], jsonToo: true };
}

/** The params object's members; the first location wins (a path/query name shadows a body field). */
export function membersOf(
  op: Operation,
  shape: BodyShape,
  positionalWire: string | undefined,
  resolve: Resolve,
): Member[] {
  const members: Member[] = [];
  const seen = new Set<string>();
  const add = (member: Member) => {
    if (seen.has(member.property.name)) return;
    seen.add(member.property.name);
    members.push(member);
  };
  const bodyNames = new Set(shape.kind === 'fields' ? shape.properties.map((f) => f.name) : []);
  for (const p of op.params) {
    if (p.in === 'cookie' || (p.in === 'path' && p.name === positionalWire)) continue;
    add({
      property: {
        name: headerKey(p, bodyNames),
        type: { ...p.type, description: p.description ?? p.type.description },
        required: p.required,
        readOnly: false,
        writeOnly: false,
      },
      wire: p.name,
      in: p.in,
      ...(p.in === 'path' ? {} : { style: p.style }),
    });
    for (const flat of flatPageKeys(p, resolve)) add(flat);
  }
  for (const dotted of dottedQueryObjects(op.params, bodyNames)) add(dotted);
  if (shape.kind === 'fields')
    for (const property of shape.properties) {
      add({ property, wire: property.name, in: 'body' });
      // A name the spec gives the field in SDK params is accepted too.
      if (property.sdkName)
        add({
          property: { ...property, name: property.sdkName, required: false },
          wire: property.name,
          in: 'body',
        });
    }
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

/**
 * A header named like a body field once spelled in snake_case (`PAYMENT-SIGNATURE` beside a
 * `payment_signature` field) is taken as `header_payment_signature`, so both can be passed; other
 * parameters keep their spec names.
 */
function headerKey(p: Parameter, bodyNames: ReadonlySet<string>): string {
  if (p.in !== 'header') return p.name;
  const snake = p.name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return bodyNames.has(snake) ? `header_${snake}` : p.name;
}

/**
 * The paging container `page` (a deep object: `page[number]`, `page[size]`, `page[after]`) is also
 * taken as flat bracketed keys, `{ 'page[number]': 2 }`, the spelling SDK users write (the official
 * SDK's params have only these); the nested `page: { number: 2 }` stays valid. Other deep objects
 * (`filter`, `sort`) are nested only.
 */
function flatPageKeys(p: Parameter, resolve: Resolve): Member[] {
  if (p.in !== 'query' || p.name !== 'page' || p.style !== 'deep-object') return [];
  const page = resolve(p.type);
  if (page.kind !== 'object') return [];
  return inputProperties(page.properties).map((member) => ({
    property: { ...member, name: `page[${member.name}]`, required: false },
    wire: `page[${member.name}]`,
    in: 'query' as const,
    style: 'form' as const,
  }));
}

/**
 * Query parameters with a dotted name (`metadata.assistant_id`) are also taken as one object under the
 * name before the dot, `{ metadata: { assistant_id } }`, the official SDK's shape (it nests what a
 * dot separates), and sent under their own names all the same. Only where the object's name is no
 * other input of the operation, and for one dot (a deeper name stays flat only).
 */
function dottedQueryObjects(params: Parameter[], bodyNames: ReadonlySet<string>): Member[] {
  const taken = new Set([...bodyNames, ...params.map((p) => p.name)]);
  const groups = new Map<string, Parameter[]>();
  for (const p of params) {
    const m = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(p.name);
    if (p.in !== 'query' || !m || taken.has(m[1]!)) continue;
    groups.set(m[1]!, [...(groups.get(m[1]!) ?? []), p]);
  }
  return [...groups].map(([name, group]) => {
    const key = (p: Parameter) => p.name.slice(name.length + 1);
    const list = group.map((p) => `\`${p.name}\``).join(', ');
    return {
      property: {
        name,
        type: {
          kind: 'object' as const,
          properties: group.map((p) => ({
            name: key(p),
            type: { ...p.type, description: p.description ?? p.type.description },
            required: false,
            readOnly: false,
            writeOnly: false,
          })),
          description: `The query parameter${group.length > 1 ? 's' : ''} ${list} as one object, as the official SDK takes ${group.length > 1 ? 'them' : 'it'}; sent as ${list} all the same.`,
        },
        required: false,
        readOnly: false,
        writeOnly: false,
      },
      wire: name,
      in: 'query' as const,
      nested: Object.fromEntries(group.map((p) => [key(p), p.name])),
    };
  });
}

/** Whether the body is an argument of its own (MethodSignature.bodyArg), from its shape and resolved type. */
export function bodyArgOf(shape: BodyShape, members: Member[], resolve: Resolve): MethodSignature['bodyArg'] {
  if (shape.kind !== 'whole') return undefined;
  if (shape.content.kind === 'binary') return 'positional';
  const alone = members.every((m) => m.in === 'body' && m.wire === shape.member);
  return alone && resolve(shape.content.type).kind === 'array' ? 'params' : undefined;
}

export function methodSignature(
  op: Operation,
  shape: BodyShape,
  members: Member[],
  method = op.names.method,
  bodyArg?: MethodSignature['bodyArg'],
): MethodSignature {
  const named = signatureOf({
    path: op.path,
    resource: op.names.resource,
    method,
    otherParams: op.params.filter((p) => p.in !== 'path' && p.in !== 'cookie').length,
    hasBody: shape.kind !== 'none',
  });
  // With the body an argument of its own, the params object holds what is left.
  const hasParams = bodyArg === 'positional' ? members.length > 0 : named.hasParams;
  const args =
    bodyArg === 'params'
      ? '([ ...body ])'
      : bodyArg === 'positional'
        ? `(${[named.positional, 'body', hasParams ? '{ ...params }' : undefined].filter(Boolean).join(', ')})`
        : named.args;
  return {
    ...(named.positional
      ? {
          positional: {
            arg: named.positional,
            wire: named.positionalWire!,
            ...numericPath(op, named.positionalWire!),
          },
        }
      : {}),
    hasParams,
    paramsRequired:
      members.some((m) => m.property.required) || (bodyNeedsAChoice(shape) && op.body!.required),
    ...(bodyArg ? { bodyArg } : {}),
    args,
    paramsType: named.paramsType,
    responseType: named.responseType,
  };
}

/** `{ numeric: true }` for a path parameter the spec types as an integer or number. */
function numericPath(op: Operation, wire: string): { numeric?: true } {
  const kind = op.params.find((p) => p.in === 'path' && p.name === wire)?.type.kind;
  return kind === 'integer' || kind === 'number' ? { numeric: true } : {};
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
