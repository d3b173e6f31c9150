/**
 * One operation on both sides, compared the way its SDK method is called: the accessor, the method's
 * arguments, the members of its params object (path, query, header and body fields as the surface
 * decided them), the body's shape, the response and the pagination. Types go through the structural
 * comparator (compare-types.ts), requests and responses each in their own direction.
 */
import type { Operation, Pagination } from '../model/index.ts';
import type { Member, OperationSurface } from '../surface/index.ts';
import { joinPath, type Comparator, type TypeChange } from './compare-types.ts';
import { makeChange } from './sections.ts';
import type { Change, ChangeKind } from './types.ts';

export interface OperationSide {
  op: Operation;
  surface: OperationSurface;
}

/** Every change of one operation present on both sides. */
export function diffOperation(before: OperationSide, after: OperationSide, types: Comparator): Change[] {
  const accessor = before.op.names.ts;
  const make: Make = (kind, breaking, detail, path) =>
    makeChange(kind, breaking, { accessor, subject: before.op.key, ...(path ? { path } : {}), detail });
  const fromTypes = (root: string, found: TypeChange[]) =>
    found.map((c) => make(c.kind, c.breaking, c.detail, joinPath(root, c.path)));
  return [
    ...accessorChanges(before.op, after.op, make),
    ...deprecation(before.op, after.op, make),
    ...signatureChanges(before.surface, after.surface, make),
    ...memberChanges(before, after, types, make, fromTypes),
    ...bodyChanges(before.surface, after.surface, types, make, fromTypes),
    ...responseChanges(before.op, after.op, types, make, fromTypes),
    ...paginationChanges(before.op.pagination, after.op.pagination, make),
  ];
}

type Make = (kind: ChangeKind, breaking: boolean, detail: string, path?: string) => Change;
type FromTypes = (root: string, found: TypeChange[]) => Change[];

/** Every accessor an operation is called by: its method and the aliases the names lock keeps. */
export function accessorsOf(op: Operation): string[] {
  const chain = op.names.ts.slice(0, op.names.ts.lastIndexOf('.'));
  return [op.names.ts, ...(op.names.aliases ?? []).map((a) => `${chain}.${a.method}`)];
}

function accessorChanges(before: Operation, after: Operation, make: Make): Change[] {
  const now = accessorsOf(after);
  return accessorsOf(before)
    .filter((a) => !now.includes(a))
    .map((a) => ({
      ...make('operation-renamed', true, `now ${after.names.ts}`),
      accessor: a,
    }));
}

function deprecation(before: Operation, after: Operation, make: Make): Change[] {
  const out: Change[] = [];
  if (!before.deprecated && after.deprecated) out.push(make('operation-deprecated', false, 'deprecated'));
  if (before.deprecated && !after.deprecated)
    out.push(make('operation-undeprecated', false, 'no longer deprecated'));
  const was = new Set(before.params.filter((p) => p.deprecated).map((p) => p.name));
  for (const p of after.params)
    if (p.deprecated && !was.has(p.name) && before.params.some((q) => q.name === p.name))
      out.push(make('param-deprecated', false, 'deprecated', p.name));
  return out;
}

function signatureChanges(before: OperationSurface, after: OperationSurface, make: Make): Change[] {
  const a = before.signature;
  const b = after.signature;
  const out: Change[] = [];
  if (a.hasParams && !b.hasParams) out.push(make('signature-changed', true, 'takes no params argument now'));
  else if (!a.paramsRequired && b.paramsRequired)
    out.push(make('signature-changed', true, 'the params argument is now required'));
  else if (a.paramsRequired && !b.paramsRequired)
    out.push(make('signature-changed', false, 'the params argument is now optional'));
  if (a.bodyArg !== b.bodyArg || !!a.positional !== !!b.positional)
    out.push(make('signature-changed', true, `arguments ${a.args} -> ${b.args}`));
  return out;
}

/**
 * The params object's members by the key callers write. The flat `page[...]` keys mirror the nested
 * `page` member, whose changes say the same, so they are left out.
 */
