/**
 * The intermediate model: the contract between the model stage and every emitter.
 * Plain data only (JSON-serialisable), sorted by stable keys. Emitters read this, never raw OpenAPI.
 * The schema nodes (TypeNode and its kinds, NamedType) are in type-nodes.ts and exported from here.
 */
import type { NamedType, TypeNode } from './type-nodes.ts';

export type * from './type-nodes.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

/**
 * How a parameter goes on the wire, resolved once (model/parameters.ts) from OpenAPI's style/explode
 * and the Telnyx convention that an object query parameter is a deep object. Closed: the runtime
 * layout, curl, the docs' Optional lists and pagination detection all switch over these.
 */
export type ParamStyle =
  | 'simple' // path and header: the value as text
  | 'form' // query `name=a&name=b` (OpenAPI form, explode)
  | 'form-comma' // query `name=a,b` (form, explode: false)
  | 'space-delimited' // query `name=a%20b`
  | 'pipe-delimited' // query `name=a|b`
  | 'deep-object'; // query `name[key]=v`, nested `name[a][b]=v`, arrays inside `name[a][]=v`

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  type: TypeNode;
  description?: string;
  deprecated: boolean;
  style: ParamStyle;
  /** The spec's `example`, else the first entry of its `examples` map. */
  example?: unknown;
}

export type BodyKind = 'json' | 'multipart' | 'form' | 'binary';

export interface BodyContent {
  kind: BodyKind;
  mediaType: string;
  type: TypeNode;
  /** Required top-level fields of an object body. */
  requiredFields: string[];
}

export interface RequestBody {
  required: boolean;
  description?: string;
  /** One entry per content type, sorted json, multipart, form, binary. */
  contents: BodyContent[];
}

export type ResponseKind = 'json' | 'binary' | 'text' | 'csv' | 'sse' | 'none';

export interface SuccessResponse {
  status: string;
  kind: ResponseKind;
  mediaType?: string;
  type?: TypeNode;
}

export interface ErrorResponse {
  status: string;
  type?: TypeNode;
}

/** Paging styles found in the Telnyx spec (docs/RUNTIME.md), detected from parameters and response. */
export type PaginationStyle =
  | 'page-number' // page[number] / page[size], meta.total_pages
  | 'page-cursor-brackets' // page[after] / page[before], meta.cursor
  | 'records' // page / recordsPerPage, records / totalRecords (10DLC)
  | 'texml' // Page / PageSize / PageToken, next_page_uri
  | 'page-cursor' // page_cursor / page_size
  | 'page-per-page' // page / per_page
  | 'cursor-limit' // cursor / limit, meta.cursor
  | 'offset-limit' // offset / limit, meta.total
  | 'page-page-size' // page / page_size
  | 'page-number-size'; // page_number / page_size

/** How a list operation pages, as data (model/pagination.ts holds one row per style). */
export interface Pagination {
  style: PaginationStyle;
  /** The runtime's page class (templates/typescript/runtime/page-styles.ts). */
  pageClass: string;
  /** Query keys a caller pages with, as they go on the wire (`page[number]`, `page[size]`). */
  params: string[];
  /** Where the next page comes from: a response path (`meta.cursors.after`) or a page count. */
  next: string;
  /** Items are iterated across pages (`for await`); false where pages are documents (TeXML). */
  autoPaging: boolean;
  /** Response field holding the items (`data`, `records`, ...); '' when the body is the array. */
  itemsField: string;
  itemType: TypeNode;
}

/** Accessors of one operation per language, e.g. ts `calls.actions.answer`, python `calls.actions.answer`. */
export interface OperationNames {
  /** TS resource chain (camelCase segments), e.g. ["messaging10dlc", "brand"]. */
  resource: string[];
  /** TS method name, e.g. "retrieveFeedback". */
  method: string;
  ts: string;
  python: string;
  ruby: string;
  go: string;
  java: string;
  /** Where the TS name came from: the previous release's api.md, config override, or the rules. */
  source: 'lock' | 'override' | 'rules';
  /**
   * Whether the locked release's method returns a page or one model, where its api.md tells
   * (naming/lock.ts `paged`); the skills' examples iterate a list only where that SDK pages it.
   */
  lockedPaged?: boolean;
  /**
   * More TS methods of the same resource bound to this operation, which the names lock keeps: a
   * second name (`preview0`), or a variant that sends the given body kind (`upload`, multipart).
   */
  aliases?: { method: string; bodyKind?: BodyKind }[];
}

