/**
 * What a product's skills say before the reference (specs/products.yml, beside each product's tags):
 * `caveats` (short facts an agent must know), `tasks` (the 2-5 calls the product is used for, with the
 * optional fields a real call fills and values where generated ones would not do) and `events` (the
 * payload fields a webhook handler of the product reads). Read with the products and checked against
 * the spec here, so a renamed operation or field fails the run at its line in the config.
 */
import { InputError, type LintFinding } from '../errors.ts';
import { isPlainObject } from '../util/objects.ts';
import type { CoreTask, EventFocus, Operation, TypeNode, WebhookEvent } from './types.ts';

type Resolve = (n: TypeNode) => TypeNode;
type Locate = (path: (string | number)[]) => string;

/** A product's guide as written in the config, before it is checked against the spec. */
export interface GuideConfig {
  caveats: string[];
  tasks: CoreTask[];
  events: EventFocus[];
}

/** Reads `caveats`, `tasks` and `events` of one product entry; shapes only (the spec comes later). */
export function readGuide(slug: string, entry: Record<string, unknown>, locate: Locate): GuideConfig {
  const at = (...path: (string | number)[]) => ['products', slug, ...path];
  const fail = (path: (string | number)[], message: string, fix: string): never => {
    throw new InputError(message, locate(path), fix);
  };
  const list = (key: string): unknown[] => {
    const value = entry[key] ?? [];
    return Array.isArray(value)
      ? value
      : fail(at(key), `${key} of "${slug}" must be a list`, `write ${key}: as a list`);
  };
  const caveats = list('caveats').map((c, i) =>
    typeof c === 'string' && c.trim()
      ? c.trim()
      : fail(at('caveats', i), 'a caveat must be a sentence', 'write it as text'),
  );
  const tasks = list('tasks').map((t, i): CoreTask => {
    const task = isPlainObject(t) ? t : {};
    if (typeof task.title !== 'string' || typeof task.operation !== 'string')
      fail(
        at('tasks', i),
        `task ${i + 1} of "${slug}" needs a title and an operation`,
        'add `title:` and `operation: METHOD /path`',
      );
    const fields = task.fields ?? [];
    if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string'))
      fail(at('tasks', i, 'fields'), 'fields must be a list of input names', 'write fields: [name, ...]');
    const values = task.values ?? {};
    if (!isPlainObject(values))
      fail(at('tasks', i, 'values'), 'values must be a mapping', 'write values: as name: value lines');
    return {
      title: String(task.title).trim(),
      ...(typeof task.note === 'string' && task.note.trim() ? { note: task.note.trim() } : {}),
      operation: String(task.operation).trim(),
      fields: fields as string[],
      ...(typeof task.result === 'string' ? { result: task.result } : {}),
      values: Object.entries(values as Record<string, unknown>).map(([name, value]) => ({
        name,
        value,
        where: locate(at('tasks', i, 'values', name)),
      })),
      where: locate(at('tasks', i)),
    };
  });
  const eventsEntry = entry.events ?? {};
  if (!isPlainObject(eventsEntry))
    fail(
      at('events'),
      `events of "${slug}" must be a mapping`,
      'write events: as "event.type: [field, ...]" lines',
    );
  const events = Object.entries(eventsEntry as Record<string, unknown>).map(
    ([eventType, fields]): EventFocus => {
      if (!Array.isArray(fields) || fields.length === 0 || fields.some((f) => typeof f !== 'string'))
        fail(
          at('events', eventType),
          `the fields of event "${eventType}" must be a list of payload paths`,
          'write [data.payload.field, ...]',
        );
      return { eventType, fields: fields as string[], where: locate(at('events', eventType)) };
    },
  );
  return { caveats, tasks, events };
}

/** What to do with a guide entry the spec contradicts: stop (`--strict`), or say so and leave it out. */
export interface GuidePolicy {
  strict: boolean;
  warn: (finding: LintFinding) => void;
}

export const STOP: GuidePolicy = { strict: true, warn: () => {} };

/** A guide entry the spec contradicts: thrown with `strict`, else reported; false (leave it out). */
export function leaveOut(problem: InputError, policy: GuidePolicy): false {
  if (policy.strict) throw problem;
  policy.warn({
    rule: 'stale-skill-guide',
    message: `${problem.message}; left out of the skills (${problem.fix})`,
    pointer: '',
    where: problem.where ?? '',
  });
  return false;
}

