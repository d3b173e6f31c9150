/**
 * Names that survive a move: an operation whose method + path the names lock does not list keeps the
 * name of a locked operation that is gone from the spec when both are the same operation moved:
 * the same method and operationId (our api.md records operationIds), else, where the lock has
 * none (the official api.md), the same method and the old path being the tail of the new one
 * (`/brand/{id}` -> `/10dlc/brand/{id}`). A match must be unique both ways, or it is not used.
 */
import { lockKey, type LockedName } from './lock.ts';

export interface MovableOperation {
  key: string;
  method: string;
  path: string;
  operationId?: string;
}

/** Operation key -> the locked name of the gone operation it is a move of. */
export function movedNames(ops: MovableOperation[], lock: Map<string, LockedName>): Map<string, LockedName> {
  const current = new Set(ops.map((op) => lockKey(op.method, op.path)));
  const gone = [...lock.entries()].filter(([key]) => !current.has(key));
  const unlocked = ops.filter((op) => !lock.has(lockKey(op.method, op.path)));
  const candidates = new Map<string, [string, LockedName][]>();
  for (const op of unlocked) {
    const sameVerb = gone.filter(([key]) => key.startsWith(`${op.method.toLowerCase()} `));
    const byId = op.operationId ? sameVerb.filter(([, l]) => l.operationId === op.operationId) : [];
    const newPath = lockKey(op.method, op.path);
    const bySuffix = sameVerb.filter(
      ([key, l]) => l.operationId === undefined && isTail(key.slice(key.indexOf(' ') + 1), newPath),
    );
    candidates.set(op.key, byId.length ? byId : bySuffix);
  }
  // Unique both ways: one gone entry for the operation, and no other operation claiming it.
  const claims = new Map<string, number>();
  for (const list of candidates.values())
    if (list.length === 1) claims.set(list[0][0], (claims.get(list[0][0]) ?? 0) + 1);
  const moved = new Map<string, LockedName>();
  for (const [key, list] of candidates)
    if (list.length === 1 && claims.get(list[0][0]) === 1) moved.set(key, list[0][1]);
  return moved;
}

/** `/brand/{}` is the tail of `post /10dlc/brand/{}`: the old path's segments end the new one's. */
function isTail(oldPath: string, newKey: string): boolean {
  const segments = (path: string) => path.split('/').filter(Boolean);
  const old = segments(oldPath);
  const now = segments(newKey.slice(newKey.indexOf(' ') + 1));
  // The old path starts with a word, so a move is never matched on a bare `{}` tail.
  if (old.length === 0 || old.length >= now.length || old[0] === '{}') return false;
  return old.every((segment, i) => segment === now[now.length - old.length + i]);
}
