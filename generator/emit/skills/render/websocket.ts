/**
 * WebSocket operations (the spec answers `101 Switching Protocols`): no SDK method or curl call can
 * hold them open, so each language shows a WebSocket client instead (templates/skills/<language>/
 * websocket.hbs): the `wss://` URL with the example's query, the API key as a bearer header, and a
 * loop printing what the server sends. Values are string literals of that language.
 */
import { toJson } from '../../../examples/examples.ts';
import type { CallInput } from '../../../surface/index.ts';
import { shellQuote } from '../escape.ts';
import type { LanguageId } from '../languages.ts';
import { goString, javaString, jsString, pyString, rbString } from '../literals.ts';
import { queryPairs } from '../query.ts';

const LITERALS: Record<LanguageId, (text: string) => string> = {
  javascript: jsString,
  python: pyString,
  ruby: rbString,
  go: goString,
  java: javaString,
  curl: shellQuote,
};

export interface SocketCall {
  /** The URL without its query, as a literal. */
  url: string;
  /** Query keys and values, as literals. */
  pairs: { key: string; value: string; first: boolean }[];
  /** curl's page: the whole URL, quoted for the shell. */
  full: string;
}

export function socketCall(language: LanguageId, input: CallInput, server: string): SocketCall {
  const base = (input.op.server ?? server).replace(/^http(s?):/, 'ws$1:');
  const path = input.op.path.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const field = [input.positional, ...input.fields].find((f) => f?.in === 'path' && f.wire === name);
    return encodeURIComponent(field ? String(toJson(field.value)) : name);
  });
  const pairs = queryPairs(input.fields.filter((f) => f.in === 'query'));
  const literal = LITERALS[language];
  const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return {
    url: literal(base + path),
    pairs: pairs.map(([key, value], i) => ({ key: literal(key), value: literal(value), first: i === 0 })),
    full: shellQuote(base + path + (query ? `?${query}` : '')),
  };
}
