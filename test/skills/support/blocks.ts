/**
 * Fenced code blocks of generated markdown, read the way a CommonMark renderer reads them: a fence of
 * three or more backticks opens, and only a fence at least as long (and nothing after it) closes.
 */
export interface CodeBlock {
  /** The markdown file, relative to the output dir. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Info string (`python`, `bash`, ...). */
  lang: string;
  code: string;
  /** The `## ` heading the block sits under. */
  section: string;
}

export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (.*)$/.exec(lines[i]);
    if (heading) section = heading[1];
    const open = /^(`{3,})([^`]*)$/.exec(lines[i]);
    if (!open) continue;
    const close = new RegExp(`^\`{${open[1].length},}\\s*$`);
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(lines[i]);
    if (i >= lines.length) throw new Error(`${file}:${start + 1}: code fence never closed`);
    blocks.push({ file, line: start + 1, lang: open[2].trim(), code: body.join('\n') + '\n', section });
  }
  return blocks;
}

/** Markdown outside code blocks (prose and tables), for checks that must not look into code. */
export function prose(markdown: string): string {
  return markdown.replace(/^(`{3,})[^`\n]*\n[\s\S]*?\n\1`*[ \t]*$/gm, '');
}
