/**
 * YAML (or JSON) text -> plain data, keeping a way back from a JSON pointer to `file:line:col`.
 * The YAML AST is kept only while the run needs positions; `locate` falls back to the pointer.
 */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InputError, segmentsOf } from '../errors.ts';
import { displayPath } from '../config.ts';

export interface ParsedFile {
  file: string;
  data: unknown;
  /** `file:line:col` of the node at `pointer`, or `file#pointer` when the position is unknown. */
  locate(pointer: string): string;
}

export function parseSpecText(text: string, file: string): ParsedFile {
  const shown = file.includes('://') ? file : displayPath(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    throw new InputError(
      `invalid YAML: ${e.message.split('\n')[0]}`,
      `${shown}:${pos.line}:${pos.col}`,
      'fix the YAML syntax at that line and column',
    );
  }
  const data = doc.toJS({ maxAliasCount: -1 });
  return { file, data, locate: locator(doc, lineCounter, shown) };
}

/** A missing node (e.g. an absent `responses`) is located at its nearest existing ancestor. */
function locator(doc: Document, lineCounter: LineCounter, shown: string) {
  return (pointer: string): string => {
    const segments = segmentsOf(pointer);
    for (let n = segments.length; n >= 0; n--) {
      let node: Node | undefined;
      try {
        node = (n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true)) as Node | undefined;
      } catch {
        node = undefined;
      }
      const offset = node?.range?.[0];
      if (offset === undefined) continue;
      const pos = lineCounter.linePos(offset);
      return `${shown}:${pos.line}:${pos.col}`;
    }
    return `${shown}#${pointer}`;
  };
}
