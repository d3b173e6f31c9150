/**
 * The change report between two models of the API built with the same config (README "Change
 * report"): operations added, removed, deprecated and renamed; per operation the changes of its
 * signature, params, body, response and pagination; webhook events; exported model types; moved
 * resource modules. Pure: the same two models give the same report.
 */
import type { Api } from '../model/index.ts';
import { joinPath, makeComparator, type Comparator } from './compare-types.ts';
import { accessorsOf, diffOperation } from './operations.ts';
import { bumpOf, makeChange } from './sections.ts';
import { WEBHOOKS_ACCESSOR, type Change, type DiffReport, type ModelSide } from './types.ts';
import { detachedTypeChanges, moduleChanges, typeChanges } from './exports.ts';

export type * from './types.ts';
export { WEBHOOKS_ACCESSOR } from './types.ts';

export function diffModels(before: ModelSide, after: ModelSide, title: string): DiffReport {
  const types = makeComparator(before.resolve, after.resolve);
  const changes = [
    ...operationChanges(before, after, types),
    ...webhookChanges(before.api, after.api, types),
    ...typeChanges(before, after),
    ...detachedTypeChanges(before, after, types),
    ...moduleChanges(before.api, after.api),
  ].sort(byPlace);
  const counts: DiffReport['counts'] = {};
  for (const kind of [...new Set(changes.map((c) => c.kind))].sort()) {
    counts[kind] = changes.filter((c) => c.kind === kind).length;
  }
  return {
    from: before.file,
    to: after.file,
    title,
    operations: { from: before.surface.size, to: after.surface.size },
    changes,
    counts,
    bump: bumpOf(changes),
  };
}

/** Public operations (the surface holds exactly those) by `METHOD /path`. */
function operationChanges(before: ModelSide, after: ModelSide, types: Comparator): Change[] {
  const olds = new Map(
    before.api.operations.filter((op) => before.surface.has(op.key)).map((op) => [op.key, op]),
  );
  const news = new Map(
    after.api.operations.filter((op) => after.surface.has(op.key)).map((op) => [op.key, op]),
  );
  const out: Change[] = [];
  for (const [key, op] of olds) {
    const now = news.get(key);
    if (!now) {
      const aliases = accessorsOf(op).slice(1);
      const detail = aliases.length ? `removed (with ${aliases.join(', ')})` : 'removed';
      out.push(makeChange('operation-removed', true, { accessor: op.names.ts, subject: key, detail }));
      continue;
    }
    out.push(
      ...diffOperation(
        { op, surface: before.surface.get(key)! },
        { op: now, surface: after.surface.get(key)! },
        types,
      ),
    );
  }
  for (const [key, op] of news)
    if (!olds.has(key))
      out.push(
        makeChange('operation-added', false, {
          accessor: op.names.ts,
          subject: key,
          detail: op.deprecated ? 'added (deprecated)' : 'added',
        }),
      );
  return out;
}

/** Events by their type (`call.answered`), else their key in the spec's `webhooks` map. */
function webhookChanges(before: Api, after: Api, types: Comparator): Change[] {
  const byType = (api: Api) => new Map(api.webhooks.map((w) => [w.eventType ?? w.name, w]));
  const olds = byType(before);
  const news = byType(after);
  const out: Change[] = [];
  const base = (subject: string) => ({ accessor: WEBHOOKS_ACCESSOR, subject });
  for (const [name, event] of olds) {
    const now = news.get(name);
    if (!now) {
      out.push(makeChange('webhook-removed', true, { ...base(name), detail: 'event removed' }));
      continue;
    }
    for (const c of types.compare(event.payload, now.payload, 'response'))
      out.push(
        makeChange(c.kind, c.breaking, {
          ...base(name),
          path: joinPath('payload', c.path),
          detail: c.detail,
        }),
      );
  }
  for (const name of news.keys())
    if (!olds.has(name))
      out.push(makeChange('webhook-added', false, { ...base(name), detail: 'event added' }));
  return out;
}

/** Sorted by section, then accessor, kind and path, so that equal inputs give equal reports. */
function byPlace(a: Change, b: Change): number {
  const order = ['breaking', 'added', 'deprecated', 'changed'];
  return (
    order.indexOf(a.section) - order.indexOf(b.section) ||
    a.accessor.localeCompare(b.accessor) ||
    (a.subject ?? '').localeCompare(b.subject ?? '') ||
    a.kind.localeCompare(b.kind) ||
    (a.path ?? '').localeCompare(b.path ?? '') ||
    a.detail.localeCompare(b.detail)
  );
}
