/**
 * What breaks between two versions of one declaration or one method of the generated package, the
 * way api-extractor judges it: members removed, a member of an input type now required (or a new
 * required one), a member of an output type now optional, a type whose new text no longer takes
 * what the old took (inputs) or may give what the old did not (outputs); for methods, fewer
 * arguments, one now required, an argument type narrowed, another result. Types are compared by the
 * checker only where their text changed: a change inside a named type is that type's own.
 *
 * Output types follow the model diff's decision (compare-types.ts): new literal values of an enum
 * and new members of a union that already had several are not breaks.
 */
import { ts } from 'ts-morph';
import type { Declaration, Method } from './declarations.ts';

/** Which way users use a declaration: they write it (input), read it (output), or both. */
export type Dirs = { input: boolean; output: boolean };

export type SurfaceBreakKind =
  | 'export-removed'
  | 'member-removed'
  | 'member-required'
  | 'member-optional'
  | 'type-changed'
  | 'method-removed'
  | 'method-signature';

/** A break found, before it is tied to the accessors it reaches. */
export interface Found {
  kind: SurfaceBreakKind;
  /** `module#Name.member` (a declaration and member), or the method's accessor. */
  key: string;
  detail: string;
}

/**
 * The package's unions of every webhook event: its own name (webhook-events.ts) and the official
 * SDK's (resources/webhooks.ts).
 */
const WEBHOOK_EVENTS = new Set([
  'webhook-events#WebhookEvent',
  'resources/webhooks#UnwrapWebhookEvent',
  'resources/webhooks#UnsafeUnwrapWebhookEvent',
]);

export function compareDeclaration(
  old: Declaration,
  now: Declaration,
  dirs: Dirs,
  types: TypeComparer,
): Found[] {
  const a = old.node;
  const b = now.node;
  if (ts.isClassDeclaration(a) || ts.isClassDeclaration(b)) return []; // methods are compared by accessor
  // Another name for a declaration is judged by what it names: the target is compared on its own.
  if (old.alias && now.alias && sameTargets(old, now)) return [];
  if (ts.isImportEqualsDeclaration(a) || ts.isImportEqualsDeclaration(b))
    return [{ kind: 'type-changed', key: old.key, detail: 'now names another declaration' }];
  if (ts.isInterfaceDeclaration(a) && ts.isInterfaceDeclaration(b))
    return compareInterfaces(old.key, a, b, dirs, types);
  // A type alias, or an interface that became an alias (or back): the whole type.
  if (text(a) === text(b)) return [];
  const parts = intersectionParts(a, b);
  if (parts) {
    // Part by part (a list's page type: its page class & the body's fields): a part whose text is the
    // same is the same type, and the page class, which has protected members, is nominal, so the
    // whole from one package would never take the whole from the other.
    const problem = parts
      .filter(([p, q]) => text(p) !== text(q))
      .map(([p, q]) => types.check(types.of(p), types.of(q), dirs))
      .find(Boolean);
    return problem ? [{ kind: 'type-changed', key: old.key, detail: problem }] : [];
  }
  // The union of webhook events gains members as events are added (the model's webhook-added).
  const open = WEBHOOK_EVENTS.has(old.key);
  const problem = types.check(types.declared(a), types.declared(b), dirs, open);
  return problem ? [{ kind: 'type-changed', key: old.key, detail: problem }] : [];
}

const sameTargets = (a: Declaration, b: Declaration) => a.refs.join() === b.refs.join();

function compareInterfaces(
  key: string,
  a: ts.InterfaceDeclaration,
  b: ts.InterfaceDeclaration,
  dirs: Dirs,
  types: TypeComparer,
): Found[] {
  const out: Found[] = [];
  const olds = membersOf(a);
  const news = membersOf(b);
  for (const [name, p] of olds) {
    const q = news.get(name);
    const at = `${key}.${name}`;
    if (!q) {
      out.push({ kind: 'member-removed', key: at, detail: 'member removed' });
      continue;
    }
    if (dirs.input && p.optional && !q.optional)
      out.push({ kind: 'member-required', key: at, detail: 'member of an input type now required' });
    if (dirs.output && !p.optional && q.optional)
      out.push({ kind: 'member-optional', key: at, detail: 'member of an output type now optional' });
    if (p.text !== q.text && p.type && q.type) {
      const problem = types.check(types.of(p.type), types.of(q.type), dirs);
      if (problem) out.push({ kind: 'type-changed', key: at, detail: `${p.text} -> ${q.text}: ${problem}` });
    }
  }
  for (const [name, q] of news)
    if (!olds.has(name) && dirs.input && !q.optional)
      out.push({
        kind: 'member-required',
        key: `${key}.${name}`,
        detail: 'new required member of an input type',
      });
  // Heritage and index signatures change what the whole type takes.
  if (heritage(a) !== heritage(b)) {
    const problem = types.check(types.declared(a), types.declared(b), dirs);
    if (problem) out.push({ kind: 'type-changed', key, detail: problem });
  }
  return out;
}

interface MemberInfo {
  optional: boolean;
  text: string;
  type?: ts.TypeNode;
}

function membersOf(node: ts.InterfaceDeclaration): Map<string, MemberInfo> {
  const members = new Map<string, MemberInfo>();
  for (const m of node.members) {
    if (ts.isPropertySignature(m) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)))
      members.set(m.name.text, {
        optional: !!m.questionToken,
        text: m.type ? text(m.type) : 'any',
        type: m.type,
      });
    else if (ts.isIndexSignatureDeclaration(m) && m.type)
      members.set('[key]', { optional: true, text: text(m.type), type: m.type });
  }
  return members;
}

