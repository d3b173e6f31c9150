/**
 * Word splitting and casing (docs/NAMING.md, "Casing"). Everything else in naming builds on these.
 */

/** Acronyms TS upper-cases after the first word, in their TS spelling, keyed by lower case. */
const TS_ACRONYMS = new Map(['AI', 'IP', 'IPs', 'ID', 'IDs', 'URL', 'API', 'SDK', 'SMS', 'OAuth', 'OpenAI'].map((a) => [a.toLowerCase(), a]));
/** Go spells these acronyms in capitals wherever they appear. */
const GO_ACRONYMS = new Map(['AI', 'IP', 'IPs', 'ID', 'IDs', 'URL', 'API', 'SDK', 'SMS', 'OAuth', 'OpenAI'].map((a) => [a.toLowerCase(), a]));

/**
 * Splits on `_`, `-`, `.`, spaces and camelCase boundaries; digits stay with the word before them
 * (`resend_2fa_email` -> resend2fa, email... is handled by the caller joining digit-led words).
 */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .reduce<string[]>((words, word) => {
      // A word that starts with a digit joins the word before it: `messaging_10dlc` -> messaging10dlc.
      if (/^[0-9]/.test(word) && words.length > 0) words[words.length - 1] += word;
      else words.push(word);
      return words;
    }, []);
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

function tsWord(word: string, index: number): string {
  const lower = word.toLowerCase();
  if (index === 0) return lower;
  return TS_ACRONYMS.get(lower) ?? cap(word);
}

/** camelCase with TS acronyms: `access_ip_address` -> accessIPAddress, `oauth_clients` -> oauthClients. */
export function tsCamel(text: string | string[]): string {
  const words = Array.isArray(text) ? text.flatMap(splitWords) : splitWords(text);
  return words.map(tsWord).join('');
}

/** PascalCase with TS acronyms: OAuthClients, IPConnections, Messaging10dlc. */
export function tsPascal(text: string | string[]): string {
  const words = Array.isArray(text) ? text.flatMap(splitWords) : splitWords(text);
  return words.map((w) => TS_ACRONYMS.get(w.toLowerCase()) ?? cap(w)).join('');
}

/** Java: camelCase without upper-casing acronyms after the first word (sendSms, createPresignedUrl). */
export function javaCamel(tsName: string): string {
  return splitWords(tsName)
    .map((w, i) => (i === 0 ? w.toLowerCase() : cap(w)))
    .join('');
}

/** Python/Ruby: snake_case, acronyms lower-cased, `_` before a digit run (messaging_10dlc). */
export function snake(tsName: string): string {
  return tsName
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Za-z])([0-9])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}

/** Go: PascalCase with Go acronyms (OAuthClients, AI). */
export function goPascal(tsName: string): string {
  return splitWords(tsName)
    .map((w) => GO_ACRONYMS.get(w.toLowerCase()) ?? cap(w))
    .join('');
}

/** Identifier-safe: a name that starts with a digit gets the given readable prefix. */
export function withLeadingLetter(name: string, prefix: string): string {
  return /^[0-9]/.test(name) ? prefix + name.charAt(0).toUpperCase() + name.slice(1) : name;
}
