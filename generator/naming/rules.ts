/**
 * Naming rules for operations the names lock does not know (docs/NAMING.md, "Resource chain" and
 * "Method names"). Pure functions of the set of operation paths and each operation's shape.
 */
import { tsCamel, tsPascal, splitWords } from './casing.ts';

export interface OperationShape {
  key: string;
  method: string;
  path: string;
  /** The GET returns a list: an array, a page, or an object whose `data` is an array. */
  returnsList: boolean;
}

export interface RuleName {
  resource: string[];
  method: string;
}

/** Verbs that read verb-first when they end a folded `<noun>_<verb>` segment. */
const TRAILING_VERBS = new Set(['start', 'stop', 'pause', 'resume', 'join', 'update', 'invite', 'add', 'remove', 'end']);

/** Static segments of a path, `/v2` prefix dropped; params are kept as `{}` to anchor positions. */
export function pathSegments(path: string): string[] {
  const segs = path.split('/').filter(Boolean).map((s) => (s.startsWith('{') ? '{}' : s));
  return segs[0] === 'v2' ? segs.slice(1) : segs;
}

/** The path with trailing parameters stripped: where the operation "lives". */
function home(segs: string[]): string {
  let end = segs.length;
  while (end > 0 && segs[end - 1] === '{}') end--;
  return segs.slice(0, end).join('/');
}

/** Counts operations living exactly at each static prefix, and prefixes with deeper paths below. */
export function indexPaths(shapes: OperationShape[]) {
  const living = new Map<string, number>();
  const hasDeeper = new Set<string>();
  for (const shape of shapes) {
    const segs = pathSegments(shape.path);
    const at = home(segs);
    living.set(at, (living.get(at) ?? 0) + 1);
    for (let i = 1; i < segs.length; i++) {
      if (segs[i] !== '{}' && segs[i - 1] !== undefined) hasDeeper.add(home(segs.slice(0, i)));
    }
  }
  return { living, hasDeeper };
}

/** Segment -> accessor: camelCase with TS acronyms; a digit-led segment gets a readable prefix. */
export function segmentName(segment: string, digitPrefix: string): string {
  const name = tsCamel(segment);
  return /^[0-9]/.test(name) ? digitPrefix + name : name;
}

export function ruleName(shape: OperationShape, index: ReturnType<typeof indexPaths>, digitPrefix: string): RuleName {
  const segs = pathSegments(shape.path);
  const statics = segs.map((s, i) => ({ s, i })).filter((x) => x.s !== '{}');
  const endsInParam = segs[segs.length - 1] === '{}';
  const last = statics[statics.length - 1];
  const chainOf = (items: typeof statics) => items.map((x) => segmentName(x.s, digitPrefix));
  if (!last) return { resource: ['root'], method: crudMethod(shape, endsInParam) };
  const prefix = home(segs.slice(0, last.i + 1));
  const folds =
    statics.length > 1 && !endsInParam && (index.living.get(prefix) ?? 0) <= 1 && !index.hasDeeper.has(prefix);
  if (folds) return { resource: chainOf(statics.slice(0, -1)), method: foldedMethod(last.s, shape) };
  return { resource: chainOf(statics), method: crudMethod(shape, endsInParam) };
}

function crudMethod(shape: OperationShape, endsInParam: boolean): string {
  switch (shape.method) {
    case 'get':
      return !endsInParam && shape.returnsList ? 'list' : 'retrieve';
    case 'post':
      return endsInParam ? 'update' : 'create';
    case 'put':
    case 'patch':
      return 'update';
    case 'delete':
      return 'delete';
    default:
      return shape.method;
  }
}

/** A folded segment becomes the method: POST -> the segment; other verbs prefix it. */
function foldedMethod(segment: string, shape: OperationShape): string {
  const words = splitWords(segment);
  const lastWord = words[words.length - 1]?.toLowerCase();
  const verbFirst = words.length > 1 && TRAILING_VERBS.has(lastWord) ? [lastWord, ...words.slice(0, -1)] : words;
  switch (shape.method) {
    case 'post':
      return tsCamel(verbFirst);
    case 'get':
      return (shape.returnsList ? 'list' : 'retrieve') + tsPascal(words);
    case 'put':
    case 'patch':
      return 'update' + tsPascal(words);
    case 'delete':
      return 'delete' + tsPascal(words);
    default:
      return tsCamel([shape.method, ...words]);
  }
}
