/**
 * The spec's `webhooks` map -> webhook events with payload types. The event type value is read from
 * the payload's `data.event_type` (or `event_type`) enum when the payload declares one.
 */
import { pointerOf } from '../errors.ts';
import { convertSchema, type SchemaContext } from './schemas.ts';
import type { TypeNode, WebhookEvent } from './types.ts';
import { webhookTypeNames } from '../naming/webhooks.ts';

export function buildWebhooks(
  ctx: SchemaContext,
  resolve: (n: TypeNode) => TypeNode,
  /** The type names the names lock lists for the webhooks module (undefined: no lock). */
  locked: ReadonlySet<string> | undefined,
  digitPrefix: string,
): WebhookEvent[] {
  const events = drafts(ctx, resolve);
  // Only a component schema: an inline `data` object hoisted under the payload's name is named by us.
  const isComponent = (name: string) => ctx.types.get(name)?.origin === 'component';
  const dataModels = events.map((e) => dataModelOf(e.payload, resolve, isComponent));
  const names = webhookTypeNames(
    events.map((e, i) => ({ ...e, ...(dataModels[i] ? { dataModel: dataModels[i] } : {}) })),
    locked,
    digitPrefix,
  );
  return events.map((event, i) => {
    const { typeName, dataTypeName } = names[i]!;
    const model = dataModels[i];
    return {
      ...event,
      typeName,
      ...(model && dataTypeName ? { data: { model, typeName: dataTypeName } } : {}),
    };
  });
}

/** The component schema a payload's `data` property refers to. */
function dataModelOf(
  payload: TypeNode,
  resolve: (n: TypeNode) => TypeNode,
  isComponent: (name: string) => boolean,
): string | undefined {
  const object = resolve(payload);
  if (object.kind !== 'object') return undefined;
  const data = object.properties.find((p) => p.name === 'data')?.type;
  return data?.kind === 'ref' && isComponent(data.name) ? data.name : undefined;
}

function drafts(ctx: SchemaContext, resolve: (n: TypeNode) => TypeNode): Omit<WebhookEvent, 'typeName'>[] {
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
      const event: Omit<WebhookEvent, 'typeName'> = { name, payload };
      if (typeof op.operationId === 'string' && op.operationId) event.operationId = op.operationId;
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
