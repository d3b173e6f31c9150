/**
 * Assigns every operation its names, in one place (docs/NAMING.md): config overrides first, then the
 * previous release's api.md (the names lock), then the rules; collisions are resolved
 * deterministically and reported as lint warnings. Emitters never invent names.
 */
import type { LintFinding } from '../errors.ts';
import { InputError } from '../errors.ts';
import type { OperationNames } from '../model/types.ts';
import { lockKey, type LockedName } from './lock.ts';
import { indexPaths, pathSegments, ruleName, segmentName, type OperationShape, type RuleName } from './rules.ts';
import { goAccessor, javaAccessor, pythonAccessor, rubyAccessor } from './languages.ts';
import { tsPascal } from './casing.ts';

export { readNamesLock, lockKey, type LockedName } from './lock.ts';
export { tsCamel, tsPascal, snake, goPascal, javaCamel, splitWords } from './casing.ts';

export interface NamingInput extends OperationShape {
  pointer: string;
  /** Hidden operations are named after public ones, so they never take a public name. */
  hidden: boolean;
}

export interface NamingOptions {
  lock: Map<string, LockedName> | undefined;
  /** `"METHOD /path": "chain.method"` from the config. */
  overrides: Record<string, string>;
  /** Prefix for a path segment that cannot start an identifier (`10dlc` -> messaging10dlc). */
  digitPrefix: string;
  locate: (pointer: string) => string;
  configFile: string;
}

/** TS words that cannot be a property or method name in generated code without confusion. */
const TS_RESERVED = new Set(['import', 'export', 'default', 'new', 'delete', 'function', 'class', 'constructor', 'prototype']);

export function assignNames(ops: NamingInput[], options: NamingOptions): { names: Map<string, OperationNames>; findings: LintFinding[] } {
  const index = indexPaths(ops);
  const chosen = new Map<string, RuleName & { source: OperationNames['source'] }>();
  for (const op of ops) {
    const override = options.overrides[op.key];
    const locked = options.lock?.get(lockKey(op.method, op.path));
    if (override) chosen.set(op.key, { ...parseOverride(override, op.key, options), source: 'override' });
    else if (locked) chosen.set(op.key, { resource: locked.resource, method: locked.method, source: 'lock' });
    else chosen.set(op.key, { ...ruleName(op, index, options.digitPrefix), source: 'rules' });
  }
  for (const name of chosen.values()) {
    if (name.source === 'rules') name.resource = name.resource.map((s) => (TS_RESERVED.has(s) ? `${s}s` : s));
  }
  const findings = resolveCollisions(ops, chosen, options);
  const names = new Map<string, OperationNames>();
  for (const op of ops) {
    const { resource, method, source } = chosen.get(op.key)!;
    names.set(op.key, {
      resource,
      method,
      ts: ['client', ...resource, method].join('.'),
      python: pythonAccessor(resource, method),
      ruby: rubyAccessor(resource, method),
      go: goAccessor(resource, method),
      java: javaAccessor(resource, method),
      source,
    });
  }
  return { names, findings };
}

function parseOverride(value: string, key: string, options: NamingOptions): RuleName {
  const parts = value.replace(/^client\./, '').split('.');
  if (parts.length < 2 || parts.some((p) => !/^[A-Za-z_$][\w$]*$/.test(p))) {
    throw new InputError(`naming override for "${key}" is not an accessor: "${value}"`, options.configFile, 'write it as resource.chain.method, e.g. calls.actions.answer');
  }
  return { resource: parts.slice(0, -1), method: parts[parts.length - 1] };
}

/**
 * Two operations may not share chain + method. Locked and overridden names never move; among rule
 * names the first by (path, method) keeps its name and the others take a word from a path segment
 * the first does not have, else a numeric suffix. Every rename is a lint warning.
 */
function resolveCollisions(ops: NamingInput[], chosen: Map<string, RuleName & { source: string }>, options: NamingOptions): LintFinding[] {
  const findings: LintFinding[] = [];
  const taken = new Map<string, string>(); // "chain.method" -> key of holder
  const fullName = (n: RuleName) => [...n.resource, n.method].join('.');
  const ordered = [...ops].sort(
    (a, b) =>
      Number(a.hidden) - Number(b.hidden) ||
      rank(chosen.get(a.key)!.source) - rank(chosen.get(b.key)!.source) ||
      a.path.localeCompare(b.path) ||
      a.method.localeCompare(b.method),
  );
  for (const op of ordered) {
    const name = chosen.get(op.key)!;
    const holder = taken.get(fullName(name));
    if (holder === undefined) {
      taken.set(fullName(name), op.key);
      continue;
    }
    if (name.source !== 'rules') {
      throw new InputError(`operations ${holder} and ${op.key} both get the name ${fullName(name)}`, options.configFile, 'give one of them a different accessor in names.overrides');
    }
    const base = name.method;
    const holderSegs = new Set(pathSegments(holder.split(' ')[1]));
    const words = pathSegments(op.path).filter((s) => s !== '{}' && !holderSegs.has(s));
    const candidates = [...words.reverse().map((w) => base + tsPascal(segmentName(w, options.digitPrefix))), ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}${n}`)];
    const free = candidates.find((c) => !taken.has(fullName({ ...name, method: c })))!;
    findings.push({
      rule: 'name-collision',
      message: `${op.key} would be ${fullName(name)} like ${holder}; named ${[...name.resource, free].join('.')}`,
      pointer: op.pointer,
      where: options.locate(op.pointer),
    });
    name.method = free;
    taken.set(fullName(name), op.key);
  }
  return findings;
}

const rank = (source: string) => (source === 'override' ? 0 : source === 'lock' ? 1 : 2);