function memberChanges(
  before: OperationSide,
  after: OperationSide,
  types: Comparator,
  make: Make,
  fromTypes: FromTypes,
): Change[] {
  const byName = (side: OperationSide) => {
    const members = new Map<string, Member['property']>();
    for (const m of side.surface.members)
      if (!/^page\[.+\]$/.test(m.property.name)) members.set(m.property.name, m.property);
    // The positional path argument is a param too (its type can change).
    const wire = side.surface.signature.positional?.wire;
    const path = side.op.params.find((p) => p.in === 'path' && p.name === wire);
    if (path)
      members.set(path.name, {
        name: path.name,
        type: path.type,
        required: true,
        readOnly: false,
        writeOnly: false,
      });
    return members;
  };
  const olds = byName(before);
  const news = byName(after);
  const out: Change[] = [];
  for (const [name, p] of olds) {
    const q = news.get(name);
    if (!q) {
      out.push(make('param-removed', true, 'removed', name));
      continue;
    }
    if (p.required !== q.required)
      out.push(
        q.required
          ? make('param-required', true, 'now required', name)
          : make('param-optional', false, 'now optional', name),
      );
    out.push(...fromTypes(name, types.compare(p.type, q.type, 'request')));
  }
  for (const [name, q] of news)
    if (!olds.has(name))
      out.push(make('param-added', q.required, q.required ? 'added, required' : 'added', name));
  return out;
}

/** The body's shape; a union body is compared here, since its variants are no members. */
function bodyChanges(
  before: OperationSurface,
  after: OperationSurface,
  types: Comparator,
  make: Make,
  fromTypes: FromTypes,
): Change[] {
  const a = before.body;
  const b = after.body;
  // none <-> fields shows as members added or removed.
  if (a.kind === 'none' || b.kind === 'none') return [];
  const out: Change[] = [];
  if (a.kind !== b.kind)
    out.push(make('body-changed', true, `body ${describeBody(a.kind)} -> ${describeBody(b.kind)}`, 'body'));
  else if (a.content.kind !== b.content.kind)
    out.push(make('body-changed', true, `body sent as ${a.content.kind} -> ${b.content.kind}`, 'body'));
  if (a.kind === 'variants' && b.kind === 'variants')
    out.push(...fromTypes('body', types.compare(a.union, b.union, 'request')));
  return out;
}

const describeBody = (kind: string) =>
  kind === 'fields' ? 'fields as params' : kind === 'variants' ? 'one of several shapes' : 'passed whole';

function responseChanges(
  before: Operation,
  after: Operation,
  types: Comparator,
  make: Make,
  fromTypes: FromTypes,
): Change[] {
  const a = before.response;
  const b = after.response;
  if (a.kind !== b.kind) {
    // A response where there was none adds to what the user gets; anything else changes it.
    const breaking = a.kind !== 'none';
    return [make('response-changed', breaking, `response ${a.kind} -> ${b.kind}`, 'response')];
  }
  if (!a.type || !b.type) {
    if (a.type && !b.type) return [make('response-changed', true, 'response no longer typed', 'response')];
    if (!a.type && b.type) return [make('response-changed', false, 'response now typed', 'response')];
    return [];
  }
  return fromTypes('response', types.compare(a.type, b.type, 'response'));
}

function paginationChanges(a: Pagination | undefined, b: Pagination | undefined, make: Make): Change[] {
  if (!a && !b) return [];
  if (!a) return [make('pagination-added', true, `now returns pages (${b!.style}) instead of one response`)];
  if (!b) return [make('pagination-removed', true, `no longer returns pages (${a.style})`)];
  const changed = (['style', 'pageClass', 'itemsField', 'autoPaging'] as const).filter((k) => a[k] !== b[k]);
  return changed.length
    ? [
        make(
          'pagination-changed',
          true,
          changed.map((k) => `${k} ${JSON.stringify(a[k])} -> ${JSON.stringify(b[k])}`).join(', '),
        ),
      ]
    : [];
}