/**
 * Checks a product's guide against the spec: each task names a public operation and only inputs it
 * has; each event is one the spec's webhooks declare, and each field a path of its payload. An entry
 * the spec contradicts is an error with `strict`; otherwise a warning, and the entry is left out, so
 * that an older or newer spec still generates with this config.
 */
export function checkGuide(
  guide: GuideConfig,
  operations: ReadonlyMap<string, Operation>,
  webhooks: WebhookEvent[],
  resolve: Resolve,
  policy: GuidePolicy = STOP,
): GuideConfig {
  const keep = (problem: InputError | undefined) => !problem || leaveOut(problem, policy);
  return {
    caveats: guide.caveats,
    tasks: guide.tasks.filter((task) => keep(taskProblem(task, operations, resolve))),
    events: guide.events.filter((focus) => keep(eventProblem(focus, webhooks, resolve))),
  };
}

function taskProblem(
  task: CoreTask,
  operations: ReadonlyMap<string, Operation>,
  resolve: Resolve,
): InputError | undefined {
  const op = operations.get(task.operation);
  if (!op || op.hidden)
    return new InputError(
      `task "${task.title}" names ${task.operation}, which is not a public operation of the spec`,
      task.where,
      'write the operation as "METHOD /path" exactly as the spec has it',
    );
  const response = op.response.kind === 'json' ? op.response.type : undefined;
  if (task.result && !(response && payloadPath(response, task.result, resolve)))
    return new InputError(
      `task "${task.title}" prints "${task.result}", which the response of ${task.operation} does not have`,
      task.where,
      'write result: as a dotted path of the response (data.id)',
    );
  const missing = [...task.fields, ...task.values.map((v) => v.name)].find(
    (name) => !inputType(op, name, resolve),
  );
  if (missing)
    return new InputError(
      `task "${task.title}" fills "${missing}", which ${task.operation} does not take`,
      task.values.find((v) => v.name === missing)?.where ?? task.where,
      `use one of its inputs: ${inputNames(op, resolve).join(', ')}`,
    );
  return undefined;
}

function eventProblem(focus: EventFocus, webhooks: WebhookEvent[], resolve: Resolve): InputError | undefined {
  const event = webhooks.find((w) => (w.eventTypes ?? [w.eventType ?? w.name]).includes(focus.eventType));
  if (!event)
    return new InputError(
      `event "${focus.eventType}" is not declared by the spec's webhooks`,
      focus.where,
      'use an event type from the spec (data.event_type), or the webhook name for events without one',
    );
  const missing = focus.fields.find((field) => !payloadPath(event.payload, field, resolve));
  if (missing)
    return new InputError(
      `event "${focus.eventType}" has no payload field "${missing}"`,
      focus.where,
      'write the dotted path from the payload root, with [] after an array (data.payload.to[].status)',
    );
  return undefined;
}

/** The schema of an operation's input by wire name: a parameter, else a top-level body field. */
export function inputType(op: Operation, name: string, resolve: Resolve): TypeNode | undefined {
  const param = op.params.find((p) => p.name === name && p.in !== 'cookie');
  if (param) return param.type;
  return bodyProperties(op, resolve).find((p) => p.name === name)?.type;
}

function inputNames(op: Operation, resolve: Resolve): string[] {
  return [
    ...op.params.filter((p) => p.in !== 'cookie').map((p) => p.name),
    ...bodyProperties(op, resolve).map((p) => p.name),
  ];
}

/** Writable top-level fields of the documented body, across the variants of a union of objects. */
function bodyProperties(op: Operation, resolve: Resolve) {
  const content = op.body?.contents[0];
  if (!content) return [];
  const body = resolve(content.type);
  const objects = body.kind === 'union' ? body.variants.map(resolve) : [body];
  return objects.flatMap((o) => (o.kind === 'object' ? o.properties.filter((p) => !p.readOnly) : []));
}

/** The schema at a dotted payload path (`data.payload.to[].status`), or undefined when it has none. */
export function payloadPath(payload: TypeNode, path: string, resolve: Resolve): TypeNode | undefined {
  let node: TypeNode | undefined = payload;
  for (const segment of path.split('.')) {
    const [name, ...arrays] = segment.split('[]');
    const object: TypeNode | undefined = node && resolve(node);
    node = object?.kind === 'object' ? object.properties.find((p) => p.name === name)?.type : undefined;
    for (let i = 0; i < arrays.length && node; i++) {
      const array: TypeNode = resolve(node);
      node = array.kind === 'array' ? array.items : undefined;
    }
    if (!node) return undefined;
  }
  return node;
}
