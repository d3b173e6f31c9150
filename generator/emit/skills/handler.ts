/**
 * The webhook handler of a product's skills, language-neutral: which events it branches on (by their
 * event type, where the payload carries one), and per branch the payload fields it reads (the
 * config's `events:`, specs/products.yml), grouped so that fields of one array are read in one loop.
 * render/handlers.ts spells it per language; the templates (<language>/webhook.hbs) frame it.
 */
import { leaveOut, payloadPath, STOP, type GuidePolicy } from '../../model/guides.ts';
import type { Product, TypeNode, WebhookEvent } from '../../model/index.ts';
import { InputError } from '../../errors.ts';

type Resolve = (n: TypeNode) => TypeNode;

export type Scalar = 'string' | 'integer' | 'number' | 'boolean' | 'any';

/** A value at a path, with the kind of value the schema declares there. */
export interface Field {
  path: string[];
  type: Scalar;
}

/** A field read: a value at a path, or every item of an array with fields of each. */
export type Read = ({ kind: 'value' } & Field) | { kind: 'loop'; array: string[]; fields: Field[] };

export interface HandlerCase {
  eventType: string;
  reads: Read[];
}

export interface HandlerView {
  /** The path of the event type the handler switches on (`data.event_type`); none: no switch. */
  switchAt: string[] | undefined;
  cases: HandlerCase[];
  /** What is read when the events carry no event type (no switch then). */
  fallback: Read[];
  /** The payload types of the events the handler is written for (TS: the union it narrows). */
  payloads: TypeNode[];
  /** The names the package exports those events' types under (`telnyx/resources/webhooks`), in order. */
  eventTypeNames: string[];
}

/**
 * The handler of one product from its events (as routed to it) and its config. Every configured
 * event must be one the product documents: a handler branch for an event that never arrives would
 * mislead.
 */
export function handlerView(
  product: Product,
  events: WebhookEvent[],
  resolve: Resolve,
  policy: GuidePolicy = STOP,
): HandlerView {
  const typeOf = (type: string) =>
    events.find((e) => (e.eventTypes ?? [e.eventType ?? e.name]).includes(type));
  const at = events.find((e) => e.eventTypeAt)?.eventTypeAt;
  const switchAt = at ? at.split('.') : undefined;
  const view: HandlerView = { switchAt, cases: [], fallback: [], payloads: [], eventTypeNames: [] };
  for (const focus of product.events ?? []) {
    const event = typeOf(focus.eventType);
    if (!event) {
      leaveOut(
        new InputError(
          `event "${focus.eventType}" is not one the ${product.slug} skills document`,
          focus.where,
          `list an event routed to ${product.slug} (specs/webhooks.yml), or move it to its product`,
        ),
        policy,
      );
      continue;
    }
    if (switchAt && event.eventTypeAt !== at) {
      leaveOut(
        new InputError(
          `event "${focus.eventType}" carries no ${at}, which the ${product.slug} handler switches on`,
          focus.where,
          'list only events with an event type here',
        ),
        policy,
      );
      continue;
    }
    const kind = (field: string) => scalarKind(payloadPath(event.payload, field, resolve)!, resolve);
    const reads = groupReads(focus.fields, kind);
    if (switchAt) view.cases.push({ eventType: focus.eventType, reads });
    else view.fallback.push(...reads);
  }
  // The union the handler is typed with: the events it switches over (or all, without a switch).
  const narrowed = events.filter((e) => !switchAt || e.eventTypeAt === at);
  view.payloads = narrowed.map((e) => e.payload);
  view.eventTypeNames = narrowed.map((e) => e.typeName);
  return view;
}

/** Paths to reads: `a.b[].c` and `a.b[].d` become one loop over `a.b` reading `c` and `d`. */
function groupReads(fields: string[], kind: (field: string) => Scalar): Read[] {
  const reads: Read[] = [];
  for (const field of fields) {
    const cut = field.indexOf('[]');
    if (cut < 0) {
      reads.push({ kind: 'value', path: field.split('.'), type: kind(field) });
      continue;
    }
    const array = field.slice(0, cut).split('.');
    // Only the first array is walked: what follows a second `[]` is read whole.
    const rest = field
      .slice(cut + 2)
      .replace(/^\./, '')
      .split('[]')[0]
      .replace(/\.$/, '');
    const loop = reads.find(
      (r): r is Read & { kind: 'loop' } => r.kind === 'loop' && r.array.join('.') === array.join('.'),
    );
    const read = {
      path: rest ? rest.split('.') : [],
      type: kind(rest ? `${field.slice(0, cut + 2)}.${rest}` : field),
    };
    if (loop) loop.fields.push(read);
    else reads.push({ kind: 'loop', array, fields: [read] });
  }
  return reads;
}

function scalarKind(node: TypeNode, resolve: Resolve): Scalar {
  const type = resolve(node);
  return type.kind === 'string' ||
    type.kind === 'integer' ||
    type.kind === 'number' ||
    type.kind === 'boolean'
    ? type.kind
    : 'any';
}

/** A loop variable named after the array (`to`), when that is a plain word no language reserves. */
export function itemName(array: string[]): string {
  const name = array[array.length - 1] ?? '';
  return /^[a-z][a-z0-9]*$/.test(name) && !RESERVED.has(name) ? name : 'item';
}

// Words reserved in one of the six languages (or shadowing what the handlers use).
const RESERVED = new Set(
  'and as break case catch class const continue data def default do else end event false final for from func go if import in is let new nil not or package range return self static switch then true try type var when while with yield'.split(
    ' ',
  ),
);
