/**
 * What an operation takes and gives, in the terms every language renders: the positional path
 * parameter, the fields of the params object with their example values, the body kind, the result
 * shape, and the documented Required/Optional lists. Decided once per operation, so the six
 * languages cannot disagree on which fields an example fills.
 */
import type { BodyContent, BodyKind, Operation, Parameter, Property, TypeNode } from '../../model/index.ts';
import { signatureOf } from '../../naming/signature.ts';
import { exampleOf, type Example, type ExampleEnv } from './examples.ts';

export interface InputField {
  /** The wire name, as the API spells it. */
  wire: string;
  in: 'path' | 'query' | 'header' | 'body';
  value: Example;
  /** Query serialisation (OpenAPI style/explode). */
  style?: string;
  explode?: boolean;
}

/** How the call's result is shown: printed, iterated with auto-paging, or saved to a file. */
export type ResultShape = 'json' | 'list' | 'download' | 'text' | 'none';

export interface CallInput {
  op: Operation;
  /** The last path parameter, passed positionally in every SDK. */
  positional?: InputField;
  /** Earlier path parameters, then required query, header and body fields. */
  fields: InputField[];
  /** A body that is not an object (an array, a string, an upload): passed whole as `body`. */
  wholeBody?: Example;
  bodyKind?: BodyKind;
  /** The method takes a params object at all (it may have no required field). */
  hasParams: boolean;
  /** The params object must be passed (a field or the whole body is required), if only as `{}`. */
  paramsRequired: boolean;
  result: ResultShape;
  /** Media type of a downloaded or text result. */
  resultMedia?: string;
  /** TS params type name (`OAuthClientCreateParams`); Java uses the same class names. */
  paramsType: string;
}

export interface DocField {
  name: string;
  type: TypeNode;
  deprecated: boolean;
}

/** The body content the docs describe: JSON when offered (the SDKs switch to multipart for files). */
export function documentedBody(op: Operation): BodyContent | undefined {
  return op.body?.contents[0];
}

/** Top-level fields of the documented body, when it is an object. */
export function bodyProperties(op: Operation, resolve: (n: TypeNode) => TypeNode): Property[] | undefined {
  const content = documentedBody(op);
  const body = content && resolve(content.type);
  if (body?.kind === 'object') return body.properties;
  if (body?.kind !== 'union') return undefined;
  // A body that is one of several objects: its fields are all the variants' fields, and a field is
  // required when every variant requires it (what any valid request must send).
  const variants = body.variants.map(resolve);
  if (!variants.every((v) => v.kind === 'object')) return undefined;
  const objects = variants as Extract<TypeNode, { kind: 'object' }>[];
  const byName = new Map<string, Property>();
  for (const v of objects) for (const p of v.properties) if (!byName.has(p.name)) byName.set(p.name, p);
  return [...byName.values()].map((p) => ({
    ...p,
    required: objects.every((v) => v.properties.some((q) => q.name === p.name && q.required)),
  }));
}

/** `Required:` every required path, query, header and body parameter, readOnly fields excluded. */
export function requiredNames(op: Operation, resolve: (n: TypeNode) => TypeNode): string[] {
  const params = op.params.filter((p) => p.required && p.in !== 'cookie').map((p) => p.name);
  const body = (bodyProperties(op, resolve) ?? [])
    .filter((p) => p.required && !p.readOnly)
    .map((p) => p.name);
  return [...params, ...body];
}

/**
 * `Optional:` every optional query and body parameter, never readOnly ones. A deepObject parameter is
 * listed by its keys as they go on the wire (`filter[status]`), which says more than `filter (object)`.
 */
export function optionalFields(op: Operation, resolve: (n: TypeNode) => TypeNode): DocField[] {
  const query = op.params
    .filter((p) => !p.required && p.in === 'query')
    .flatMap((p) => {
      const object = resolve(p.type);
      if (p.style !== 'deepObject' || object.kind !== 'object' || object.properties.length === 0)
        return [{ name: p.name, type: p.type, deprecated: p.deprecated }];
      return object.properties
        .filter((f) => !f.readOnly)
        .map((f) => ({
          name: `${p.name}[${f.name}]`,
          type: f.type,
          deprecated: p.deprecated || f.type.deprecated === true,
        }));
    });
  const body = (bodyProperties(op, resolve) ?? [])
    .filter((p) => !p.required && !p.readOnly)
    .map((p) => ({ name: p.name, type: p.type, deprecated: p.type.deprecated === true }));
  return [...query, ...body];
}

