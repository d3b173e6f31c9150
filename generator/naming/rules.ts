/**
 * Naming rules for operations the names lock does not know (docs/NAMING.md, "Resource chain" and
 * "Method names"). Pure functions of the set of operation paths and each operation's shape: first
 * `indexPaths` looks at every path once, then `ruleName` names one operation from that index.
 */
import { plural, singular, splitWords, tsCamel, tsPascal } from './casing.ts';
import { domainVerb, verbLedWords, type StatedIntent } from './intent.ts';

export interface OperationShape extends StatedIntent {
  key: string;
  method: string;
  path: string;
  /** The GET returns a list (a page, or records bare or in `data`); undefined: the body alone cannot tell. */
  returnsList: boolean | undefined;
  /** The success response is 202 Accepted: the server took a job it processes later. */
  accepted?: boolean;
}

export interface RuleName {
  resource: string[];
  method: string;
  /** The method is spelled from a path word, not inferred from CRUD: it keeps its name in a collision. */
  literal?: boolean;
}

/**
 * Verbs of the verb-first rule. A folded `<noun>_<verb>` reads verb-first, and a folded segment that
 * is a verb alone names the method for every HTTP method (`PATCH .../cancel` -> cancel, not updateCancel).
 */
const VERBS = new Set(
  'start stop pause resume join update invite add remove end change cancel download'.split(' '),
);

/** A static path segment as naming sees it. */
interface Segment {
  /** Lower-case words of the literal text: the segment's name as a resource. */
  words: string[];
  /** Words including a parameter mixed into the literal: `{recording_sid}.json` -> recording, sid, json. */
  nameWords: string[];
  /**
   * The segment names a representation, not a CRUD collection: it mixes in a parameter or ends in a
   * format suffix (`{sid}.json`, `Recordings.json`), so its operations keep its name in the method.
   */
  literal: boolean;
}

/** What naming knows of one path; computed once however many operations share the path. */
interface PathInfo {
  /** Path segments, parameters as `{}`, joined with `/`: the key for per-path facts. */
  at: string;
  /** `at` less trailing parameters: where the operation lives (`x/{}/sub` for `/x/{id}/sub/{sid}`). */
  home: string;
  statics: Segment[];
  /** Parameters after the last static segment. */
  trailing: number;
  /** Canonical resource chain (lower-case words per level) and its key. */
  chain: string[][];
  key: string;
}

export const lowerWords = (text: string) => splitWords(text).map((w) => w.toLowerCase());
const keyOf = (chain: string[][]) => chain.map((w) => w.join('_')).join('/');
const isParam = (s: string) => s.charCodeAt(0) === 123 /* { */ && s.indexOf('}') === s.length - 1;

/** Path segments, `/v2` prefix dropped; bare parameters become `{}` to anchor positions. */
export function pathSegments(path: string): string[] {
  const segs = path
    .split('/')
    .filter(Boolean)
    .map((s) => (isParam(s) ? '{}' : s));
  return segs[0] === 'v2' ? segs.slice(1) : segs;
}

function parsePath(path: string): Omit<PathInfo, 'chain' | 'key'> {
  const segs = pathSegments(path);
  let trailing = 0;
  while (trailing < segs.length && segs[segs.length - 1 - trailing] === '{}') trailing++;
  const statics = segs
    // A segment without a letter or digit (`*`, `-`) names nothing: skipped like an empty one, else
    // it would give a resource or method an empty name (`export class  extends APIResource`).
    .filter((s) => s !== '{}' && lowerWords(s).length > 0)
    .map((s) => {
      const nameWords = lowerWords(s);
      const words = s.includes('{') ? lowerWords(s.replace(/\{[^}]*\}/g, ' ')) : nameWords;
      return { words, nameWords, literal: /\{|[^.]\.\w+$/.test(s) };
    });
  return { at: segs.join('/'), home: segs.slice(0, segs.length - trailing).join('/'), statics, trailing };
}

/** Every distinct path, parsed once, with its canonical chain. */
function describePaths(shapes: OperationShape[]): Map<string, PathInfo> {
  const parsed = new Map<string, Omit<PathInfo, 'chain' | 'key'>>();
  for (const { path } of shapes) if (!parsed.has(path)) parsed.set(path, parsePath(path));
  const known = knownChains([...parsed.values()].map((p) => p.statics.map((s) => s.words)));
  const done = new Map<string, string[][]>();
  const paths = new Map<string, PathInfo>();
  for (const [path, info] of parsed) {
    const chain = canonicalChain(
      info.statics.map((s) => s.words),
      known,
      done,
    );
    paths.set(path, { ...info, chain, key: keyOf(chain) });
  }
  return paths;
}

export type PathIndex = ReturnType<typeof indexPaths>;

