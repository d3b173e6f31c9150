/**
 * The names under which the package exports each webhook event's type (`telnyx/resources/webhooks`,
 * `Telnyx.<Name>`), as the official SDK does: one rule over the spec's `webhooks` map and the names
 * lock. The event's operationId (else its key in the map) as a type identifier, plus `WebhookEvent`
 * (`CallInitiated` -> CallInitiatedWebhookEvent); where the lock lists the bare name and not the
 * suffixed one, the bare name, which the release chose for a few events (`FaxDelivered`,
 * `CampaignStatusUpdate`). Without a lock, or for an event the lock does not know, the suffixed name.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { freeName, numbered } from './resolve.ts';
import { isDeclarableTypeName, typeIdentifier } from './types.ts';

/** Names the webhooks module declares itself, which no event may take. */
export const WEBHOOKS_MODULE_NAMES: ReadonlySet<string> = new Set([
  'Webhooks',
  'UnwrapWebhookEvent',
  'UnsafeUnwrapWebhookEvent',
  'Models',
]);

const SUFFIX = 'WebhookEvent';

export interface WebhookTypeNames {
  typeName: string;
  /** The name of its `data` schema, exported beside it (`CallInitiated`), when the payload has one. */
  dataTypeName?: string;
}

/**
 * Names per event, in the order given, unique within the module. Beside each event, the named schema
 * its `data` holds, under that schema's name as a type identifier (`callConversationEnded` ->
 * CallConversationEnded), as the official SDK exports them; left out where an event's name or an
 * earlier data type has it (a number would name nothing a caller of the official SDK writes).
 */
export function webhookTypeNames(
  events: { name: string; operationId?: string; dataModel?: string }[],
  locked: ReadonlySet<string> | undefined,
  digitPrefix: string,
): WebhookTypeNames[] {
  const taken = new Set(WEBHOOKS_MODULE_NAMES);
  const named = events.map((event) => {
    const bare = typeIdentifier(event.operationId ?? event.name, digitPrefix);
    const keepsBare =
      locked !== undefined && locked.has(bare) && !locked.has(bare + SUFFIX) && isDeclarableTypeName(bare);
    const typeName = freeName(keepsBare ? bare : bare + SUFFIX, numbered, (n) => !taken.has(n));
    taken.add(typeName);
    return { typeName };
  });
  return named.map((names, i) => {
    const model = events[i]!.dataModel;
    const data = model === undefined ? undefined : typeIdentifier(model, digitPrefix);
    if (data === undefined || taken.has(data) || !isDeclarableTypeName(data)) return names;
    taken.add(data);
    return { ...names, dataTypeName: data };
  });
}

/** `- <code><a href="./src/resources/webhooks.ts">Name</a></code>`: a type of the webhooks module. */
const WEBHOOK_TYPE_LINE = /<code><a href="[^"]*\bresources\/webhooks\.ts">([A-Za-z_$][\w$]*)<\/a><\/code>/;

/**
 * The type names a names lock (an api.md) lists for the webhooks module; empty when it lists none.
 * The caller has read the file as a lock already (readNamesLock), which reports a missing file.
 */
export function readLockedWebhookTypes(file: string): Set<string> {
  const names = new Set<string>();
  if (!existsSync(file) || !statSync(file).isFile()) return names;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = WEBHOOK_TYPE_LINE.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}
