/**
 * What the webhooks section shows per language: the rows of the event table (every event type, with
 * the fields the config says to read and their types, enums spelled out), and the handler's parts
 * each language's template (<language>/webhook.hbs) places: the dispatch, Go's decoding types, the
 * JS union of the product's payload types that the switch narrows.
 */
import { payloadPath } from '../../model/guides.ts';
import type { Product, TypeNode } from '../../model/index.ts';
import type { HandlerView } from './handler.ts';
import { typeLabel, type FieldLabel } from './labels.ts';
import type { LanguageId } from './languages.ts';
import { goWebhookTypes } from './render/go-webhook.ts';
import { dispatchLines } from './render/handlers.ts';
import type { EventView } from './webhooks.ts';

export interface EventRow {
  eventType: string;
  summary: string;
  /** The fields a handler reads, as configured, with their type labels. */
  focus: FieldLabel[];
}

export function eventRows(
  events: EventView[],
  product: Product,
  resolve: (n: TypeNode) => TypeNode,
): EventRow[] {
  return events.flatMap((event) =>
    event.eventTypes.map((eventType) => {
      const fields = product.events?.find((f) => f.eventType === eventType)?.fields ?? [];
      return {
        eventType,
        summary: event.summary,
        focus: fields.map((name) => ({
          name,
          type: typeLabel(payloadPath(event.event.payload, name, resolve)!, resolve),
        })),
      };
    }),
  );
}

/** Where each template places the dispatch: the indentation of its line. */
const INDENT: Record<LanguageId, string> = {
  javascript: '  ',
  python: '    ',
  ruby: '  ',
  go: '\t\t',
  java: '',
  curl: '  ',
};

export function webhookView(
  language: LanguageId,
  handler: HandlerView,
  /** The module the event types are imported from, as a JS string literal (`'telnyx/resources/webhooks'`). */
  typesModule: string,
) {
  const view: { dispatch: string; types?: string; union?: string; imports?: string } = {
    dispatch: dispatchLines(language, handler, INDENT[language]),
  };
  if (language === 'go') view.types = goWebhookTypes(handler);
  if (language === 'javascript') {
    // The names both this package and the official SDK export from `telnyx/resources/webhooks`.
    const members = [...new Set(handler.eventTypeNames)];
    if (members.length) {
      // As prettier prints an import: on one line when it fits, else one name per line.
      const flat = `import type { ${members.join(', ')} } from ${typesModule};`;
      view.imports =
        flat.length <= 100
          ? flat
          : `import type {\n${members.map((m) => `  ${m},`).join('\n')}\n} from ${typesModule};`;
    }
    const head =
      '// The events this handler is written for: the switch below narrows the union.\ntype TelnyxEvent =';
    const flat = `${head} ${members.join(' | ') || 'unknown'};`;
    view.union =
      flat.split('\n')[1].length <= 100 ? flat : `${head}\n${members.map((m) => `  | ${m}`).join('\n')};`;
  }
  return view;
}
