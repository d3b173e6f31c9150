/**
 * The spec's `webhooks` map -> webhook events with payload types. The event type value is read from
 * the payload's `data.event_type` (or `event_type`) enum when the payload declares one.
 */
import { pointerOf } from '../errors.ts';
import { convertSchema, type SchemaContext } from './schemas.ts';
import type { TypeNode, WebhookEvent } from './types.ts';

export function buildWebhooks(ctx: SchemaContext, resolve: (n: TypeNode) => TypeNode): WebhookEvent[] {
  const webhooks = ctx.spec.webhooks ?? {};
  return Object.keys(webhooks)
    .sort()
    .flatMap((name) => {
      const op = webhooks[name]?.post ?? Object.values<any>(webhooks[name] ?? {})[0];
      if (!op) return [];
      const media = op.requestBody?.content?.['application/json'];
      const payload = convertSchema(ctx, media?.schema, {
        pointer: pointerOf(['webhooks', name, 'post', 'requestBody']),
      });
      const event: WebhookEvent = { name, payload };
      const found = eventTypeOf(payload, resolve);
      if (found)
        Object.assign(event, { eventType: found.values[0], eventTypes: found.values, eventTypeAt: found.at });
      if (typeof op.summary === 'string') event.summary = op.summary;
      if (typeof op.description === 'string' && op.description.trim())
        event.description = op.description.trim();
      return [event];
    });
}

/** The `event_type` enum of a payload (under `data`, else at the root) and where it is. */
function eventTypeOf(
  payload: TypeNode,
  resolve: (n: TypeNode) => TypeNode,
): { values: string[]; at: string } | undefined {
  const field = (node: TypeNode, name: string) => {
    const object = resolve(node);
    return object.kind === 'object' ? object.properties.find((p) => p.name === name)?.type : undefined;
  };
  const data = field(payload, 'data');
  const nested = data && field(data, 'event_type');
  const type = nested ?? field(payload, 'event_type');
  const scalar = type && resolve(type);
  const values = (scalar && 'enum' in scalar ? (scalar.enum ?? []) : []).filter(
    (v): v is string => typeof v === 'string',
  );
  return values.length ? { values, at: nested ? 'data.event_type' : 'event_type' } : undefined;
}