export interface Operation {
  /** `METHOD /path`: the stable key. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  /** JSON pointer of the operation in the spec. */
  pointer: string;
  /** Server URL when the operation has its own (e.g. https://api.telnyx.com for /.well-known). */
  server?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** `x-hidden: true`: not part of the public surface. */
  hidden: boolean;
  tags: string[];
  /** Product slug (exactly one). */
  product: string;
  /** Path, query, header and cookie parameters, path ones in template order, then by name. */
  params: Parameter[];
  body?: RequestBody;
  response: SuccessResponse;
  errors: ErrorResponse[];
  pagination?: Pagination;
  /** Name of the idempotency header when the operation declares one. */
  idempotencyHeader?: string;
  /** A WebSocket: the spec answers `101 Switching Protocols`, so an HTTP client cannot call it. */
  websocket?: boolean;
  names: OperationNames;
}

/** A node of the resources tree (TS chain segments), with the operations that live directly in it. */
export interface Resource {
  /** Accessor segment, e.g. `actions`. */
  name: string;
  /** Full chain, e.g. ["calls", "actions"]. */
  chain: string[];
  /** Keys of operations on this resource, in method-name order. */
  operations: string[];
  children: Resource[];
}

export interface WebhookEvent {
  /** The key in the spec's `webhooks` map. */
  name: string;
  /** The operationId of its operation, when it has one. */
  operationId?: string;
  /**
   * The name its type is exported under (`CallInitiatedWebhookEvent`, naming/webhooks.ts): the
   * package's `resources/webhooks` module and `Telnyx.<Name>`, as the official SDK names it.
   */
  typeName: string;
  /** The named schema its `data` holds, and the name it is exported under beside the event. */
  data?: { model: string; typeName: string };
  /** The event type value (`data.event_type` enum), when the payload declares it. */
  eventType?: string;
  /** Every value of that enum: one payload may carry several events (`message.sent`, `message.finalized`). */
  eventTypes?: string[];
  /** Where the event type is in the payload (`data.event_type` or `event_type`). */
  eventTypeAt?: string;
  summary?: string;
  description?: string;
  payload: TypeNode;
  /** Product slug when the event's operation tags map to one. */
  product?: string;
}

export interface Product {
  slug: string;
  title: string;
  description: string;
  /** Operation keys, sorted by path then method. */
  operations: string[];
  /** Short facts an agent needs before calling this product (config, shown near the top of a skill). */
  caveats?: string[];
  /** The calls the product is used for, shown first in its skills (config, checked against the spec). */
  tasks?: CoreTask[];
  /** Payload fields a webhook handler of this product reads, per event type (config). */
  events?: EventFocus[];
}

/** One core task of a product (specs/products.yml `tasks:`): a complete call. */
export interface CoreTask {
  title: string;
  /** A sentence on when to use it or what to do with the result. */
  note?: string;
  /** The operation, `METHOD /path`. */
  operation: string;
  /** Optional inputs filled with their generated example values, by wire name, in call order. */
  fields: string[];
  /** Inputs with the value the config gives (plain JSON), by wire name, in call order. */
  values: { name: string; value: unknown; where: string }[];
  /** The response field the example prints, as a dotted path (`data.call_control_id`); default `data.id`. */
  result?: string;
  /** `file:line:col` of the task in the config, for errors found later. */
  where: string;
}

/** The payload fields a handler of one event reads (dotted paths, `[]` after arrays). */
export interface EventFocus {
  eventType: string;
  fields: string[];
  where: string;
}

export interface LintSummary {
  rule: string;
  message: string;
  pointer: string;
  where: string;
}

export interface Api {
  title: string;
  version: string;
  specSha256: string;
  /** Default server URL. */
  server: string;
  /** Every operation, hidden ones included (flagged), sorted by path then method. */
  operations: Operation[];
  resources: Resource[];
  /** Named types, sorted by name. */
  types: NamedType[];
  webhooks: WebhookEvent[];
  products: Product[];
}
