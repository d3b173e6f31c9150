/**
 * Spec text -> safe TS source. A spec string can never end a comment, open a template literal or
 * inject code: comments escape `*\/`, string literals go through JSON.stringify, property keys are
 * quoted unless they are plain identifiers.
 */

/** A JSDoc block from spec text (summary, description, deprecation); '' when there is nothing to say. */
export function docComment(parts: (string | undefined)[], indent = ''): string {
  const text = parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .join('\n\n');
  if (!text) return '';
  const lines = sanitize(text).split('\n');
  return (
    [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join(
      '\n',
    ) + '\n'
  );
}

// A match may only start where a run of blanks starts: `/[ \t]+$/gm` alone retries from every blank of a
// run that ends mid-line, which is quadratic in the run (a 200 kB space run took 37 s).
const TRAILING_BLANKS = /(?<![ \t])[ \t]+$/gm;

/** Comment-safe text: no comment terminator, no control characters, trimmed trailing spaces. */
export function sanitize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, ' ')
    .replace(/\*\//g, '*\\/')
    .replace(TRAILING_BLANKS, '');
}

/**
 * A TS string literal for any text, quoted the way prettier (`singleQuote`) prints it: single quotes
 * unless the text holds more single than double quotes. JSON.stringify does the escaping of
 * backslashes, control characters and line separators.
 */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  if (singles > doubles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise (`'Idempotency-Key'`, `'10dlc'`). */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : stringLiteral(name);
}
