/**
 * The language-neutral part of a skill: per operation its heading, description, deprecation, endpoint,
 * Required/Optional/Returns lists and example inputs; per product the notes that apply to it.
 * Every language renders the same views, so the six skills of a product cannot drift apart.
 */
import type { Api, Operation, PaginationStyle, TypeNode } from '../../model/index.ts';
import { collapse } from './escape.ts';
import type { ExampleEnv } from '../examples/examples.ts';
import {
  bodyProperties,
  callInput,
  optionalFields,
  requiredNames,
  type CallInput,
} from '../examples/inputs.ts';
import { returnFields, typeLabel, type FieldLabel } from './labels.ts';

export interface OperationView {
  op: Operation;
  heading: string;
  description: string | null;
  deprecated: boolean;
  /** `METHOD /path` of the replacement, when the description names an existing operation. */
  replacement: string | null;
  endpoint: string;
  /** The operation's own server, when it is not the API's (`/.well-known/*`). */
  server: string | null;
  required: string[];
  optional: { name: string; type: string; deprecated: boolean }[];
  returns: FieldLabel[];
  /** Media type of a file or text result (`Returns:` names it instead of fields). */
  returnsMedia: string | null;
  input: CallInput;
}

export interface ProductNotes {
  pagination: boolean;
  /** Page parameters of the product's list operations, for the curl note. */
  pageParams: string[];
  pageExample: string;
  e164: boolean;
}

const PAGE_PARAMS: Record<PaginationStyle, string[]> = {
  'page-number': ['page[number]', 'page[size]'],
  'page-cursor-brackets': ['page[after]', 'page[before]', 'page[size]'],
  records: ['page', 'recordsPerPage'],
  texml: ['Page', 'PageSize', 'PageToken'],
  'page-cursor': ['page_cursor', 'page_size'],
  'page-per-page': ['page', 'per_page'],
  'cursor-limit': ['cursor', 'limit'],
  'page-page-size': ['page', 'page_size'],
  'page-number-size': ['page_number', 'page_size'],
};

const same = (a: string, b: string) =>
  collapse(a)
    .toLowerCase()
    .replace(/[.!\s]+$/, '') ===
  collapse(b)
    .toLowerCase()
    .replace(/[.!\s]+$/, '');

export function operationViews(api: Api, keys: string[], env: ExampleEnv): OperationView[] {
  const byKey = new Map(api.operations.map((op) => [op.key, op]));
  const ops = keys.map((k) => byKey.get(k)!);
  const summaries = ops.map((op) => collapse(op.summary ?? '').toLowerCase());
  return ops.map((op, i) => {
    const endpoint = `${op.method.toUpperCase()} ${op.path}`;
    const summary = collapse(op.summary ?? '');
    // Two operations of one skill with one summary get their endpoint in the heading.
    const shared = summary && summaries.filter((s) => s === summaries[i]).length > 1;
    const heading = !summary ? endpoint : shared ? `${summary} (${endpoint})` : summary;
    const description =
      op.description && collapse(op.description) && !same(op.description, summary) ? op.description : null;
    return {
      op,
      heading,
      description,
      deprecated: op.deprecated,
      replacement: op.deprecated ? replacementOf(op, byKey) : null,
      endpoint,
      server: op.server ?? null,
      required: requiredNames(op, env.resolve),
      optional: optionalFields(op, env.resolve).map((f) => ({
        name: f.name,
        type: typeLabel(f.type, env.resolve),
        deprecated: f.deprecated,
      })),
      returns: returnFields(op, env.resolve),
      returnsMedia:
        op.response.kind === 'binary' || op.response.kind === 'text' || op.response.kind === 'csv'
          ? (op.response.mediaType ?? null)
          : null,
      input: callInput(op, env),
    };
  });
}

/** "Use `POST /v2/ai/openai/chat/completions` instead": an endpoint the description names and the spec has. */
function replacementOf(op: Operation, byKey: Map<string, Operation>): string | null {
  for (const m of (op.description ?? '').matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[^\s`'")]+)/g)) {
    for (const path of [m[2], m[2].replace(/^\/v2(?=\/)/, '')]) {
      const found = byKey.get(`${m[1]} ${path}`);
      if (found && found.key !== op.key && !found.deprecated && !found.hidden) return found.key;
    }
  }
  return null;
}

export function productNotes(views: OperationView[], resolve: (n: TypeNode) => TypeNode): ProductNotes {
  const styles = [
    ...new Set(views.filter((v) => v.input.result === 'list').map((v) => v.op.pagination!.style)),
  ].sort();
  const pageParams = [...new Set(styles.flatMap((s) => PAGE_PARAMS[s]))];
  return {
    pagination: styles.length > 0,
    pageParams,
    pageExample: `${pageParams[0] ?? 'page'}=2`,
    e164: views.some((v) => takesPhoneNumbers(v.op, resolve)),
  };
}

/** Per the spec: an input whose format is E.164, or whose description says it is one. */
function takesPhoneNumbers(op: Operation, resolve: (n: TypeNode) => TypeNode): boolean {
  const isPhone = (type: TypeNode, description?: string) => {
    const node = resolve(type);
    const format = 'format' in node ? node.format : undefined;
    return (
      /^\+?e\.?164$/i.test(format ?? '') ||
      /\bE\.?164\b/i.test(description ?? type.description ?? node.description ?? '')
    );
  };
  return (
    op.params.some((p) => isPhone(p.type, p.description)) ||
    (bodyProperties(op, resolve) ?? []).some((p) => !p.readOnly && isPhone(p.type))
  );
}