/**
 * One pass over all operations. Per chain: how many operations live at its busiest home, so `/x/sub`
 * joins the sub-resource that `/x/{id}/sub` and `/x/{id}/sub/{sid}` make while two lone operations
 * make none; and whether deeper chains hang below. Per path: its HTTP methods, whether its GET returns
 * a document, whether it is a collection (`path/{id}...` exists) and whether its items have
 * operations of their own (`path/{id}`).
 */
export function indexPaths(shapes: OperationShape[]) {
  const paths = describePaths(shapes);
  const atHome = new Map<string, number>();
  const living = new Map<string, number>();
  const hasDeeper = new Set<string>();
  const methods = new Map<string, Set<string>>();
  const documentGets = new Set<string>();
  for (const shape of shapes) {
    const { chain, key, at, home } = paths.get(shape.path)!;
    atHome.set(home, (atHome.get(home) ?? 0) + 1);
    living.set(key, Math.max(living.get(key) ?? 0, atHome.get(home)!));
    for (let i = 1; i < chain.length; i++) hasDeeper.add(keyOf(chain.slice(0, i)));
    if (!methods.has(at)) methods.set(at, new Set());
    methods.get(at)!.add(shape.method);
    if (shape.method === 'get' && shape.returnsList === false) documentGets.add(at);
  }
  const collections = new Set<string>();
  for (const { at } of paths.values()) {
    const segs = at.split('/');
    segs.forEach(
      (s, i) => i > 0 && s === '{}' && segs[i - 1] !== '{}' && collections.add(segs.slice(0, i).join('/')),
    );
  }
  const withItems = new Set(
    [...methods.keys()].filter((at) => at.endsWith('/{}')).map((at) => at.slice(0, -3)),
  );
  return { paths, living, hasDeeper, collections, withItems, methods, documentGets };
}

type Known = ReturnType<typeof knownChains>;

/** Every static chain prefix, and the segments found under each parent chain. */
function knownChains(chains: string[][][]) {
  const siblings = new Map<string, Set<string>>();
  const prefixes = new Set<string>();
  for (const chain of chains) {
    let parent = '';
    for (const words of chain) {
      if (!siblings.has(parent)) siblings.set(parent, new Set());
      siblings.get(parent)!.add(words.join('_'));
      parent = parent ? `${parent}/${words.join('_')}` : words.join('_');
      prefixes.add(parent);
    }
  }
  return { siblings, prefixes };
}

/**
 * The same resource reached two ways gets one chain: a segment that is the singular of a sibling
 * joins it (`partnerCampaign` next to `partner_campaigns`), and `<singular parent>_<sub>` joins
 * `parent.sub` when that sub-resource exists (`room_sessions` -> rooms.sessions, as `/rooms/{id}/sessions`).
 * `done` holds the canonical form of raw chain prefixes already seen, since paths share most of them.
 */
function canonicalChain(chain: string[][], known: Known, done: Map<string, string[][]>): string[][] {
  let out: string[][] = [];
  let raw = '';
  for (const words of chain) {
    raw = `${raw}/${words.join('_')}`;
    const seen = done.get(raw);
    if (seen) {
      out = seen;
      continue;
    }
    const siblings = known.siblings.get(keyOf(out)) ?? new Set<string>();
    const pluralWords = [...words.slice(0, -1), plural(words[words.length - 1] ?? '')];
    if (words.length > 0 && siblings.has(pluralWords.join('_'))) out = [...out, pluralWords];
    else
      out = [
        ...out,
        ...splitAtParent(words, siblings, (head, rest) => known.prefixes.has(keyOf([...out, head, rest]))),
      ];
    done.set(raw, out);
  }
  return out;
}

/** `room_sessions` -> [rooms], [sessions] when `rooms` is a sibling and `rooms/sessions` is a chain. */
function splitAtParent(
  words: string[],
  siblings: Set<string>,
  exists: (head: string[], rest: string[]) => boolean,
): string[][] {
  for (let i = 1; i < words.length; i++) {
    const head = [...words.slice(0, i - 1), plural(words[i - 1])];
    const rest = words.slice(i);
    if (siblings.has(head.join('_')) && exists(head, rest)) return [head, rest];
  }
  return [words];
}

/** Segment -> accessor: camelCase with TS acronyms; a digit-led segment gets a readable prefix. */
export function segmentName(segment: string | string[], digitPrefix: string): string {
  const name = tsCamel(segment);
  return /^[0-9]/.test(name) ? digitPrefix + name : name;
}

