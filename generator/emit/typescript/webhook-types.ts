/**
 * `src/resources/webhooks.ts`: the webhook event types under the names the official SDK exports from
 * `telnyx/resources/webhooks` (named by naming/webhooks.ts): one alias per event
 * (`CallInitiatedWebhookEvent`), the schema each event's `data` holds (`CallInitiated`), the unions
 * `UnwrapWebhookEvent` and `UnsafeUnwrapWebhookEvent` that `client.webhooks.unwrap()` and
 * `unsafeUnwrap()` return, and the `Webhooks` class. The aliases point at the `Models` types, so the
 * package's own names (`Models.CallInitiatedEvent`) keep working and are the same types.
 */
import type { Api } from '../../model/index.ts';
import { docComment } from './doc-comment.ts';
import type { PrintedFile } from './printed-file.ts';
import { fitted, PRINT_WIDTH, typeExpr } from './type-expr.ts';

/** The module's path in the package, where `telnyx/resources/webhooks` resolves (package.json `./*`). */
export const WEBHOOK_TYPES_FILE = 'src/resources/webhooks.ts';

/**
 * `src/webhook-events.ts`, the package's own name for the union (`WebhookEvent`, exported by the
 * entry and typing `client.webhooks`), in prettier's layout.
 */
export const WEBHOOK_EVENT_ALIAS =
  '// File generated from the Telnyx OpenAPI spec by telnyx-codegen. Do not edit.\n\n' +
  "import type { UnwrapWebhookEvent } from './resources/webhooks.js';\n\n" +
  "/** Every event the API's webhooks map declares: the official SDK's `UnwrapWebhookEvent`. */\n" +
  'export type WebhookEvent = UnwrapWebhookEvent;\n';

/** The names the module exports (for `namespace Telnyx`): the events and unions, and the data types. */
export interface WebhookTypeExports {
  events: string[];
  data: string[];
}

/** The module's text, and the names it exports. */
export function renderWebhookTypes(
  api: Api,
  typeNames: Map<string, string>,
  file: PrintedFile,
): { text: string; exports: WebhookTypeExports } {
  const ctx = {
    names: typeNames,
    refPrefix: 'Models.',
    mode: 'output' as const,
    binary: 'string' as const,
    file,
  };
  const declarations: string[] = [];
  const exports: WebhookTypeExports = { events: [], data: [] };
  const members: string[] = [];
  for (const event of api.webhooks) {
    const type = typeExpr(event.payload, ctx);
    const eventTypes = event.eventTypes?.map((t) => `\`${t}\``).join(', ');
    declarations.push(
      docComment([
        event.summary,
        `The payload of the \`${event.name}\` webhook${eventTypes ? ` (${event.eventTypeAt}: ${eventTypes})` : ''}.`,
      ]) + fitted(`export type ${event.typeName} =`, event.payload, ctx, '', ';'),
    );
    exports.events.push(event.typeName);
    // A payload the spec does not type adds nothing to the union.
    if (type !== 'unknown') members.push(event.typeName);
  }
  for (const event of api.webhooks) {
    const model = event.data && typeNames.get(event.data.model);
    if (!event.data || !model) continue;
    declarations.push(
      docComment([`What the \`data\` of ${event.typeName} holds.`]) +
        fitted(`export type ${event.data.typeName} =`, { kind: 'ref', name: event.data.model }, ctx, '', ';'),
    );
    exports.data.push(event.data.typeName);
  }
  // One line when it fits, else one member per line (prettier's layout of a long union).
  const flat = ` ${members.join(' | ')}`;
  const union = !members.length
    ? ' unknown'
    : `export type UnwrapWebhookEvent =${flat};`.length <= PRINT_WIDTH
      ? flat
      : members.map((m) => `\n  | ${m}`).join('');
  declarations.push(
    docComment([
      "Every event the API's webhooks map declares: what `client.webhooks.unwrap()` returns. A `switch` on its event type narrows it.",
    ]) + `export type UnwrapWebhookEvent =${union};`,
    docComment(['What `client.webhooks.unsafeUnwrap()` returns: the same events, unverified.']) +
      'export type UnsafeUnwrapWebhookEvent = UnwrapWebhookEvent;',
  );
  exports.events.push('UnwrapWebhookEvent', 'UnsafeUnwrapWebhookEvent');
  const text = [
    '// File generated from the Telnyx OpenAPI spec by telnyx-codegen. Do not edit.',
    '',
    "import type * as Models from '../models.js';",
    '',
    "export { Webhooks } from '../core/webhooks.js';",
    '',
    declarations.join('\n\n'),
    '',
  ].join('\n');
  return { text, exports };
}
