/**
 * The fast path of parse.ts. The `yaml` package builds a full Document (every node an object with its
 * range) before it hands out data: ~2.5 s of a cold run on the Telnyx spec. js-yaml's event parser
 * reads the same text as a flat list of events that carry source offsets, ~10x faster; the data is
 * constructed from the events, and the offsets become a compact position index (typed arrays) that
 * answers `file:line:col` for a JSON pointer exactly as the Document would.
 *
 * Exactness is kept by refusing, not by imitating: any input outside the plain subset both parsers
 * read the same way (anchors, aliases, tags, directives, a BOM, a lone CR, several documents,
 * non-scalar, null, long or multi-line keys, a repeated key, tab indentation, a root that is not a
 * mapping, nesting past js-yaml's 100 levels, anything js-yaml rejects) returns undefined, and
 * parse.ts reads it with the `yaml` package, whose errors and bounds stay the ones users see. Plain scalars resolve through the `yaml` package's own core-schema tags.
 * test/fast-yaml.test.ts compares both paths, data and every node's position, on mutated specs.
 */
import {
  EVENT_ID,
  NOT_RESOLVED,
  SCALAR_STYLE,
  getScalarValue,
  parseEvents,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { Schema as YamlSchema, isScalar, type ScalarTag } from 'yaml';

/** The `yaml` package's implicit core-schema scalar tags (null, bool, int, float), in its order. */
export const CORE_TAGS = new YamlSchema({}).tags.filter(
  (tag): tag is ScalarTag => tag.default === true && 'test' in tag && tag.test instanceof RegExp,
);
const RESOLVE_OPTIONS = { intAsBigInt: false } as Parameters<ScalarTag['resolve']>[2];

/**
 * What each of those tags' tests can start with (null: `~`/`null`/empty, bool, the numbers, `.inf`):
 * most scalars start otherwise and skip the eight tests. test/fast-yaml.test.ts checks the set.
 */
export const MAY_RESOLVE = /^(?:$|[-+.0-9~nNtTfF])/;

/** A plain scalar's value as the `yaml` package resolves it, or NOT_RESOLVED for a string. */
function resolvePlain(source: string): unknown {
  if (!MAY_RESOLVE.test(source)) return NOT_RESOLVED;
  for (const tag of CORE_TAGS) {
    if (!tag.test!.test(source)) continue;
    const value = tag.resolve(source, () => {}, RESOLVE_OPTIONS);
    return isScalar(value) ? value.value : value;
  }
  return NOT_RESOLVED;
}

const MAP = 1;
const SEQ = 2;
const SCALAR = 3;
/** Longer keys fall back: the `yaml` package limits implicit keys to 1024 characters. */
const MAX_FAST_KEY = 1000;

/**
 * Node k (in document order) starts at `start[k]` (-1: an empty node, which has no offset here), is
 * a MAP, SEQ or SCALAR, and its subtree ends before node `end[k]`. `keys[k]` is the key's string when
 * node k is a mapping key that the `yaml` package would match against a pointer segment.
 */
export interface PositionIndex {
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  keys: (string | undefined)[];
}

export interface FastParse {
  data: Record<string, unknown>;
  index: PositionIndex;
}

/** Data and positions, or undefined when the `yaml` package must read the text (see above). */
export function fastParse(text: string): FastParse | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  if (text.includes('\t') && /(?:^|\n) *\t/.test(text)) return undefined;
  // A lone CR ends a line for js-yaml (as YAML 1.2 says), not for the `yaml` package.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  try {
    return readEvents(text, parseEvents(text, {}));
  } catch {
    return undefined; // a syntax error, or nesting past js-yaml's depth: the Document reports it
  }
}

/**
 * One pass over the events: the guards of the plain subset, the data, and the position index. The
 * data is built here rather than by js-yaml's constructor (3x slower on this subset, which has no
 * tags, anchors or merge keys) the way the `yaml` package's toJS builds it: keys as `String(key)`,
 * an inherited name (`__proto__`) defined as an own property, a repeated key refused.
 */
