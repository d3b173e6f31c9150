/**
 * Two type nodes compared structurally, named references resolved on each side by that side's own
 * model: a schema renamed with the same shape is no change, a field removed three refs deep is one.
 * Every difference is classed for the direction values flow (types.ts `Direction`):
 *
 * - request (the user writes it): breaking when the new type accepts less: a field or variant
 *   removed, a new required field, an enum value removed or an enum where there was none, null no
 *   longer accepted, another type;
 * - response (the user reads it): breaking when the new type may hold what the old did not promise:
 *   a field removed or now optional, null now possible, a single type turned into a union, another
 *   type. Not breaking: new fields, fewer enum values, and (decided, README "Change report") new
 *   enum values and new variants of a union that already had several: the API adds kinds of things
 *   routinely and clients must expect unknown ones (an exhaustive `switch` needs a default branch).
 *
 * Formats are reported, but break only to or from `binary`: every other format is the same TS type
 * (`string`), so code written against the old one still compiles and runs.
 *
 * Cycle-safe and bounded: each pair of named types is compared once per direction (memoised, a pair
 * already being compared higher up is not entered again) and nesting stops at MAX_DEPTH.
 */
import type { ObjectNode, ScalarNode, TypeNode } from '../model/index.ts';
import type { ChangeKind, Direction } from './types.ts';
import { matchVariants } from './variants.ts';

/** A difference at `path`, relative to where the comparison started ('' = the node itself). */
export interface TypeChange {
  kind: ChangeKind;
  path: string;
  breaking: boolean;
  detail: string;
}

export type Resolve = (node: TypeNode) => TypeNode;

/** Nested nodes followed below one starting point; deeper differences are not looked for. */
export const MAX_DEPTH = 24;

export interface Comparator {
  compare(oldType: TypeNode, newType: TypeNode, direction: Direction): TypeChange[];
}

