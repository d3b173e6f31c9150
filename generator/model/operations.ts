/**
 * Path item + method -> model Operation (without names and product, which later steps assign).
 */
import { isPlainObject } from '../util/objects.ts';
import { pointerOf } from '../errors.ts';
import { getAt } from '../load/refs.ts';
import { convertSchema, type SchemaContext } from './schemas.ts';
import { detectPagination } from './pagination.ts';
import { styleByConvention, toParameter } from './parameters.ts';
import type {
  BodyContent,
  BodyKind,
  ErrorResponse,
  HttpMethod,
  Operation,
  Parameter,
  RequestBody,
  ResponseKind,
  SuccessResponse,
  TypeNode,
} from './types.ts';

export type OperationDraft = Omit<Operation, 'product' | 'names'>;

const deref = (spec: any, node: any): any => {
  for (let i = 0; i < 20 && isPlainObject(node) && typeof node.$ref === 'string'; i++)
    node = getAt(spec, node.$ref.slice(1));
  return node;
};

export function buildOperation(
  ctx: SchemaContext,
  path: string,
  method: HttpMethod,
  defaultServer: string,
  resolve: (n: TypeNode) => TypeNode,
): OperationDraft {
  const spec = ctx.spec;
  const item = spec.paths[path];
  const op = item[method];
  const pointer = pointerOf(['paths', path, method]);
  const params = buildParams(ctx, path, item, op, pointer, resolve);
  const response = successResponse(ctx, op, pointer);
  const server = (op.servers ?? item.servers)?.[0]?.url;
  const draft: OperationDraft = {
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    pointer,
    deprecated: op.deprecated === true,
    hidden: op['x-hidden'] === true,
    tags: Array.isArray(op.tags) ? [...op.tags] : [],
    params,
    response,
    errors: errorResponses(ctx, op, pointer),
  };
  if (typeof op.operationId === 'string') draft.operationId = op.operationId;
  if (server && server !== defaultServer) draft.server = server;
  if (typeof op.summary === 'string') draft.summary = op.summary;
  if (typeof op.description === 'string') draft.description = op.description;
  const body = requestBody(ctx, op, pointer, resolve);
  if (body) draft.body = body;
  const pagination = detectPagination(
    method,
    params,
    response.kind === 'json' ? response.type : undefined,
    resolve,
  );
  if (pagination) draft.pagination = pagination;
  const idempotency = params.find((p) => p.in === 'header' && /^idempotency-key$/i.test(p.name));
  if (idempotency) draft.idempotencyHeader = idempotency.name;
  if (isPlainObject(op.responses) && '101' in op.responses) draft.websocket = true;
  return draft;
}

function buildParams(
  ctx: SchemaContext,
  path: string,
  item: any,
  op: any,
  pointer: string,
  resolve: (n: TypeNode) => TypeNode,
): Parameter[] {
  const merged = new Map<string, { raw: any; at: string }>();
  const add = (list: unknown, at: string) =>
    (Array.isArray(list) ? list : []).forEach((p, i) => {
      const raw = deref(ctx.spec, p);
      merged.set(`${raw.in} ${raw.name}`, { raw, at: `${at}/${i}` });
    });
  add(item.parameters, pointerOf(['paths', path, 'parameters']));
  add(op.parameters, `${pointer}/parameters`); // operation-level wins over path-level
  const order = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const rank = (p: Parameter) => (p.in === 'path' ? order.indexOf(p.name) : 1000);
  return (
    [...merged.values()]
      // A path parameter the path does not use has nowhere to go (lint: unused-path-parameter).
      .filter(({ raw }) => raw.in !== 'path' || order.includes(raw.name))
      .map(({ raw, at }) => {
        const param = toParameter(ctx, raw, at, resolve);
        const type = resolve(param.type);
        if (styleByConvention(raw, param) && type.kind === 'object' && type.properties.length > 0)
          ctx.notes.push({
            rule: 'object-query-parameter-style',
            pointer,
            message: `object query parameter "${param.name}" has no \`style: deepObject\`; the SDK sends it as ${param.name}[${type.properties[0].name}]=... (the Telnyx convention), as the API reads it`,
          });
        return param;
      })
      .sort((a, b) => rank(a) - rank(b) || a.in.localeCompare(b.in) || a.name.localeCompare(b.name))
  );
}

