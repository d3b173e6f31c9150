/**
 * The config's compatibility shapes (config `compat`, CompatConfig) applied to an operation's surface:
 * a body wrapper member and extra keys for body fields. Each is accepted beside the shape the rules
 * give, so callers of either release's SDK are served.
 */
import type { CompatConfig, ReleaseLanguage } from '../config.ts';
import type { LintFinding } from '../errors.ts';
import type { Operation } from '../model/index.ts';
import type { BodyShape, CallInput, Member } from './types.ts';

/**
 * Entries naming an operation the spec does not have (or that takes no body) are findings, not
 * errors: an older or newer spec regenerated with the same config must still generate.
 */
export function checkCompat(
  compat: CompatConfig,
  operations: Operation[],
  configFile: string,
): LintFinding[] {
  const byKey = new Map(operations.map((op) => [op.key, op]));
  const { releaseBodies, ...shared } = compat;
  const sections: [string, Record<string, unknown>][] = [
    ...Object.entries(shared),
    ...Object.entries(releaseBodies).map(
      ([language, bodies]) =>
        [`releaseBodies/${language}`, bodies ?? {}] as [string, Record<string, unknown>],
    ),
  ];
  return sections.flatMap(([section, entries]) =>
    Object.keys(entries)
      .filter((key) => !byKey.get(key)?.body)
      .map((key) => ({
        rule: 'stale-compat-entry',
        message: `compat.${section.replace('/', '.')} names "${key}", which is no operation with a request body in this spec; the entry is ignored`,
        pointer: `/compat/${section}`,
        where: configFile,
      })),
  );
}

/** Members for the aliases of body fields; the field itself turns optional so either key does. */
export function withFieldAliases(members: Member[], aliases: Record<string, string> | undefined): Member[] {
  if (!aliases) return members;
  const aliased = new Set(Object.values(aliases));
  const own = members.map((m) =>
    m.in === 'body' && aliased.has(m.wire) ? { ...m, property: { ...m.property, required: false } } : m,
  );
  const extra = Object.entries(aliases).flatMap(([alias, wire]) => {
    const field = own.find((m) => m.in === 'body' && m.wire === wire);
    return field ? [{ ...field, property: { ...field.property, name: alias } }] : [];
  });
  return [...own, ...extra];
}

/** The wrapper member name, where the body is one the wrapper can hold whole. */
export function bodyWrapperOf(shape: BodyShape, wrapper: string | undefined): string | undefined {
  return wrapper && shape.kind !== 'none' && shape.content.kind !== 'binary' ? wrapper : undefined;
}

/**
 * The example call in the official SDKs' shape (CallInput.official): they take a wrapped body only
 * wrapped and an aliased field only under its alias, so an example in the spec's shape fails there.
 */
export function withOfficialShape(
  input: CallInput,
  wrapper: string | undefined,
  aliases: Record<string, string> | undefined,
  releases: NonNullable<CallInput['official']>['releases'] = {},
): CallInput {
  const bodyKeys = Object.fromEntries(Object.entries(aliases ?? {}).map(([alias, wire]) => [wire, alias]));
  const official = {
    ...(wrapper ? { bodyWrapper: wrapper } : {}),
    ...(Object.keys(bodyKeys).length ? { bodyKeys } : {}),
    ...(Object.keys(releases).length ? { releases } : {}),
  };
  return Object.keys(official).length ? { ...input, official } : input;
}

/** The per-language release shapes of one operation's body (config compat.releaseBodies). */
export function releaseBodiesOf(compat: CompatConfig, key: string): Partial<Record<ReleaseLanguage, string>> {
  return Object.fromEntries(
    Object.entries(compat.releaseBodies).flatMap(([language, bodies]) =>
      bodies?.[key] ? [[language, bodies[key]]] : [],
    ),
  );
}