/** A comparator over two models; its memo lives as long as it does (one report). */
export function makeComparator(oldResolve: Resolve, newResolve: Resolve): Comparator {
  const memo = new Map<string, TypeChange[]>();
  const active = new Set<string>();

  const compare = (o: TypeNode, n: TypeNode, dir: Direction, depth: number): TypeChange[] => {
    if (depth > MAX_DEPTH) return [];
    const oldNode = o.kind === 'ref' ? oldResolve(o) : o;
    const newNode = n.kind === 'ref' ? newResolve(n) : n;
    // A ref may add `nullable` beside the named type (3.0 `allOf: [$ref]` + `nullable`).
    const own = nullability(!!(o.nullable || oldNode.nullable), !!(n.nullable || newNode.nullable), dir);
    const inner = (from: number) => compareShapes(notNull(oldNode), notNull(newNode), dir, from);
    if (o.kind !== 'ref' || n.kind !== 'ref') return own ? [own, ...inner(depth)] : inner(depth);
    // A pair of named types changes the same way wherever it is met: compared once, from depth 0.
    const key = `${dir}\0${o.name}\0${n.name}`;
    let found = memo.get(key);
    if (!found) {
      if (active.has(key)) return own ? [own] : [];
      active.add(key);
      found = inner(0);
      active.delete(key);
      memo.set(key, found);
    }
    return own ? [own, ...found] : found;
  };

  /** Two resolved nodes, their own nullability already compared. */
  const compareShapes = (o: TypeNode, n: TypeNode, dir: Direction, depth: number): TypeChange[] => {
    const ov = variantsOf(o);
    const nv = variantsOf(n);
    if (ov.length > 1 || nv.length > 1) return compareVariants(ov, nv, dir, depth);
    return compareSingle(o, n, dir, depth);
  };

  const compareSingle = (o: TypeNode, n: TypeNode, dir: Direction, depth: number): TypeChange[] => {
    if (o.kind === 'ref' || n.kind === 'ref') return compare(o, n, dir, depth + 1);
    if (o.kind !== n.kind) return [kindChange(o, n, dir)];
    switch (o.kind) {
      case 'string':
      case 'integer':
      case 'number':
      case 'boolean':
      case 'null':
        return compareScalars(o, n as ScalarNode, dir);
      case 'array':
        return nested('[]', compare(o.items, (n as typeof o).items, dir, depth + 1));
      case 'object':
        return compareObjects(o, n as ObjectNode, dir, depth);
      case 'intersection':
        return fingerprint(o) === fingerprint(n)
          ? []
          : [{ kind: 'type-changed', path: '', breaking: true, detail: 'allOf parts changed' }];
      default:
        return [];
    }
  };

  const compareObjects = (o: ObjectNode, n: ObjectNode, dir: Direction, depth: number): TypeChange[] => {
    const out: TypeChange[] = [];
    // Fields that never flow this way are not part of the type the user sees here.
    const visible = (p: ObjectNode['properties'][number]) => (dir === 'request' ? !p.readOnly : !p.writeOnly);
    const olds = new Map(o.properties.filter(visible).map((p) => [p.name, p]));
    const news = new Map(n.properties.filter(visible).map((p) => [p.name, p]));
    for (const [name, p] of olds) {
      const q = news.get(name);
      if (!q) {
        out.push({ kind: 'field-removed', path: name, breaking: true, detail: 'removed' });
        continue;
      }
      if (p.required !== q.required) {
        const nowRequired = q.required;
        out.push({
          kind: nowRequired ? 'field-required' : 'field-optional',
          path: name,
          breaking: dir === 'request' ? nowRequired : !nowRequired,
          detail: nowRequired ? 'now required' : 'now optional',
        });
      }
      out.push(...nested(name, compare(p.type, q.type, dir, depth + 1)));
    }
    for (const [name, q] of news) {
      if (olds.has(name)) continue;
      const breaking = dir === 'request' && q.required;
      out.push({
        kind: 'field-added',
        path: name,
        breaking,
        detail: q.required ? 'added, required' : 'added',
      });
    }
    out.push(...compareAdditional(o.additional, n.additional, dir, depth));
    return out;
  };

  const compareAdditional = (
    o: ObjectNode['additional'],
    n: ObjectNode['additional'],
    dir: Direction,
    depth: number,
  ): TypeChange[] => {
    if (!o && !n) return [];
    if (!o || !n) {
      // Other keys no longer accepted (request) or no longer returned (response): both break.
      const gone = !n;
      return [
        {
          kind: 'type-changed',
          path: '',
          breaking: gone,
          detail: gone ? 'no longer takes keys besides its fields' : 'takes keys besides its fields',
        },
      ];
    }
    if (o === true || n === true) {
      const narrowed = o === true && dir === 'request';
      const widened = n === true && dir === 'response';
      return o === n
        ? []
        : [
            {
              kind: 'type-changed',
              path: '[key]',
              breaking: narrowed || widened,
              detail: 'value type changed',
            },
          ];
    }
    return nested('[key]', compare(o, n, dir, depth + 1));
  };

  const compareVariants = (ov: TypeNode[], nv: TypeNode[], dir: Direction, depth: number): TypeChange[] => {
    const out: TypeChange[] = [];
    const pairs = matchVariants(ov, nv, oldResolve, newResolve);
    for (const [i, j] of pairs) out.push(...compareSingle(ov[i], nv[j], dir, depth + 1));
    const matchedOld = new Set(pairs.map(([i]) => i));
    const matchedNew = new Set(pairs.map(([, j]) => j));
    const removed = ov.filter((_, i) => !matchedOld.has(i));
    const added = nv.filter((_, j) => !matchedNew.has(j));
    if (removed.length)
      out.push({
        kind: 'variant-removed',
        path: '',
        breaking: dir === 'request',
        detail: `no longer ${dir === 'request' ? 'accepts' : 'returns'} ${removed.map(label).join(', ')}`,
      });
    // A union in a response that gains a variant is open like an enum (see above); a single type
    // that becomes a union is not: code that read it as that type no longer compiles.
    if (added.length)
      out.push({
        kind: 'variant-added',
        path: '',
        breaking: dir === 'response' && ov.length < 2,
        detail: `${dir === 'request' ? 'accepts' : 'may return'} ${added.map(label).join(', ')}`,
      });
    return out;
  };

  return { compare: (o, n, dir) => compare(o, n, dir, 0) };
}

