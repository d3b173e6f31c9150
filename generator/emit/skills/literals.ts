/**
 * String literals per language. Example values come from the spec, so any character can appear: each
 * encoder escapes what would end the literal, interpolate (`#{` in Ruby, `$` never matters in the
 * double-quoted forms used here) or be read as a line break by that language's lexer.
 */
import { clean } from './escape.ts';

const hex4 = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');

// Characters no literal should carry raw: C0/C1 controls, DEL, line and paragraph separators, BOM.
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function encode(text: string, quote: string, extra: RegExp | null, control: (c: string) => string): string {
  let body = clean(text)
    .replace(/\\/g, '\\\\')
    .split(quote)
    .join('\\' + quote);
  if (extra) body = body.replace(extra, (c) => '\\' + c);
  return quote + body.replace(CONTROL, (c) => NAMED[c] ?? control(c)) + quote;
}

const unicodeEscape = (c: string) => `\\u${hex4(c)}`;

/** JavaScript/TypeScript: single quotes, the house style of the generated client's docs. */
export const jsString = (text: string) => encode(text, "'", null, unicodeEscape);

/** Python: double quotes. */
export const pyString = (text: string) => encode(text, '"', null, unicodeEscape);

/** Ruby: double quotes, with `#` escaped so `#{...}` in a spec example is never interpolated. */
export const rbString = (text: string) => encode(text, '"', /#/g, unicodeEscape);

/** Go: interpreted string literal. */
export const goString = (text: string) => encode(text, '"', null, unicodeEscape);

/**
 * Java: javac turns `\uXXXX` into characters before lexing, so `\u000a` inside a literal would be a
 * raw line break; controls use three-digit octal escapes instead (`\001`, so a digit after it stays a digit).
 */
export const javaString = (text: string) =>
  encode(text, '"', null, (c) =>
    c.charCodeAt(0) <= 0xff ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : unicodeEscape(c),
  );

/** A JSON number that every target language reads (no NaN, no Infinity). */
export function numberText(value: number, integer: boolean): string {
  if (!Number.isFinite(value)) return '0';
  if (integer) return Number.isSafeInteger(value) ? String(value) : '0';
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
