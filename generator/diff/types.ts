/**
 * The change report's contract: what changed between two models of the API, as an SDK user sees it,
 * each change classed breaking or not and tied to the accessor it affects. Plain data (the JSON form
 * of `npm run diff` is this), sorted so that a report is byte-identical run to run.
 */
import type { Api, TypeNode } from '../model/index.ts';
import type { Surface } from '../surface/index.ts';

/**
 * Which way values flow through a type: `request` values are written by the SDK user (a change breaks
 * when the new type accepts less), `response` values are read by them (a change breaks when the new
 * type may hold something the old one did not promise). Webhook payloads are read: `response`.
 */
export type Direction = 'request' | 'response';

/** One side of the comparison: the model, its SDK surface, and the TS names of its model types. */
export interface ModelSide {
  /** Display name of the spec, for the report. */
  file: string;
  api: Api;
  surface: Surface;
  resolve: (node: TypeNode) => TypeNode;
  /** Model type name -> TS type name (Names.types; dotted for a type nested in its owner). */
  typeNames: ReadonlyMap<string, string>;
}

/** The accessor webhook changes affect: `client.webhooks`, whose `unwrap` returns the typed event. */
export const WEBHOOKS_ACCESSOR = 'client.webhooks';

export type ChangeKind =
  // operations, keyed by `METHOD /path` (public ones only)
  | 'operation-added'
  | 'operation-removed'
  | 'operation-deprecated'
  | 'operation-undeprecated'
  /** Same method and path, another TS accessor (or an alias the names lock kept is gone). */
  | 'operation-renamed'
  /** The method's arguments: the params argument became required or optional, or went away. */
  | 'signature-changed'
  /** A member of the params object (path, query, header or top-level body field). */
  | 'param-added'
  | 'param-removed'
  | 'param-required'
  | 'param-optional'
  | 'param-deprecated'
  /** How the body goes in: its fields as members, one object variant at a time, or whole as `body`. */
  | 'body-changed'
  /** A field below a param, in a response, or in a webhook payload (`path` says where). */
  | 'field-added'
  | 'field-removed'
  | 'field-required'
  | 'field-optional'
  /** A type at `path` (a param itself, or a field) changed. */
  | 'type-changed'
  | 'format-changed'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'nullable-added'
  | 'nullable-removed'
  | 'variant-added'
  | 'variant-removed'
  /** The success response's kind (json, binary, text, none, ...). */
  | 'response-changed'
  | 'pagination-added'
  | 'pagination-removed'
  | 'pagination-changed'
  | 'webhook-added'
  | 'webhook-removed'
  /** An exported model type (a top-level name of `models.ts`, `Models.X`). */
  | 'type-added'
  | 'type-removed'
  /**
   * A resource's module moved (`resources/a.ts` -> `resources/a/a.ts` when it gains its first
   * sub-resource): its params and response types are deep-imported from that path.
   */
  | 'module-moved';

/** The CHANGELOG section a change goes in. */
export type Section = 'breaking' | 'added' | 'deprecated' | 'changed';

export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  section: Section;
  /**
   * What an SDK user touches: the TS accessor (`client.calls.dial`), `client.webhooks` for
   * webhook events, `Models.X` for an exported model type, or the resource chain for a moved module.
   */
  accessor: string;
  /** `METHOD /path` for operation changes; the event type for webhook changes. */
  subject?: string;
  /**
   * Where inside the operation: a param name, `body`, `response`, with the field path below it
   * (`response.data.status`, `filter.status`, `body[].id`); absent for whole-operation changes.
   */
  path?: string;
  /** One line, for people. */
  detail: string;
}

export type Bump = 'major' | 'minor' | 'patch';

export interface DiffReport {
  /** Display names of the two specs. */
  from: string;
  to: string;
  /** `## <title>` of the CHANGELOG section: the new spec's date or version. */
  title: string;
  /** Public operations on each side. */
  operations: { from: number; to: number };
  changes: Change[];
  /** Number of changes per kind, kinds sorted. */
  counts: Partial<Record<ChangeKind, number>>;
  bump: Bump;
}
