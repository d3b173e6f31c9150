/**
 * Assigns every operation its names, in one place (docs/NAMING.md): config overrides first, then the
 * previous release's api.md (the names lock), then the rules; collisions are resolved
 * deterministically and reported as lint warnings. Emitters never invent names.
 */
import type { LintFinding } from '../errors.ts';
import { InputError } from '../errors.ts';
import type { OperationNames } from '../model/types.ts';
import { lockKey, type LockedName } from './lock.ts';
import { movedNames } from './moved.ts';
import {
  indexPaths,
  lowerWords,
  pathSegments,
  ruleName,
  segmentName,
  type OperationShape,
  type RuleName,
} from './rules.ts';
import { goAccessor, javaAccessor, pythonAccessor, rubyAccessor } from './languages.ts';
import { singular, tsPascal } from './casing.ts';
import { freeName, wordsThenNumbered } from './resolve.ts';

export { readNamesLock, lockKey, type LockedName } from './lock.ts';
export { readLockedWebhookTypes, webhookTypeNames } from './webhooks.ts';
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
const TS_RESERVED = new Set([
  'import',
  'export',
  'default',
  'new',
  'delete',
  'function',
  'class',
  'constructor',
  'prototype',
]);

export function assignNames(
  ops: NamingInput[],
  options: NamingOptions,
): { names: Map<string, OperationNames>; findings: LintFinding[] } {
  const index = indexPaths(ops);
  const chosen = new Map<string, RuleName & { source: OperationNames['source']; lockedPaged?: boolean }>();
  // Operations that moved path keep the name the lock gave them at the old one (moved.ts).
  const moved = options.lock
    ? movedNames(
        ops.filter((op) => !op.hidden),
        options.lock,
      )
    : new Map();
  for (const op of ops) {
    const override = options.overrides[op.key];
    const locked = options.lock?.get(lockKey(op.method, op.path)) ?? moved.get(op.key);
    if (override) chosen.set(op.key, { ...parseOverride(override, op.key, options), source: 'override' });
    else if (locked)
      chosen.set(op.key, {
        resource: locked.resource,
        method: locked.method,
        source: 'lock',
        ...(locked.paged !== undefined ? { lockedPaged: locked.paged } : {}),
      });
    else chosen.set(op.key, { ...ruleName(op, index, options.digitPrefix), source: 'rules' });
  }
  for (const name of chosen.values()) {
    if (name.source === 'rules') name.resource = name.resource.map((s) => (TS_RESERVED.has(s) ? `${s}s` : s));
  }
  const findings = resolveCollisions(ops, chosen, options);
  const names = new Map<string, OperationNames>();
  for (const op of ops) {
    const { resource, method, source, lockedPaged } = chosen.get(op.key)!;
    names.set(op.key, {
      resource,
      method,
      ts: ['client', ...resource, method].join('.'),
      python: pythonAccessor(resource, method),
      ruby: rubyAccessor(resource, method),
      go: goAccessor(resource, method),
      java: javaAccessor(resource, method),
      source,
      ...(lockedPaged !== undefined ? { lockedPaged } : {}),
    });
  }
  return { names, findings };
}

function parseOverride(value: string, key: string, options: NamingOptions): RuleName {
  const parts = value.replace(/^client\./, '').split('.');
  if (parts.length < 2 || parts.some((p) => !/^[A-Za-z_$][\w$]*$/.test(p))) {
    throw new InputError(
      `naming override for "${key}" is not an accessor: "${value}"`,
      options.configFile,
      'write it as resource.chain.method, e.g. calls.actions.answer',
    );
  }
  return { resource: parts.slice(0, -1), method: parts[parts.length - 1] };
}

/**
 * Two operations may not share chain + method. Locked and overridden names never move; among rule
 * names one spelled from a path word (`POST /x/{id}/update`) beats one inferred from CRUD
 * (`POST /x/{id}`), then the one with fewer path parameters (the plain collection), then the first by
 * (path, method). The others take a word their path has and the holder's lacks (`collisionSuffixes`),
 * else a numeric suffix. Every rename is a lint warning.
 */
