/**
 * What the package exports besides its methods, compared: the model types of `models.ts` (added,
 * removed, and changed where no operation carries the change) and the resource modules users
 * deep-import params and response types from.
 */
import type { Api, NamedType } from '../model/index.ts';
import { resourceFile } from '../emit/typescript/layout.ts';
import type { Comparator } from './compare-types.ts';
import { makeChange as change } from './sections.ts';
import { WEBHOOKS_ACCESSOR, type Change, type Direction, type ModelSide } from './types.ts';
import { typeUsage } from './usage.ts';

/**
 * The package exports every model type from `models.ts` (`Models.X`), and the inline types hoisted
 * out of them nested in their owner (`Models.X.Source`): a name gone is a name users may have
 * imported, even when the operations see no change (an inline object that became a shared schema).
 */
export function typeChanges(before: ModelSide, after: ModelSide): Change[] {
  const exported = (side: ModelSide) =>
    new Set(side.api.types.map((t: NamedType) => side.typeNames.get(t.name) ?? t.name));
  const olds = exported(before);
  const news = exported(after);
  // A nested type goes with its owner: listed only when the owner itself stays.
  const gone = (from: Set<string>, to: Set<string>) => {
    const names = [...from].filter((n) => !to.has(n));
    const set = new Set(names);
    return names
      .filter((n) => !n.split('.').some((_, i, p) => i > 0 && set.has(p.slice(0, i).join('.'))))
      .sort();
  };
  return [
    ...gone(olds, news).map((name) =>
      change('type-removed', true, { accessor: `Models.${name}`, detail: 'exported type removed' }),
    ),
    ...gone(news, olds).map((name) =>
      change('type-added', false, { accessor: `Models.${name}`, detail: 'exported type added' }),
    ),
  ];
}

/**
 * An exported model type is a name users may type values with (`Models.X`). Its changes reach them
 * through the operations that use it, which report them, except where no operation carries them:
 * a type no public operation or webhook event uses (error bodies), or one an operation that still
 * exists stopped using (its name now belongs to another schema, while the operation moved to a
 * renamed copy). Those are compared on their own, in the directions the old model used them.
 */
export function detachedTypeChanges(before: ModelSide, after: ModelSide, types: Comparator): Change[] {
  const oldUse = typeUsage(before, WEBHOOKS_ACCESSOR);
  const newUse = typeUsage(after, WEBHOOKS_ACCESSOR);
  const stillThere = new Set(after.api.operations.map((op) => op.names.ts));
  const topLevel = (side: ModelSide) =>
    new Map(
      side.api.types
        .map((t) => [side.typeNames.get(t.name) ?? t.name, t.name] as const)
        .filter(([tsName]) => !tsName.includes('.')),
    );
  const olds = topLevel(before);
  const news = topLevel(after);
  const out: Change[] = [];
  for (const [tsName, name] of olds) {
    const now = news.get(tsName);
    const use = oldUse.get(tsName);
    const users = [...(use?.accessors ?? [])];
    const detached = !use || users.some((a) => stillThere.has(a) && !newUse.get(tsName)?.accessors.has(a));
    if (!now || !detached) continue;
    const directions =
      use && use.input !== use.output ? [use.input ? 'request' : 'response'] : ['request', 'response'];
    const found = new Map<string, Change>();
    for (const direction of directions as Direction[])
      for (const c of types.compare({ kind: 'ref', name }, { kind: 'ref', name: now }, direction)) {
        // Both directions: one entry per place, breaking when either way breaks.
        const key = `${c.kind}\0${c.path}`;
        if (found.get(key)?.breaking) continue;
        const fields = {
          accessor: `Models.${tsName}`,
          ...(c.path ? { path: c.path } : {}),
          detail: c.detail,
        };
        found.set(key, change(c.kind, c.breaking, fields));
      }
    out.push(...found.values());
  }
  return out;
}

/** A resource on both sides whose module path differs (it gained or lost its sub-resources). */
export function moduleChanges(before: Api, after: Api): Change[] {
  const modules = (api: Api) => {
    const found = new Map<string, string>();
    const visit = (r: Api['resources'][number]) => {
      found.set(r.chain.join('.'), resourceFile(r.chain, r.children.length > 0));
      r.children.forEach(visit);
    };
    api.resources.forEach(visit);
    return found;
  };
  const olds = modules(before);
  const news = modules(after);
  return [...olds]
    .filter(([chain, file]) => news.has(chain) && news.get(chain) !== file)
    .map(([chain, file]) =>
      change('module-moved', true, {
        accessor: `client.${chain}`,
        subject: moduleName(file),
        detail: `its types move from ${moduleName(file)} to ${moduleName(news.get(chain)!)}`,
      }),
    );
}

/** `src/resources/a/b.ts` -> `resources/a/b`, the deep-import path users write after the package name. */
const moduleName = (file: string) => file.replace(/^src\//, '').replace(/\.ts$/, '');
