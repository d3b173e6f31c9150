/**
 * Where a change goes in the CHANGELOG and what version bump the report implies: major when anything
 * breaks, minor when something was added or deprecated, else patch.
 */
import type { Bump, Change, ChangeKind, Section } from './types.ts';

/** Non-breaking kinds that give the user something new. */
const ADDITIONS: ReadonlySet<ChangeKind> = new Set<ChangeKind>([
  'operation-added',
  'param-added',
  'field-added',
  'enum-values-added',
  'variant-added',
  'webhook-added',
  'type-added',
]);

const DEPRECATIONS: ReadonlySet<ChangeKind> = new Set<ChangeKind>([
  'operation-deprecated',
  'param-deprecated',
]);

export function sectionOf(kind: ChangeKind, breaking: boolean): Section {
  if (breaking) return 'breaking';
  if (ADDITIONS.has(kind)) return 'added';
  if (DEPRECATIONS.has(kind)) return 'deprecated';
  return 'changed';
}

export function bumpOf(changes: readonly Change[]): Bump {
  if (changes.some((c) => c.breaking)) return 'major';
  if (changes.some((c) => c.section === 'added' || c.section === 'deprecated')) return 'minor';
  return 'patch';
}

/** A change, its section derived from its kind and whether it breaks. */
export const makeChange = (
  kind: ChangeKind,
  breaking: boolean,
  fields: Omit<Change, 'kind' | 'breaking' | 'section'>,
): Change => ({ kind, breaking, section: sectionOf(kind, breaking), ...fields });
