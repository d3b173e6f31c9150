/**
 * The language-neutral part of a skill: per operation its heading, description, deprecation, endpoint,
 * Required/Optional/Returns lists and example inputs; per product the notes that apply to it.
 * Every language renders the same views, so the six skills of a product cannot drift apart.
 */
import type { Api, Operation, Product, TypeNode } from '../../model/index.ts';
import type { ExampleEnv } from '../../examples/examples.ts';
import { InputError } from '../../errors.ts';
import { leaveOut, STOP, type GuidePolicy } from '../../model/guides.ts';
import {
  bodyFields,
  taskInput,
  type CallInput,
  type OperationSurface,
  type Surface,
} from '../../surface/index.ts';
import { collapse } from './escape.ts';
import { returnFields, typeLabel, type FieldLabel } from './labels.ts';
import { namedPath, resultPath, type ResultPath } from './results.ts';

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
  surface: OperationSurface;
  /** Where the result lives, which the example prints. */
  result: ResultPath;
}

/** A core task (specs/products.yml `tasks:`): its complete call, with where it is documented. */
export interface TaskView {
  title: string;
  note: string | null;
  endpoint: string;
  op: Operation;
  input: CallInput;
  result: ResultPath;
  /** The heading of the operation's section in this product's reference; null in another product. */
  heading: string | null;
}

export interface ProductNotes {
  pagination: boolean;
  /** Page parameters of the product's list operations, for the curl note. */
  pageParams: string[];
  pageExample: string;
  e164: boolean;
}

// Anchored at the start of a run, so a long run of stops mid-text is not retried from each of its characters.
const TRAILING_STOPS = /(?<![.!\s])[.!\s]+$/;
const same = (a: string, b: string) =>
  collapse(a).toLowerCase().replace(TRAILING_STOPS, '') ===
  collapse(b).toLowerCase().replace(TRAILING_STOPS, '');

export function operationViews(
  api: Api,
  surface: Surface,
  keys: string[],
  resolve: (n: TypeNode) => TypeNode,
): OperationView[] {
  const byKey = new Map(api.operations.map((op) => [op.key, op]));
  const ops = keys.map((k) => byKey.get(k)!);
  const summaries = ops.map((op) => collapse(op.summary ?? '').toLowerCase());
  return ops.map((op, i) => {
    const surfaced = surface.get(op.key)!;
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
      required: surfaced.required,
      optional: surfaced.optional.map((f) => ({
        name: f.name,
        type: typeLabel(f.type, resolve),
        deprecated: f.deprecated,
      })),
      returns: returnFields(op, resolve),
      returnsMedia: surfaced.result.media ?? null,
      input: surfaced.example,
      surface: surfaced,
      result: resultPath(op, resolve),
    };
  });
}

/** The product's core tasks as calls: the operation's example plus what the config fills. */
export function taskViews(
  api: Api,
  surface: Surface,
  product: Product,
  views: OperationView[],
  env: ExampleEnv,
  policy: GuidePolicy = STOP,
): TaskView[] {
  const byKey = new Map(api.operations.map((op) => [op.key, op]));
  return (product.tasks ?? []).flatMap((task) => {
    const op = byKey.get(task.operation)!;
    let input: CallInput;
    try {
      input = taskInput(op, surface.get(op.key)!, task, env);
    } catch (error) {
      // A value the schema refuses (an enum value another spec version lacks).
      if (!(error instanceof InputError)) throw error;
      leaveOut(error, policy);
      return [];
    }
    return [
      {
        heading: views.find((v) => v.op.key === op.key)?.heading ?? null,
        title: task.title,
        note: task.note ?? null,
        endpoint: op.key,
        op,
        input,
        result: task.result ? namedPath(op, task.result, env.resolve) : resultPath(op, env.resolve),
      },
    ];
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
  const paged = views
    .filter((v) => v.surface.result.shape === 'list')
    .map((v) => v.op.pagination!)
    .sort((a, b) => a.style.localeCompare(b.style));
  const pageParams = [...new Set(paged.flatMap((p) => p.params))];
  return {
    pagination: paged.length > 0,
    pageParams,
    pageExample: `${pageParams[0] ?? 'page'}=2`,
    e164: views.some((v) => takesPhoneNumbers(v, resolve)),
  };
}

/** Per the spec: an input whose format is E.164, or whose description says it is one. */
function takesPhoneNumbers(view: OperationView, resolve: (n: TypeNode) => TypeNode): boolean {
  const isPhone = (type: TypeNode, description?: string) => {
    const node = resolve(type);
    const format = 'format' in node ? node.format : undefined;
    return (
      /^\+?e\.?164$/i.test(format ?? '') ||
      /\bE\.?164\b/i.test(description ?? type.description ?? node.description ?? '')
    );
  };
  return (
    view.op.params.some((p) => isPhone(p.type, p.description)) ||
    bodyFields(view.surface.body, resolve).some((p) => isPhone(p.type))
  );
}