function resolveCollisions(
  ops: NamingInput[],
  chosen: Map<string, RuleName & { source: string }>,
  options: NamingOptions,
): LintFinding[] {
  const findings: LintFinding[] = [];
  const taken = new Map<string, NamingInput>(); // "chain.method" -> holder
  const fullName = (n: RuleName) => [...n.resource, n.method].join('.');
  const order = (op: NamingInput) =>
    [
      Number(op.hidden),
      rank(chosen.get(op.key)!),
      pathSegments(op.path).filter((s) => s === '{}').length,
    ] as const;
  // Code-unit order, not localeCompare: the winner must not depend on the machine's locale.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ordered = ops
    .map((op) => ({ op, order: order(op) }))
    .sort(
      (a, b) =>
        a.order[0] - b.order[0] ||
        a.order[1] - b.order[1] ||
        a.order[2] - b.order[2] ||
        byText(a.op.path, b.op.path) ||
        byText(a.op.method, b.op.method),
    )
    .map((x) => x.op);
  for (const op of ordered) {
    const name = chosen.get(op.key)!;
    const holder = taken.get(fullName(name));
    if (holder === undefined) {
      taken.set(fullName(name), op);
      continue;
    }
    if (name.source !== 'rules') {
      throw new InputError(
        `operations ${holder.key} and ${op.key} both get the name ${fullName(name)}`,
        options.configFile,
        'give one of them a different accessor in names.overrides',
      );
    }
    const free = freeName(
      name.method,
      wordsThenNumbered(collisionSuffixes(op.path, holder.path, options.digitPrefix)),
      (method) => !taken.has(fullName({ ...name, method })),
    );
    findings.push({
      rule: 'name-collision',
      message: `${op.key} would be ${fullName(name)} like ${holder.key}; named ${[...name.resource, free].join('.')}`,
      pointer: op.pointer,
      where: options.locate(op.pointer),
    });
    name.method = free;
    taken.set(fullName(name), op);
  }
  return findings;
}

/** Who keeps a contested name: overrides, then the lock, then rule names spelled from a path word. */
const rank = (name: RuleName & { source: string }) =>
  name.source === 'override' ? 0 : name.source === 'lock' ? 1 : name.literal ? 2 : 3;

/**
 * Words that tell a colliding operation from the holder of its name, best first: a path segment the
 * holder lacks (`Sessions` unless the holder says it too), the parent it is scoped to
 * (`/rooms/{id}/sessions` next to `/room_sessions` -> ForRoom), a parameter it adds (ByReferenceID).
 */
export function collisionSuffixes(path: string, holderPath: string, digitPrefix: string): string[] {
  const segs = pathSegments(path);
  const holder = pathSegments(holderPath);
  const holderWords = new Set(holder.flatMap(lowerWords).map(singular));
  const holderScopes = new Set(scopes(holder));
  const holderParams = new Set(paramNames(holderPath));
  const differing = segs.filter(
    (s) => s !== '{}' && !holder.includes(s) && !lowerWords(s).every((w) => holderWords.has(singular(w))),
  );
  const lastSingular = (words: string[]) => words.map((w, i) => (i === words.length - 1 ? singular(w) : w));
  return [
    ...differing.reverse().map((s) => tsPascal(segmentName(s, digitPrefix))),
    ...scopes(segs)
      .filter((s) => !holderScopes.has(s))
      .reverse()
      .map((s) => 'For' + tsPascal(lastSingular(lowerWords(s)))),
    ...paramNames(path)
      .filter((p) => !holderParams.has(p))
      .reverse()
      .map((p) => 'By' + tsPascal(p)),
  ];
}

/** Statics followed by a parameter with more path after it: `rooms` in `/rooms/{id}/sessions`. */
const scopes = (segs: string[]) =>
  segs.filter((s, i) => s !== '{}' && segs[i + 1] === '{}' && segs.slice(i + 2).some((x) => x !== '{}'));
const paramNames = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
