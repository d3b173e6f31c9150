/**
 * Injection payloads, and the check that generated TypeScript holds them only as data: each payload
 * verbatim may appear inside a string literal, the text of a template literal or a comment, never in
 * code. The file is parsed with the TypeScript compiler API (a payload that broke out would usually
 * also be a syntax error, which fails too).
 */
import ts from 'typescript';

/** One per way out of a string or comment; `PWN` marks each so a stray one is easy to find. */
export const PAYLOADS = [
  '*/ PWN_COMMENT() /*',
  '</script><script>PWN_SCRIPT()</script>',
  '`; PWN_BACKTICK(); `',
  '${PWN_TEMPLATE()}',
  `"'; PWN_QUOTE(); '"`,
  '\n PWN_NEWLINE();\n// ',
  '$(PWN_SHELL) `PWN_SHELL2` ; rm -rf / | cat && echo',
  '\\u0027 \\\\ PWN_BACKSLASH \\',
  '<!-- PWN_HTML --> ``` PWN_FENCE',
] as const;

export interface Leak {
  file: string;
  payload: string;
  line: number;
  context: string;
}

/** Every verbatim payload occurrence outside a string, template text or comment, and every syntax error. */
export function payloadLeaks(file: string, text: string, payloads: readonly string[] = PAYLOADS): Leak[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const leaks: Leak[] = [];
  const at = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  for (const d of diagnostics)
    leaks.push({
      file,
      payload: '(syntax error)',
      line: at(d.start ?? 0),
      context: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    });
  const occurrences = payloads.flatMap((payload) => {
    const found: { payload: string; start: number }[] = [];
    for (let i = text.indexOf(payload); i >= 0; i = text.indexOf(payload, i + 1))
      found.push({ payload, start: i });
    return found;
  });
  if (occurrences.length === 0) return leaks;
  const data = dataRanges(source);
  for (const { payload, start } of occurrences) {
    const end = start + payload.length;
    if (!data.some(([from, to]) => from <= start && end <= to))
      leaks.push({ file, payload, line: at(start), context: text.slice(Math.max(0, start - 40), end + 40) });
  }
  return leaks;
}

/** [start, end) of every string literal, template text and comment in the file. */
function dataRanges(source: ts.SourceFile): [number, number][] {
  const ranges: [number, number][] = [];
  const text = source.text;
  const seen = new Set<number>();
  const comments = (list: ts.CommentRange[] | undefined) => {
    for (const c of list ?? []) {
      if (seen.has(c.pos)) continue;
      seen.add(c.pos);
      ranges.push([c.pos, c.end]);
    }
  };
  const visit = (node: ts.Node) => {
    comments(ts.getLeadingCommentRanges(text, node.getFullStart()));
    comments(ts.getTrailingCommentRanges(text, node.getEnd()));
    // Comments before a closing token (`}` of a block) lead that token, which is no node.
    comments(ts.getLeadingCommentRanges(text, node.getEnd()));
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      ranges.push([node.getStart(source), node.getEnd()]);
    // JSDoc is parsed into nodes under the node it documents; its text is a comment all the same.
    node.forEachChild(visit);
  };
  visit(source);
  comments(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return ranges;
}