const BODY_ORDER: BodyKind[] = ['json', 'multipart', 'form', 'binary'];

function bodyKind(mediaType: string): BodyKind {
  if (/json/i.test(mediaType)) return 'json';
  if (/^multipart\//i.test(mediaType)) return 'multipart';
  if (/x-www-form-urlencoded/i.test(mediaType)) return 'form';
  return 'binary';
}

function requestBody(
  ctx: SchemaContext,
  op: any,
  pointer: string,
  resolve: (n: TypeNode) => TypeNode,
): RequestBody | undefined {
  const raw = deref(ctx.spec, op.requestBody);
  if (!isPlainObject(raw) || !isPlainObject(raw.content)) return undefined;
  const contents: BodyContent[] = Object.entries<any>(raw.content).map(([mediaType, media]) => {
    const type = convertSchema(ctx, media?.schema, {
      pointer: `${pointer}/requestBody/content${pointerOf([mediaType])}/schema`,
    });
    const resolved = resolve(type);
    // `*/*` with an object schema is a JSON body in practice; with no schema it is raw bytes.
    const kind = mediaType === '*/*' ? (resolved.kind === 'object' ? 'json' : 'binary') : bodyKind(mediaType);
    const requiredFields =
      resolved.kind === 'object' ? resolved.properties.filter((p) => p.required).map((p) => p.name) : [];
    return { kind, mediaType, type, requiredFields };
  });
  contents.sort(
    (a, b) =>
      BODY_ORDER.indexOf(a.kind) - BODY_ORDER.indexOf(b.kind) || a.mediaType.localeCompare(b.mediaType),
  );
  const body: RequestBody = { required: raw.required === true, contents };
  if (typeof raw.description === 'string') body.description = raw.description;
  return body;
}

function responseKind(mediaType: string): ResponseKind {
  if (/json/i.test(mediaType)) return 'json';
  if (/^text\/event-stream/i.test(mediaType)) return 'sse';
  if (/^text\/csv/i.test(mediaType)) return 'csv';
  if (/^text\//i.test(mediaType)) return 'text';
  return 'binary';
}

const KIND_PREFERENCE: ResponseKind[] = ['json', 'sse', 'text', 'csv', 'binary'];

function successResponse(ctx: SchemaContext, op: any, pointer: string): SuccessResponse {
  const statuses = Object.keys(op.responses)
    .filter((s) => /^2/.test(s))
    .sort();
  const status = statuses[0];
  if (!status) return { status: 'default', kind: 'none' };
  const raw = deref(ctx.spec, op.responses[status]);
  const content = isPlainObject(raw?.content) ? Object.entries<any>(raw.content) : [];
  if (content.length === 0 || status === '204') return { status, kind: 'none' };
  const [mediaType, media] = content
    .map(([mt, m]) => [mt, m] as const)
    .sort(
      (a, b) => KIND_PREFERENCE.indexOf(responseKind(a[0])) - KIND_PREFERENCE.indexOf(responseKind(b[0])),
    )[0];
  const kind = responseKind(mediaType);
  const response: SuccessResponse = { status, kind, mediaType };
  if (kind === 'json' || kind === 'sse') {
    response.type = convertSchema(ctx, media?.schema, { pointer: `${pointer}/responses/${status}` });
  }
  return response;
}

function errorResponses(ctx: SchemaContext, op: any, pointer: string): ErrorResponse[] {
  return Object.keys(op.responses)
    .filter((s) => !/^2/.test(s))
    .sort()
    .map((status) => {
      const raw = deref(ctx.spec, op.responses[status]);
      const schema = raw?.content?.['application/json']?.schema;
      return schema
        ? { status, type: convertSchema(ctx, schema, { pointer: `${pointer}/responses/${status}` }) }
        : { status };
    });
}