function nullability(was: boolean, is: boolean, dir: Direction): TypeChange | undefined {
  if (was === is) return undefined;
  return {
    kind: is ? 'nullable-added' : 'nullable-removed',
    path: '',
    breaking: dir === 'request' ? !is : is,
    detail: is ? 'may now be null' : 'no longer null',
  };
}

function compareScalars(o: ScalarNode, n: ScalarNode, dir: Direction): TypeChange[] {
  const out: TypeChange[] = [];
  if (o.format !== n.format) {
    // TS spells every format but `binary` as the same type: only to or from bytes does it change.
    const breaking = (o.format === 'binary') !== (n.format === 'binary');
    out.push({
      kind: 'format-changed',
      path: '',
      breaking,
      detail: `format ${o.format ?? '(none)'} -> ${n.format ?? '(none)'}`,
    });
  }
  const oldEnum = o.enum;
  const newEnum = n.enum;
  if (oldEnum && !newEnum)
    out.push({
      kind: 'enum-values-added',
      path: '',
      breaking: false,
      detail: 'any value now (enum dropped)',
    });
  else if (!oldEnum && newEnum)
    out.push({
      kind: 'enum-values-removed',
      path: '',
      breaking: dir === 'request',
      detail: `now restricted to ${values(newEnum)}`,
    });
  else if (oldEnum && newEnum) {
    const removed = oldEnum.filter((v) => !newEnum.includes(v));
    const added = newEnum.filter((v) => !oldEnum.includes(v));
    if (removed.length)
      out.push({
        kind: 'enum-values-removed',
        path: '',
        breaking: dir === 'request',
        detail: `${values(removed)} removed`,
      });
    if (added.length)
      out.push({ kind: 'enum-values-added', path: '', breaking: false, detail: `${values(added)} added` });
  }
  return out;
}

/** integer -> number widens a request and breaks a response; unknown is the widest of all. */
function kindChange(o: TypeNode, n: TypeNode, dir: Direction): TypeChange {
  const widens = n.kind === 'unknown' || (o.kind === 'integer' && n.kind === 'number');
  const narrows = o.kind === 'unknown' || (o.kind === 'number' && n.kind === 'integer');
  const breaking = dir === 'request' ? !widens : !narrows;
  return { kind: 'type-changed', path: '', breaking, detail: `${label(o)} -> ${label(n)}` };
}

const variantsOf = (t: TypeNode): TypeNode[] => (t.kind === 'union' ? t.variants : [t]);

const notNull = (t: TypeNode): TypeNode => (t.nullable ? { ...t, nullable: false } : t);

const nested = (segment: string, changes: TypeChange[]): TypeChange[] =>
  changes.map((c) => ({ ...c, path: joinPath(segment, c.path) }));

export function joinPath(head: string, tail: string): string {
  if (!tail) return head;
  if (!head) return tail;
  return tail.startsWith('[') ? `${head}${tail}` : `${head}.${tail}`;
}

function label(t: TypeNode): string {
  if (t.kind === 'ref') return t.name;
  if (t.kind === 'string' && t.enum) return values(t.enum);
  return t.kind;
}

function values(list: readonly unknown[]): string {
  const shown = list.slice(0, 8).map((v) => JSON.stringify(v));
  return list.length > 8 ? `${shown.join(', ')} and ${list.length - 8} more` : shown.join(', ');
}

/** The node without its documentation, for an equality test of shapes this module does not walk. */
function fingerprint(t: TypeNode): string {
  return JSON.stringify(t, (key, value) =>
    key === 'description' || key === 'example' || key === 'default' ? undefined : value,
  );
}