export function ruleName(shape: OperationShape, index: PathIndex, digitPrefix: string): RuleName {
  const info = index.paths.get(shape.path)!;
  const { chain, key, statics, trailing } = info;
  if (chain.length === 0) return { resource: ['root'], method: slotMethod(shape, info, index) };
  const names = chain.map((words) => segmentName(words, digitPrefix));
  const last = statics[statics.length - 1];
  const folds = chain.length > 1 && (index.living.get(key) ?? 0) <= 1 && !index.hasDeeper.has(key);
  if (folds) {
    // A segment split to join its parent (`messaging_profile_metrics`) folds under its own part (`metrics`).
    const own = chain.length > statics.length ? chain[chain.length - 1] : last.nameWords;
    const words = last.literal ? last.nameWords : withoutParentNoun(own, chain[chain.length - 2]);
    const method = foldedMethod(words, shape, trailing, last.literal ? undefined : info);
    return { resource: names.slice(0, -1), method, literal: true };
  }
  // A path whose GET returns a document while `{id}` items hang below it is no CRUD collection
  // (TeXML `Calls`: retrieveCalls, and POST `calls`); like a literal segment it keeps its name.
  const document = trailing === 0 && index.documentGets.has(info.at) && index.withItems.has(info.at);
  if (last.literal || document)
    return { resource: names, method: foldedMethod(last.nameWords, shape, trailing), literal: true };
  return { resource: names, method: slotMethod(shape, info, index) };
}

/** A CRUD slot takes the verb its summary and operationId agree on, else its CRUD name (intent.ts). */
const slotMethod = (shape: OperationShape, info: PathInfo, index: PathIndex) =>
  domainVerb(shape) ?? crudMethod(shape, info, index);

/** A folded segment does not repeat its parent's noun: `/networks/{id}/network_interfaces` -> listInterfaces. */
function withoutParentNoun(words: string[], parent: string[]): string[] {
  const noun = singular(parent[parent.length - 1]);
  return words.length > 1 && words[0] === noun ? words.slice(1) : words;
}

function crudMethod(shape: OperationShape, { at, trailing }: PathInfo, index: PathIndex): string {
  const collection = trailing === 0 && index.collections.has(at);
  const verbs = index.methods.get(at)!;
  switch (shape.method) {
    case 'get':
      if (trailing > 0) return 'retrieve';
      // When the body cannot tell, a path you POST to or with `{id}` items below it is a collection.
      return (shape.returnsList ?? (collection || verbs.has('post'))) ? 'list' : 'retrieve';
    case 'post':
      // POST on `/x/{id}` updates, unless PUT or PATCH already does: then it creates at that id.
      return trailing === 0 || verbs.has('put') || verbs.has('patch') ? 'create' : 'update';
    case 'put':
    case 'patch':
      return 'update';
    case 'delete':
      // DELETE on a collection whose items have their own operations removes many at once.
      return trailing === 0 && index.withItems.has(at) ? 'deleteBulk' : 'delete';
    default:
      return shape.method;
  }
}

/** The prefix a folded segment takes for each HTTP method; POST uses the segment as it is. */
function foldedPrefix(shape: OperationShape): string {
  if (shape.method === 'get') return shape.returnsList ? 'list' : 'retrieve';
  if (shape.method === 'put' || shape.method === 'patch') return 'update';
  return shape.method === 'post' ? '' : shape.method;
}

/** A method cannot start with a digit (`client.brand.2faEmail` does not parse): POST says `create` then. */
const identifier = (method: string) => (/^[0-9]/.test(method) ? 'create' + method : method);

/**
 * A folded segment becomes the method. A verb names it verb-first (`playback_stop` -> stopPlayback);
 * otherwise POST uses the segment and other methods prefix it, without doubling a prefix the segment
 * starts with (`update_global_channel_limit`). A parameter after the segment picks one item, so the
 * noun goes singular (`GET /x/countries/{code}` -> retrieveCountry). A folded path word (`folded`,
 * not a literal representation such as `Streams.json`) lets a POST's stated verb lead (intent.ts);
 * right after a path parameter it is a noun of one item, so even a CRUD verb leads (createToken).
 */
function foldedMethod(words: string[], shape: OperationShape, trailing: number, folded?: PathInfo): string {
  const lastWord = words[words.length - 1];
  if (words.length === 1 && VERBS.has(lastWord)) return tsCamel(words);
  if (words.length > 1 && VERBS.has(lastWord)) return tsCamel([lastWord, ...words.slice(0, -1)]);
  const segs = folded?.at.split('/') ?? [];
  const onItem = segs[segs.length - 2 - (folded?.trailing ?? 0)] === '{}';
  const verbLed = folded ? verbLedWords(words, shape, onItem) : undefined;
  if (verbLed) return tsCamel(verbLed);
  const prefix = foldedPrefix(shape);
  const noun = trailing > 0 && !shape.returnsList ? [...words.slice(0, -1), singular(lastWord)] : words;
  if (prefix === '' || noun[0] === prefix) return identifier(tsCamel(noun));
  return prefix + tsPascal(noun);
}
