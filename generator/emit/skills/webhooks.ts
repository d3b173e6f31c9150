/**
 * Webhook events per product, by the table the config names (`webhooks:`, specs/webhooks.yml for
 * Telnyx): the longest dotted prefix of the event type, else the event's key in the spec's `webhooks`
 * map. The model's own `product` (set when an event's tags map to a product) wins over the table.
 */
import { isPlainObject } from '../../util/objects.ts';
import { displayPath } from '../../util/paths.ts';
import { readYamlFile } from '../../util/yaml-file.ts';
import { InputError } from '../../errors.ts';
import type { Api, TypeNode, WebhookEvent } from '../../model/index.ts';
import type { LintFinding } from '../../errors.ts';
import { payloadFields, type FieldLabel } from './labels.ts';

export interface WebhookRoutes {
  /** The table's file; undefined when the config names none (events are placed by their tags alone). */
  file: string | undefined;
  /** Event type prefix -> product slug. */
  eventTypes: Map<string, string>;
  /** Webhook key -> product slug, for events without an event type. */
  names: Map<string, string>;
  locate: (path: (string | number)[]) => string;
}

export function readWebhookRoutes(file: string | undefined): WebhookRoutes {
  if (file === undefined) return { file, eventTypes: new Map(), names: new Map(), locate: () => '' };
  const { data, locate } = readYamlFile(file);
  const root = isPlainObject(data) ? data : {};
  const table = (key: string) => {
    const entries = root[key] ?? {};
    if (!isPlainObject(entries))
      throw new InputError(
        `${key} must be a mapping of name -> product slug`,
        locate([key]),
        `write ${key}: as "name: product-slug" lines`,
      );
    return new Map(Object.entries(entries).map(([k, v]) => [k, String(v)]));
  };
  return { file, eventTypes: table('eventTypes'), names: table('names'), locate };
}

/** The product of one event, or undefined when neither the model nor the table places it. */
export function productOfEvent(event: WebhookEvent, routes: WebhookRoutes): string | undefined {
  if (event.product) return event.product;
  const segments = event.eventType?.split('.') ?? [];
  for (let n = segments.length; n > 0; n--) {
    const slug = routes.eventTypes.get(segments.slice(0, n).join('.'));
    if (slug) return slug;
  }
  return routes.names.get(event.name);
}

export interface EventView {
  name: string;
  /** Every event type the payload carries (one row each in the table), else the webhook's name. */
  eventTypes: string[];
  summary: string;
  fields: FieldLabel[];
  event: WebhookEvent;
}

/** Events grouped by product slug, in the spec's order (by key); every event must land somewhere. */
export function eventsByProduct(
  api: Api,
  routes: WebhookRoutes,
  resolve: (n: TypeNode) => TypeNode,
  policy: { strict: boolean; warn: (finding: LintFinding) => void } = { strict: true, warn: () => {} },
): Map<string, EventView[]> {
  const slugs = new Set(api.products.map((p) => p.slug));
  const byProduct = new Map<string, EventView[]>();
  for (const event of api.webhooks) {
    const slug = productOfEvent(event, routes);
    const where = routes.file === undefined ? undefined : displayPath(routes.file);
    if (!slug) {
      const place = `its event type prefix under eventTypes, or "${event.name}" under names`;
      const message = `webhook event "${event.name}"${event.eventType ? ` (event type ${event.eventType})` : ''} belongs to no product`;
      const fix = where
        ? `add ${place}, in ${where}`
        : `name a webhook table in the config (webhooks: FILE, like specs/webhooks.yml) with ${place}`;
      if (policy.strict) throw new InputError(message, where, fix);
      // A new event in tomorrow's spec must not stop the SDK: said, and left out of the skills.
      policy.warn({
        rule: 'unmapped-webhook-event',
        message: `${message}; left out of the skills (${fix})`,
        pointer: `/webhooks/${event.name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        where: where ?? 'config',
      });
      continue;
    }
    if (!slugs.has(slug)) {
      throw new InputError(
        `webhook event "${event.name}" is routed to product "${slug}", which has no public operations`,
        where,
        'route it to a product listed in the products config',
      );
    }
    const view = {
      name: event.name,
      eventTypes: event.eventTypes ?? [event.eventType ?? event.name],
      summary: event.summary ?? '',
      fields: payloadFields(event.payload, resolve),
      event,
    };
    byProduct.set(slug, [...(byProduct.get(slug) ?? []), view]);
  }
  return byProduct;
}