function readEvents(text: string, events: Event[]): FastParse | undefined {
  const n = events.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const kind = new Uint8Array(n);
  const keys: (string | undefined)[] = [];
  /** Open collections: node index, the object or array, and for a mapping its pending key. */
  const open: number[] = [];
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const pendingKeys: (string | undefined)[] = [];
  let root: Record<string, unknown> | undefined;
  let count = 0;
  let documents = 0;
  let lastScalarEnd = 0;
  /** Adds a finished value (or a collection about to be filled) to the open collection. */
  const place = (value: unknown): boolean => {
    const top = containers.length - 1;
    const container = containers[top];
    if (Array.isArray(container)) {
      container.push(value);
      return true;
    }
    const key = pendingKeys[top]!;
    pendingKeys[top] = undefined;
    if (Object.prototype.hasOwnProperty.call(container, key)) return false;
    if (key in container)
      Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
    else container[key] = value;
    return true;
  };
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || event.directives.length > 0) return undefined;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      if (open.length === 0) continue; // the document's own end
      end[open.pop()!] = count;
      containers.pop();
      pendingKeys.pop();
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
    const k = count++;
    const parent = containers.length - 1;
    if (parent < 0 && event.type !== EVENT_ID.MAPPING) return undefined;
    const isKey = parent >= 0 && !Array.isArray(containers[parent]) && pendingKeys[parent] === undefined;
    if (event.type === EVENT_ID.SCALAR) {
      kind[k] = SCALAR;
      start[k] = scalarStart(text, event, lastScalarEnd);
      end[k] = k + 1;
      if (event.valueEnd !== -1) lastScalarEnd = event.valueEnd;
      const source = getScalarValue(text, event);
      const resolved = event.style === SCALAR_STYLE.PLAIN ? resolvePlain(source) : NOT_RESOLVED;
      if (isKey) {
        const { valueStart, valueEnd } = event;
        if (valueStart === -1 || valueEnd - valueStart > MAX_FAST_KEY) return undefined;
        if (text.lastIndexOf('\n', valueEnd - 1) >= valueStart) return undefined;
        if (resolved === null) return undefined; // a null key is "" in one parser, "null" in the other
        // The Document finds a key by its value: a segment (a string) never matches `200:` (a number).
        keys.push(resolved === NOT_RESOLVED ? source : undefined);
        pendingKeys[parent] = resolved === NOT_RESOLVED ? source : String(resolved);
        continue;
      }
      keys.push(undefined);
      // A long quoted scalar is a rope of its pieces until read whole: reading it flattens it in place.
      if (resolved === NOT_RESOLVED && source.length > 4096) source.charCodeAt(0);
      if (!place(resolved === NOT_RESOLVED ? source : resolved)) return undefined;
      continue;
    }
    if (isKey) return undefined;
    keys.push(undefined);
    const container = event.type === EVENT_ID.MAPPING ? {} : [];
    if (parent < 0) root = container as Record<string, unknown>;
    else if (!place(container)) return undefined;
    kind[k] = event.type === EVENT_ID.MAPPING ? MAP : SEQ;
    start[k] = event.start;
    open.push(k);
    containers.push(container);
    pendingKeys.push(undefined);
  }
  if (documents !== 1 || !root) return undefined;
  const index = { start: start.slice(0, count), end: end.slice(0, count), kind: kind.slice(0, count), keys };
  return { data: root, index };
}

/**
 * Where the Document's range of a scalar starts: at the opening quote, at a block scalar's `|` or `>`
 * (js-yaml's value starts inside the quotes, or on the line after the header). -1 when unsure.
 */
function scalarStart(text: string, event: ScalarEvent, lastScalarEnd: number): number {
  const { valueStart, style } = event;
  if (valueStart === -1) return -1;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
    const quote = style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : '"';
    return text[valueStart - 1] === quote ? valueStart - 1 : -1;
  }
  if (style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK) {
    if (text[valueStart - 1] !== '\n') return -1;
    // The header is on the line before the content, after the key (or `-`) it follows.
    const from = Math.max(text.lastIndexOf('\n', valueStart - 2) + 1, lastScalarEnd);
    const header = text.slice(from, valueStart).search(style === SCALAR_STYLE.LITERAL_BLOCK ? /\|/ : />/);
    return header === -1 ? -1 : from + header;
  }
  return valueStart;
}

/**
 * The node at the longest prefix of `segments` that exists, as the Document's `getIn` finds it:
 * mapping keys by value, sequence items by an index (`Number` of the segment).
 */
export function findNode(index: PositionIndex, segments: readonly string[]): { node: number; depth: number } {
  let node = 0;
  let depth = 0;
  for (const segment of segments) {
    const child = childOf(index, node, segment);
    if (child === undefined) break;
    node = child;
    depth++;
  }
  return { node, depth };
}

function childOf(index: PositionIndex, node: number, segment: string): number | undefined {
  const { end, kind, keys } = index;
  if (kind[node] === MAP) {
    for (let key = node + 1; key < end[node]; key = end[key + 1]) {
      if (keys[key] === segment) return key + 1;
    }
    return undefined;
  }
  if (kind[node] === SEQ) {
    const wanted = segment === '' ? NaN : Number(segment);
    if (!Number.isInteger(wanted) || wanted < 0) return undefined;
    let item = node + 1;
    for (let i = 0; i < wanted && item < end[node]; i++) item = end[item];
    return item < end[node] ? item : undefined;
  }
  return undefined;
}
