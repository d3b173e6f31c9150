/**
 * `namespace Telnyx` in client.ts: the members that make `Telnyx.<Type>` resolve as in the official
 * SDK, from what each rendered resource module, the models and the webhook types export.
 */
import { PRINT_WIDTH } from './type-expr.ts';
import type { WebhookTypeExports } from './webhook-types.ts';

/** How client.ts imports resources/webhooks.ts (webhook-types.ts), for `namespace Telnyx`. */
export const WEBHOOKS_ALIAS = 'WebhooksAPI';

/** The names a rendered module declares at its top level, with what each is (a class is a value). */
export function exportedTypes(text: string): { name: string; isClass: boolean }[] {
  const found = new Map<string, boolean>();
  for (const m of text.matchAll(
    /^export (?:declare )?(?:abstract )?(class|interface|type|namespace|enum) ([A-Za-z_$][\w$]*)/gm,
  ))
    found.set(m[2]!, (found.get(m[2]!) ?? false) || m[1] === 'class');
  return [...found].map(([name, isClass]) => ({ name, isClass }));
}

/**
 * The members of `namespace Telnyx`, which make `Telnyx.<Type>` resolve as in the official SDK:
 * RequestOptions, the page classes, every type each top-level resource file declares (read from the
 * file, so the list follows whatever the resource emitter names), then the spec's schemas. A name is
 * declared once (first wins), never under a name client.ts itself uses; classes are exported as types
 * only, so no value is promised that the namespace, being `declare`, does not create.
 */
export function clientNamespace(
  resources: { namespace: string; exports: { name: string; isClass: boolean }[] }[],
  pageClasses: string[],
  models: { name: string; isClass: boolean }[],
  /** What resources/webhooks.ts exports: the events and unions first, the events' data types last. */
  webhookTypes: WebhookTypeExports,
  /** client.ts's own identifiers: a member by one of those names would shadow it in the namespace body. */
  reserved: ReadonlySet<string>,
): string[] {
  const lines: string[] = [];
  const taken = new Set<string>(reserved);
  const add = (name: string, line: string) => {
    if (taken.has(name)) return;
    taken.add(name);
    lines.push(`  ${line}`);
  };
  add('RequestOptions', 'export type RequestOptions = RequestTypes.RequestOptions;');
  // The event types are new names; the `data` types (`CallInitiated`) mostly name a schema already
  // (Models.CallInitiated, the same type), so they only fill the gaps after the models.
  const webhookLine = (name: string) => `export import ${name} = ${WEBHOOKS_ALIAS}.${name};`;
  for (const name of webhookTypes.events) add(name, webhookLine(name));
  for (const page of pageClasses) add(page, `export type ${page}<Item> = PageStyles.${page}<Item>;`);
  // prettier breaks a long type alias after `=`; it never breaks an import alias.
  const alias = (name: string, target: string) =>
    `  export type ${name} = ${target};`.length <= PRINT_WIDTH
      ? `export type ${name} = ${target};`
      : `export type ${name} =\n    ${target};`;
  for (const r of resources)
    for (const { name, isClass } of r.exports)
      add(
        name,
        isClass ? alias(name, `${r.namespace}.${name}`) : `export import ${name} = ${r.namespace}.${name};`,
      );
  for (const { name } of models) add(name, `export import ${name} = Models.${name};`);
  for (const name of webhookTypes.data) add(name, webhookLine(name));
  return lines;
}
