/**
 * The bridge between generated resource methods and the client: each method (defined from its
 * operation's entry in the resource's `OPERATIONS` table, define.ts) passes that static layout (which
 * params go to the path, the query, the headers, the body) and what the caller gave it; `describe`
 * turns that into a RequestDescription. Keeping this logic here, once, leaves the generated files
 * only declarations and data.
 */
import type { BodyKind } from './body.js';
import type { ClientCore } from './client-core.js';
import { isFileSource, type FileSource } from './uploads.js';
import { buildPath, pathParamNames, type PathParamValue } from './path.js';
import { isPlainObject, type QueryStyles } from './query.js';
import type { AbstractPage, PageConstructor } from './pagination.js';
import type { HTTPMethod, RequestDescription } from './request.js';
import type { ResponseKind } from './responses.js';

/** A file to upload: Blob/File, bytes, a stream or async iterable (e.g. fs.createReadStream), or toFile(). */
export type Uploadable = FileSource;

/**
 * The arguments of a generated method before its options, in order: the positional path parameter,
 * a body passed whole (raw bytes, an array), the params object.
 */
export type OperationArg = 'path' | 'body' | 'params';

export interface OperationSpec {
  method: HTTPMethod;
  /**
   * Path template as in the spec: `/calls/{call_control_id}/actions/answer`. Its last parameter is
   * the method's positional argument; earlier ones come from params (docs: NAMING.md). Derived here
   * rather than listed per operation: the lists cost the package's type-check more than they save.
   */
  path: string;
  /** Params fields that go into the query string. */
  query?: readonly string[];
  queryStyles?: QueryStyles;
  /** Params fields sent as headers. */
  headers?: readonly string[];
  /** How the body is encoded, when the operation has one. */
  body?: BodyKind;
  /** Media type of a raw (binary) body, sent as its Content-Type. */
  contentType?: string;
  /** The params field that is the whole body (array, binary or scalar bodies); else the remaining fields are. */
  bodyField?: string;
  /** A params field that may hold the whole body instead of its fields (an earlier SDK's shape). */
  bodyWrapper?: string;
  /**
   * A multipart body the operation also takes as JSON: sent as JSON when it holds no file (the JSON
   * body's fields, `file` as base64 text, as the official SDK's `upload` posts them).
   */
  jsonWithoutFiles?: boolean;
  /** Params keys that are another name of a body field: key -> the field's wire name. */
  renames?: Readonly<Record<string, string>>;
  /**
   * Dotted query names also taken as one object (the official SDK's shape): key -> member -> wire name,
   * `{ metadata: { assistant_id: 'metadata.assistant_id' } }`.
   */
  nested?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  response?: ResponseKind;
  server?: string;
  idempotencyHeader?: string;
  /** What the method takes before its options (none: options only). */
  args?: readonly OperationArg[];
  /** A list operation's page class: the method returns its PagePromise. */
  page?: PageConstructor<AbstractPage<unknown>>;
  /** The body field holding a page's items ('' when the body is the array itself). */
  items?: string;
}

/** The part of a client a resource needs. */
export type ResourceClient = ClientCore;

/** Base class of generated resources: holds the client. */
export class APIResource {
  protected readonly _client: ResourceClient;
  constructor(client: ResourceClient) {
    this._client = client;
  }
}

export function describe(
  spec: OperationSpec,
  positional: PathParamValue | undefined,
  // `object`: generated Params are interfaces, which have no index signature to match a Record.
  params: object | null | undefined,
  /** A body passed as an argument of its own (raw bytes, an array): the whole body. */
  wholeBody?: unknown,
): RequestDescription {
  try {
    return describeCall(spec, positional, params, wholeBody);
  } catch (failure) {
    // Raised by the client as the rejection of the promise the method returns (see `failure`).
    return { method: spec.method, path: spec.path, failure };
  }
}

function describeCall(
  spec: OperationSpec,
  positional: PathParamValue | undefined,
  params: object | null | undefined,
  wholeBody: unknown,
): RequestDescription {
  // An array body alone may come as the params themselves (`validate([...])`).
  const given: Record<string, unknown> =
    Array.isArray(params) && spec.bodyField ? { [spec.bodyField]: params } : { ...(params ?? {}) };
  unnest(given, spec.nested);
  for (const [key, wire] of Object.entries(spec.renames ?? {})) {
    if (given[key] === undefined) continue;
    given[wire] = given[key];
    delete given[key];
  }
  const take = (name: string) => {
    const value = given[name];
    delete given[name];
    return value;
  };
  const pathValues: Record<string, PathParamValue | undefined> = {};
  const pathParams = pathParamNames(spec.path);
  pathParams.forEach((name, i) => {
    pathValues[name] = i === pathParams.length - 1 ? positional : (take(name) as PathParamValue | undefined);
  });
  const query = pick(spec.query, take);
  const picked = pick(spec.headers, take);
  const headers =
    spec.contentType && spec.body === 'binary' ? { ...picked, 'Content-Type': spec.contentType } : picked;
  let body: unknown;
  const wrapped = spec.bodyWrapper !== undefined && given[spec.bodyWrapper] !== undefined;
  if (spec.body)
    body =
      wholeBody !== undefined
        ? wholeBody
        : wrapped
          ? take(spec.bodyWrapper!)
          : spec.bodyField
            ? take(spec.bodyField)
            : given;
  // Keys nothing claimed: no path, query, header or body place would send them.
  const unknown = Object.keys(spec.body && !spec.bodyField && !wrapped ? {} : given).filter(
    (k) => given[k] !== undefined,
  );
  return {
    method: spec.method,
    path: buildPath(spec.path, pathValues),
    query,
    body,
    bodyKind: spec.jsonWithoutFiles && spec.body === 'multipart' && !holdsFile(body) ? 'json' : spec.body,
    headers: headers && stringHeaders(headers),
    server: spec.server,
    responseKind: spec.response ?? 'json',
    idempotencyHeader: spec.idempotencyHeader,
    queryStyles: spec.queryStyles,
    ...(unknown.length ? { unknownParams: unknown } : {}),
  };
}

/**
 * `{ metadata: { assistant_id } }` -> `'metadata.assistant_id'` (the flat key wins when both are
 * given). Members the spec does not name stay under the object, which then goes out as an unknown
 * param (a warning), never dropped in silence.
 */
function unnest(given: Record<string, unknown>, nested: OperationSpec['nested']): void {
  for (const [key, members] of Object.entries(nested ?? {})) {
    const value = given[key];
    if (!isPlainObject(value)) continue;
    const rest: Record<string, unknown> = { ...value };
    for (const [member, wire] of Object.entries(members)) {
      if (rest[member] === undefined) continue;
      if (given[wire] === undefined) given[wire] = rest[member];
      delete rest[member];
    }
    if (Object.keys(rest).length) given[key] = rest;
    else delete given[key];
  }
}

/** A body with a file among its values (or in an array of them): it must go out as multipart. */
function holdsFile(body: unknown): boolean {
  if (!isPlainObject(body)) return isFileSource(body);
  return Object.values(body).some((v) => isFileSource(v) || (Array.isArray(v) && v.some(isFileSource)));
}

function pick(
  names: readonly string[] | undefined,
  take: (name: string) => unknown,
): Record<string, unknown> | undefined {
  if (!names?.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const value = take(name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && value !== null) out[name] = String(value);
  return out;
}
