/**
 * YAML (or JSON) text -> plain data, keeping a way back from a JSON pointer to `file:line:col`.
 * Most specs take the fast path (fast-yaml.ts: js-yaml's event parser and a compact position index);
 * the rest, and every text with a syntax error, are read by the `yaml` package with a Document, so
 * errors, the alias bound and positions are the ones it gives. No parse tree outlives the load.
 */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { pointerOf } from '../errors.ts';
import { InputError, segmentsOf } from '../errors.ts';
import { displayPath } from '../util/paths.ts';
import { isPlainObject } from '../util/objects.ts';
import { checkAliases } from '../util/yaml-aliases.ts';
import { fastParse, findNode } from './fast-yaml.ts';

export interface ParsedFile {
  file: string;
  data: unknown;
  /** `file:line:col` of the node at `pointer`, or `file#pointer` when the position is unknown. */
  locate(pointer: string): string;
  /** Positions of every operation and its first tag, keyed by JSON pointer. */
  operationPositions(): Record<string, string>;
}

export function parseSpecText(text: string, file: string): ParsedFile {
  const shown = file.includes('://') ? file : displayPath(file);
  const fast = fastParse(text);
  if (!fast) return parseWithDocument(text, file, shown);
  // A pointer that ends at an empty node (`key:` with no value) has no offset in the index: the
  // Document places it, parsed only then.
  let slow: ParsedFile | undefined;
  const slowLocate = (pointer: string) => (slow ??= parseWithDocument(text, file, shown)).locate(pointer);
  const position = positionsIn(text, shown);
  const offsetOf = (segments: readonly string[], exact: boolean): number | undefined => {
    const { node, depth } = findNode(fast.index, segments);
    if (exact && depth < segments.length) return undefined;
    return fast.index.start[node];
  };
  const locate = (pointer: string): string => {
    const offset = offsetOf(segmentsOf(pointer), false)!;
    return offset === -1 ? slowLocate(pointer) : position(offset);
  };
  return {
    file,
    data: fast.data,
    locate,
    operationPositions: () =>
      operationPositions(fast.data, (segments) => {
        const offset = offsetOf(segments, true);
        return offset === undefined || offset === -1 ? undefined : position(offset);
      }),
  };
}

/** `file:line:col` of an offset: the `yaml` package's LineCounter, fed every line start on first use. */
function positionsIn(text: string, shown: string): (offset: number) => string {
  let lineCounter: LineCounter | undefined;
  return (offset) => {
    if (!lineCounter) {
      lineCounter = new LineCounter();
      lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    }
    const pos = lineCounter.linePos(offset);
    return `${shown}:${pos.line}:${pos.col}`;
  };
}

/**
 * Positions of every operation and its first tag, keyed by JSON pointer, for the load cache (a warm
 * run locates them without parsing); `exactAt` is undefined where the node itself has no position.
 */
function operationPositions(
  data: unknown,
  exactAt: (segments: string[]) => string | undefined,
): Record<string, string> {
  const positions: Record<string, string> = {};
  const paths = isPlainObject(data) ? data.paths : undefined;
  if (!isPlainObject(paths)) return positions;
  for (const [path, item] of Object.entries(paths)) {
    if (!isPlainObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isPlainObject(op)) continue;
      const segments = ['paths', path, method];
      const where = exactAt(segments);
      if (where) positions[pointerOf(segments)] = where;
      const firstTag = Array.isArray(op.tags) ? exactAt([...segments, 'tags', '0']) : undefined;
      if (firstTag) positions[`${pointerOf(segments)}/tags/0`] = firstTag;
    }
  }
  return positions;
}

/** The `yaml` package's Document: exact errors and bounds for any input, ~10x slower. */
function parseWithDocument(text: string, file: string, shown: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    // The parser recurses per nesting level and reports its own stack overflow as an error here.
    const tooDeep = /call stack/i.test(e.message);
    throw new InputError(
      tooDeep ? 'the YAML is nested too deeply to read' : `invalid YAML: ${e.message.split('\n')[0]}`,
      `${shown}:${pos.line}:${pos.col}`,
      tooDeep
        ? 'move deeply nested schemas into components/schemas and point at them with $ref'
        : 'fix the YAML syntax at that line and column',
    );
  }
  // Bounded here, with the alias's position; the library's own count (maxAliasCount) has none.
  checkAliases(doc, lineCounter, shown);
  const data = doc.toJS({ maxAliasCount: -1 });
  flattenLongStrings(data);
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return `${shown}:${pos.line}:${pos.col}`;
  };
  return {
    file,
    data,
    locate: locator(doc, lineCounter, shown),
    operationPositions: () => operationPositions(data, (segments) => at(doc.getIn(segments, true) as Node)),
  };
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
    // An empty document has no node at all: its root is its first character.
    return pointer === '' ? `${shown}:1:1` : `${shown}#${pointer}`;
  };
}

/**
 * The YAML library builds a double-quoted scalar one character at a time (`res += ch`), which V8
 * keeps as a rope of one node per character until something reads the string as a whole: ~32 bytes
 * per character, 160 MB for a 5 MB description, held for the whole run. Reading the first character
 * of a long string flattens it in place (for the AST's copy too), and the rope becomes garbage.
 */
function flattenLongStrings(data: unknown): void {
  const stack = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const value of Object.values(node)) {
      if (typeof value === 'string') {
        if (value.length > 4096) value.charCodeAt(0);
      } else if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}