export function callInput(op: Operation, env: ExampleEnv): CallInput {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const last = pathParams[pathParams.length - 1];
  const paramField = (p: Parameter): InputField => {
    const value =
      p.example !== undefined && p.example !== null && p.example !== ''
        ? exampleOf({ ...p.type, example: p.example } as TypeNode, p.name, env)
        : exampleOf(p.type, p.name, env);
    // A path segment is text whatever the schema says; every SDK takes path arguments as strings.
    const text =
      p.in === 'path' && (value.kind === 'integer' || value.kind === 'number')
        ? { kind: 'string' as const, value: String(value.value) }
        : value;
    return { wire: p.name, in: p.in as InputField['in'], value: text, style: p.style, explode: p.explode };
  };
  const fields = [
    ...pathParams.slice(0, -1).map(paramField),
    ...op.params
      .filter((p) => (p.in === 'query' || p.in === 'header') && (p.required || requiresKeys(p, env.resolve)))
      .map(paramField),
  ];
  const sig = signature(op);
  const input: CallInput = {
    op,
    fields,
    hasParams: sig.hasParams,
    paramsRequired: fields.length > 0,
    result: resultShape(op),
    paramsType: sig.paramsType,
  };
  if (last) input.positional = paramField(last);
  const content = documentedBody(op);
  if (content) {
    input.bodyKind = content.kind;
    const upload = content.kind === 'multipart' || content.kind === 'binary';
    // A required body goes out with a field even when none is required: an empty one is refused
    // ("Body parameter is required"), and an example that sends nothing shows nothing.
    const body = exampleOf(content.type, 'body', env, { upload, nonEmpty: op.body!.required });
    const shape = bodyShape(content, env.resolve);
    if (shape !== 'whole' && body.kind === 'object') {
      const taken = new Set(fields.map((f) => f.wire));
      fields.push(
        ...body.fields
          .filter((f) => !taken.has(f.name))
          .map((f) => ({ wire: f.name, in: 'body' as const, value: f.value })),
      );
      input.paramsRequired ||= fields.length > 0 || (shape === 'variants' && op.body!.required);
    } else if (op.body!.required || content.kind === 'binary') {
      input.wholeBody = body;
      input.paramsRequired = true;
    }
  }
  if (input.result === 'download' || input.result === 'text') input.resultMedia = op.response.mediaType;
  return input;
}

/**
 * An optional object parameter whose schema requires keys (`filter` of GET /detail_records requires
 * `filter[record_type]`): the example sends it with those keys. Prism validates the absent object as
 * `{}` and refuses it; and a filter that is there at all must carry them.
 */
function requiresKeys(p: Parameter, resolve: (n: TypeNode) => TypeNode): boolean {
  const type = resolve(p.type);
  return (
    type.kind === 'object' &&
    (type.properties.some((f) => f.required && !f.readOnly) || (type.requiresElsewhere?.length ?? 0) > 0)
  );
}

/**
 * How the SDKs take a body, as our TypeScript client does (generator/emit/typescript/operation-types.ts):
 * an object's fields sit in the params beside the query fields, so do the fields of a union whose
 * variants are all objects; anything else (an array, a scalar, an open union, bytes) is passed whole
 * as `body`.
 */
function bodyShape(
  content: BodyContent,
  resolve: (n: TypeNode) => TypeNode,
): 'fields' | 'variants' | 'whole' {
  if (content.kind === 'binary') return 'whole';
  const body = resolve(content.type);
  if (body.kind === 'object') return 'fields';
  if (body.kind === 'union' && body.variants.every((v) => resolve(v).kind === 'object')) return 'variants';
  return 'whole';
}

function signature(op: Operation) {
  return signatureOf({
    path: op.path,
    resource: op.names.resource,
    method: op.names.method,
    otherParams: op.params.filter((p) => p.in !== 'path').length,
    hasBody: op.body !== undefined,
  });
}

function resultShape(op: Operation): ResultShape {
  // TeXML pages are documents with their own next-page URIs, not auto-paged lists (docs/NAMING.md).
  if (op.pagination && op.pagination.style !== 'texml') return 'list';
  switch (op.response.kind) {
    case 'binary':
      return 'download';
    case 'text':
    case 'csv':
      return 'text';
    case 'none':
      return 'none';
    default:
      return 'json';
  }
}

/** A file name for a download, from its media type. */
export function downloadName(mediaType: string | undefined): string {
  const ext: [RegExp, string][] = [
    [/pdf/, 'pdf'],
    [/mpeg|mp3/, 'mp3'],
    [/wav/, 'wav'],
    [/png/, 'png'],
    [/jpe?g/, 'jpg'],
    [/svg/, 'svg'],
    [/zip/, 'zip'],
    [/csv/, 'csv'],
    [/json/, 'json'],
    [/^text\//, 'txt'],
  ];
  const found = ext.find(([re]) => re.test(mediaType ?? ''));
  return `download.${found ? found[1] : 'bin'}`;
}