export function compareMethod(old: Method, now: Method, types: TypeComparer): Found[] {
  // An accessor of a runtime class (`client.webhooks`): its code is the generator's, not the spec's.
  if (!old.node || !now.node) return [];
  const out: Found[] = [];
  const p = old.node.parameters;
  const q = now.node.parameters;
  const optional = (x: ts.ParameterDeclaration) => !!x.questionToken || !!x.initializer || !!x.dotDotDotToken;
  const at = (detail: string): Found => ({ kind: 'method-signature', key: old.accessor, detail });
  p.forEach((param, i) => {
    const next = q[i];
    const name = param.name.getText();
    if (!next) out.push(at(`argument ${name} no longer taken`));
    else if (optional(param) && !optional(next)) out.push(at(`argument ${name} now required`));
    else if (param.type && next.type && text(param.type) !== text(next.type)) {
      const problem = types.check(types.of(param.type), types.of(next.type), { input: true, output: false });
      if (problem) out.push(at(`argument ${name}: ${text(param.type)} -> ${text(next.type)}: ${problem}`));
    }
  });
  for (const next of q.slice(p.length))
    if (!optional(next)) out.push(at(`new required argument ${next.name.getText()}`));
  const [r, s] = unwrapResults(old.node.type, now.node.type);
  if (r && s && text(r) !== text(s)) {
    const problem = types.check(types.of(r), types.of(s), { input: false, output: true });
    if (problem) out.push(at(`result ${text(r)} -> ${text(s)}: ${problem}`));
  }
  return out;
}

/** `APIPromise<A>` and `APIPromise<B>` -> A and B (also through `PagePromise<Page<...>>`). */
function unwrapResults(r?: ts.TypeNode, s?: ts.TypeNode): [ts.TypeNode?, ts.TypeNode?] {
  while (
    r &&
    s &&
    ts.isTypeReferenceNode(r) &&
    ts.isTypeReferenceNode(s) &&
    r.typeArguments?.length === 1 &&
    s.typeArguments?.length === 1 &&
    text(r.typeName) === text(s.typeName)
  ) {
    [r, s] = [r.typeArguments[0], s.typeArguments[0]];
  }
  return [r, s];
}

/** The parts of two type aliases that are both intersections of as many parts, paired in order. */
function intersectionParts(a: ts.Node, b: ts.Node): [ts.TypeNode, ts.TypeNode][] | undefined {
  if (!ts.isTypeAliasDeclaration(a) || !ts.isTypeAliasDeclaration(b)) return undefined;
  if (!ts.isIntersectionTypeNode(a.type) || !ts.isIntersectionTypeNode(b.type)) return undefined;
  const [p, q] = [a.type.types, b.type.types];
  return p.length === q.length ? p.map((part, i) => [part, q[i]!]) : undefined;
}

export interface TypeComparer {
  of(node: ts.TypeNode): ts.Type;
  /** The type an interface or alias declares. */
  declared(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): ts.Type;
  /**
   * Why the new type breaks users of the old one in the given directions, or undefined; `open`: a
   * union whose readers expect new members, whatever it had before.
   */
  check(old: ts.Type, now: ts.Type, dirs: Dirs, open?: boolean): string | undefined;
}

export function typeComparer(checker: ts.TypeChecker): TypeComparer {
  const assignable = (from: ts.Type, to: ts.Type) => checker.isTypeAssignableTo(from, to);
  const STRINGS = ts.TypeFlags.StringLiteral | ts.TypeFlags.String;
  const NUMBERS = ts.TypeFlags.NumberLiteral | ts.TypeFlags.Number;
  const literal = (t: ts.Type) => (t.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) !== 0;
  /** A string (or number) type beside literals of the same kind: the values of one enum. */
  const sameBase = (t: ts.Type, literals: ts.Type[]) =>
    literals.some(
      (l) => (t.flags & STRINGS && l.flags & STRINGS) || (t.flags & NUMBERS && l.flags & NUMBERS),
    );
  const parts = (t: ts.Type) => (t.isUnion() ? t.types : [t]);
  const nullish = (t: ts.Type) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0;
  const variant = (t: ts.Type) => !literal(t) && !nullish(t) && !(t.flags & ts.TypeFlags.BooleanLiteral);
  // What a reader of the old type may get from the new one without a break (see the header): new
  // values of an enum, the enum dropped for its base type, new members of a union of several; never
  // null where there was none.
  const readable = (now: ts.Type, old: ts.Type, depth = 0, openUnion = false): boolean => {
    // A result that was nothing (`void`) now being something breaks no reader.
    if (assignable(now, old) || old.flags & ts.TypeFlags.Void) return true;
    if (depth > 4) return false;
    const olds = parts(old);
    const enumValues = olds.filter(literal);
    const open = openUnion || olds.filter(variant).length >= 2;
    return parts(now).every(
      (t) =>
        assignable(t, old) ||
        (!nullish(t) && sameBase(t, enumValues) && (literal(t) || !open)) ||
        (open && variant(t)) ||
        (checker.isArrayType(t) &&
          olds.some((o) => checker.isArrayType(o) && readable(element(t), element(o), depth + 1))),
    );
  };
  const element = (t: ts.Type) => checker.getTypeArguments(t as ts.TypeReference)[0];
  return {
    of: (node) => checker.getTypeFromTypeNode(node),
    declared: (node) => checker.getTypeAtLocation(node.name),
    check(old, now, dirs, open = false) {
      if (dirs.input && !assignable(old, now)) return 'no longer takes what it took';
      if (dirs.output && !readable(now, old, 0, open)) return 'may hold what it did not';
      return undefined;
    },
  };
}

/** Text without comments and with whitespace collapsed, for an equality test. */
function text(node: ts.Node): string {
  return node
    .getText()
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function heritage(node: ts.InterfaceDeclaration): string {
  return (node.heritageClauses ?? []).map(text).join(' ');
}
