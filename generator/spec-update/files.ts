/**
 * The files `spec:update` changes, each staged beside its target and renamed over it only once
 * everything is ready, so a failed run leaves them as they were: the config's `spec.url` and
 * `spec.sha256` (edited through the YAML document, so its comments and layout stay), and the
 * CHANGELOG with the report's section inserted at the top.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Composer, CST, isScalar, Parser, parseDocument } from 'yaml';

export interface StagedFile {
  target: string;
  staged: string;
}

export function stage(target: string, text: string): StagedFile {
  const staged = `${target}.spec-update-${process.pid}.tmp`;
  writeFileSync(staged, text);
  return { target, staged };
}

/** Renames every staged file over its target (removing them all if one rename fails). */
export function commitStaged(files: StagedFile[]): void {
  try {
    for (const file of files) renameSync(file.staged, file.target);
  } finally {
    discardStaged(files);
  }
}

export function discardStaged(files: StagedFile[]): void {
  for (const file of files) rmSync(file.staged, { force: true });
}

/**
 * The config's text with the pin moved: only the two values change, every other byte of the file
 * stays. The document finds the two scalars; their source tokens are rewritten and the token stream
 * printed back (the document's own printer would re-lay flow collections, `[a]` as `[ a ]`). A key
 * the file lacks is added through the document, which then prints the whole file.
 */
export function movePinText(configText: string, url: string, sha256: string): string {
  const tokens = [...new Parser().parse(configText)];
  const [doc] = new Composer({ keepSourceTokens: true, uniqueKeys: false }).compose(tokens);
  const values: [string, string][] = [
    ['url', url],
    ['sha256', sha256],
  ];
  const missing = values.filter(([key, value]) => {
    const node = doc.getIn(['spec', key], true);
    if (!isScalar(node) || !node.srcToken) return true;
    // The quoting the file used stays (a quoted sha256 stays quoted).
    CST.setScalarValue(node.srcToken, value);
    return false;
  });
  if (missing.length === 0) return tokens.map((token) => CST.stringify(token)).join('');
  const edited = parseDocument(configText, { uniqueKeys: false });
  for (const [key, value] of values) edited.setIn(['spec', key], value);
  return edited.toString({ lineWidth: 0 });
}

/**
 * The CHANGELOG with `section` (a `## ` section) placed before its first `## ` section, below the
 * title and any introduction; a missing file becomes `# Changelog` plus the section.
 */
export function changelogText(file: string, section: string): string {
  const body = section.trimEnd() + '\n';
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (text.trim() === '') return `# Changelog\n\n${body}`;
  const first = /^## /m.exec(text);
  if (!first) return `${text.trimEnd()}\n\n${body}`;
  return `${text.slice(0, first.index)}${body}\n${text.slice(first.index)}`;
}
