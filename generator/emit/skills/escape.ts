/**
 * Where spec text lands in a SKILL.md and how it is made safe there: markdown prose, table cells,
 * inline code, code fences and YAML frontmatter. A spec string is untrusted: a summary holding
 * "```", "<!--" or "| x |" must not close a fence, hide the rest of the page or split a table.
 */

/** Lone UTF-16 surrogates cannot be written as UTF-8 (nor escaped in Go or YAML): replace them. */
export function clean(text: string): string {
  return text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/\0/g, '');
}

/** One line: whitespace runs (newlines included) become one space. */
export function collapse(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

// Inline markup, escaped only where it could take effect, so that plain text such as `array[string]`,
// `a < b` or `call_control_id` stays readable in the raw file (which is what an assistant reads):
// emphasis (`*`, `~`, and `_` at a word edge: CommonMark ignores intraword underscores), stray
// backticks, a backslash before punctuation, HTML (`<` before a tag, comment or autolink), and link
// syntax (a `]` followed by `(`, `[` or `:` is the only way to make a link or a reference definition).
const INLINE = /[*~`]|\\(?=[!-/:-@[-`{-~])|<(?=[A-Za-z/!?])|\](?=[([:])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
// Block markup that only matters at the start of a line: lists, headings, quotes, breaks; and a
// closing `#` run, which would be dropped from a heading.
const LINE_START = /^(\d+)([.)])(?=\s|$)|^([-+=>#])/;
const CLOSING_HASHES = /(\s)(#+)\s*$/;

function escapeInline(text: string): string {
  return text.replace(INLINE, (c) => '\\' + c);
}

// Spans kept as markdown because they cannot break the page: a one-backtick code span (longer runs
// follow CommonMark's run-length rules, so they are escaped instead),
// a link whose text has no brackets and whose target is a plain http(s) URL, and **bold** text.
const KEEP = /(?<!`)`([^`]+)`(?!`)|\[([^[\]`]+)\]\((https?:\/\/[^\s()<>`]+)\)|\*\*(?=\S)([^*]+?)(?<=\S)\*\*/g;

/** Prose: one line, markup escaped, well-formed code spans and links kept. */
export function mdText(text: string): string {
  const line = collapse(text);
  let out = '';
  let last = 0;
  for (const m of line.matchAll(KEEP)) {
    out += escapeInline(line.slice(last, m.index));
    out +=
      m[1] !== undefined
        ? m[0]
        : m[2] !== undefined
          ? `[${escapeInline(m[2])}](${m[3]})`
          : `**${escapeInline(m[4])}**`;
    last = m.index + m[0].length;
  }
  out += escapeInline(line.slice(last));
  return out
    .replace(LINE_START, (_, digits, dot, mark) => (digits ? `${digits}\\${dot}` : `\\${mark}`))
    .replace(CLOSING_HASHES, (_, space, hashes) => `${space}\\${hashes}`);
}

/** A table cell: prose whose pipes (even inside code spans, per GFM) cannot end the cell. */
export function mdCell(text: string): string {
  return mdText(text).replace(/(?<!\\)\|/g, '\\|');
}

/** Inline code of any text: the delimiter is one backtick longer than the longest run inside. */
export function inlineCode(text: string): string {
  const line = collapse(text) || ' ';
  const longest = longestRun(line, /`+/g);
  const tick = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(line) ? ' ' : '';
  return `${tick}${pad}${line}${pad}${tick}`;
}

/** The longest match of `runs` in `text`, 0 for none (a loop: spreading 10^5 matches into Math.max overflows the stack). */
function longestRun(text: string, runs: RegExp): number {
  let longest = 0;
  for (const m of text.matchAll(runs)) longest = Math.max(longest, m[0].length);
  return longest;
}

/** Inline code for a table cell: `|` must be escaped even inside the span. */
export function cellCode(text: string): string {
  return inlineCode(text).replace(/\|/g, '\\|');
}

/** A fenced block whose fence is longer than any backtick run in the code, so nothing closes it early. */
export function fence(info: string, code: string): string {
  const longest = longestRun(code, /`{3,}/g);
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${code.replace(/^\n+|(?<!\n)\n+$/g, '')}\n${ticks}\n`;
}

/** A YAML double-quoted scalar; JSON escapes are valid YAML, plus escapes for YAML's non-printables. */
export function yamlString(text: string): string {
  return JSON.stringify(collapse(text)).replace(
    /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A POSIX shell single-quoted word: nothing inside is expanded. */
export function shellQuote(text: string): string {
  return `'${clean(text).replace(/'/g, `'\\''`)}'`;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return collapse(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
