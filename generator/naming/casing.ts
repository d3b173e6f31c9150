/**
 * Word splitting and casing (docs/NAMING.md, "Casing"). Everything else in naming builds on these.
 */

const ACRONYMS = ['AI', 'IP', 'IPs', 'ID', 'IDs', 'URL', 'API', 'SDK', 'SMS', 'OAuth', 'OpenAI'];
/** Acronyms TS upper-cases after the first word, in their TS spelling, keyed by lower case. */
const TS_ACRONYMS = new Map(ACRONYMS.map((a) => [a.toLowerCase(), a]));
/**
 * Go spells the same acronyms in capitals wherever they appear, plurals too: the official Go SDK's
 * `OptInWorkflowImageURLs` (TS keeps `urls` as a word: its names come from the lock, which has none).
 */
const GO_ACRONYMS = new Map([...TS_ACRONYMS, ['urls', 'URLs']]);

/**
 * Splits on `_`, `-`, `.`, spaces and camelCase boundaries; a word that starts with a digit joins the
 * word before it (`messaging_10dlc` -> messaging10dlc, `resend2faEmail` -> resend2fa, Email).
 */
export function splitWords(text: string): string[] {
  // Fast path for the common snake_case segment: nothing to split but `_`.
  if (/^[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*$/.test(text)) return text.split('_');
  return protectPluralAcronyms(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .reduce<string[]>((words, word) => {
      if (/^[0-9]/.test(word) && words.length > 0) words[words.length - 1] += word;
      else words.push(word);
      return words;
    }, []);
}

/**
 * `IDs`/`IPs`/`URLs` are one word: without this, the acronym splitter reads `SenderIDs` as Sender, I,
 * Ds (python `sender_i_ds`, Go `ImageUrLs`). Rewritten as `Ids`/`Ips`/`Urls`, they split and case like
 * any word.
 */
function protectPluralAcronyms(text: string): string {
  return text.replace(
    /(I[DP]|URL)s(?=[A-Z0-9_\-. ]|$)/g,
    (_, acronym: string) => `${acronym[0]}${acronym.slice(1).toLowerCase()}s`,
  );
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
const wordsOf = (text: string | string[]) =>
  Array.isArray(text) ? text.flatMap(splitWords) : splitWords(text);

function tsWord(word: string, index: number): string {
  const lower = word.toLowerCase();
  if (index === 0) return lower;
  return TS_ACRONYMS.get(lower) ?? cap(word);
}

/** camelCase with TS acronyms: `access_ip_address` -> accessIPAddress, `oauth_clients` -> oauthClients. */
export function tsCamel(text: string | string[]): string {
  return wordsOf(text).map(tsWord).join('');
}

/** PascalCase with TS acronyms: OAuthClients, IPConnections, Messaging10dlc. */
export function tsPascal(text: string | string[]): string {
  return wordsOf(text)
    .map((w) => TS_ACRONYMS.get(w.toLowerCase()) ?? cap(w))
    .join('');
}

/** Java: camelCase without upper-casing acronyms after the first word (sendSms, createPresignedUrl). */
export function javaCamel(tsName: string): string {
  return splitWords(tsName)
    .map((w, i) => (i === 0 ? w.toLowerCase() : cap(w)))
    .join('');
}

/** Python/Ruby: snake_case, acronyms lower-cased, `_` before a digit run (messaging_10dlc). */
export function snake(tsName: string): string {
  return (
    protectPluralAcronyms(tsName)
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      // A digit run starts a word (`preview_1`, `messaging_10dlc`) except after a lone letter: `v1`.
      .replace(/([A-Za-z]{2})([0-9])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .toLowerCase()
  );
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

/**
 * English singular of a name's last word, in any casing, for the regular plurals path segments and
 * resource names use (`countries` -> country, `addresses` -> address, `OAuthClients` -> OAuthClient,
 * `AlphanumericSenderIDs` -> AlphanumericSenderID). Words that do not look plural (`status`,
 * `analysis`, `address`) come back unchanged, and so does an acronym spelled with a capital S
 * (`sms`, as `SMS`). Other short words drop their `s` like any plural (`Fqdns` -> Fqdn, `Rcs` -> Rc):
 * the official SDKs' type names do, and no path word here is singular with a trailing `s`.
 */
export function singular(name: string): string {
  const words = splitWords(name);
  // The last word as written (splitWords spells `IDs` as `Ids`), and its lower case for the rules.
  const last = name.slice(name.length - (words[words.length - 1] ?? '').length);
  const lower = last.toLowerCase();
  const keep = (n: number) => name.slice(0, name.length - last.length) + last.slice(0, n);
  // Not ending in `s` includes a trailing `_` (an escaped keyword such as `class_`).
  if (!lower.endsWith('s') || /(ss|us|is)$/.test(lower) || SINGULAR_ACRONYMS.has(lower)) return name;
  if (/[^aeiou]ies$/.test(lower)) return keep(-3) + (last.at(-3) === 'I' ? 'Y' : 'y');
  if (/(ss|sh|ch|x|z)es$/.test(lower)) return keep(-2);
  return keep(-1);
}

/** Acronyms that end in a capital S are not plurals (SMS); `IPs` and `IDs` are. */
const SINGULAR_ACRONYMS = new Set(ACRONYMS.filter((a) => a.endsWith('S')).map((a) => a.toLowerCase()));

/** English plural of one lower-case word, the inverse of `singular` on regular nouns. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(s|sh|ch|x|z)$/.test(word)) return word + 'es';
  return word + 's';
}
