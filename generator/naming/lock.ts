/**
 * The names lock: a previous release's `api.md` (the official SDK's method index format). Every
 * operation listed there keeps its accessor exactly. Lines look like
 *   - <code title="get /oauth_clients">client.oauthClients.<a href="...">list</a>({ ...params }) -> X</code>
 */
import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { displayPath } from '../util/paths.ts';

export interface LockedName {
  /** Resource chain, e.g. ["calls", "actions"]. */
  resource: string[];
  method: string;
  /** Argument shape as written: `(id)`, `(id, { ...params })`, `({ ...params })`, `()`. */
  args: string;
}

/** Key for matching an operation across releases: verb + path with parameter names erased. */
export function lockKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;
}

const METHOD_LINE = /<code title="(\w+) ([^"]+)">client\.([\w.]+)\.<a [^>]*>(\w+)<\/a>(\([^)]*\))/;

export function readNamesLock(file: string): Map<string, LockedName> {
  if (!existsSync(file)) {
    throw new InputError(
      'names lock file not found',
      displayPath(file),
      'pass --names-from FILE (an api.md), or --names-from none',
    );
  }
  const lock = new Map<string, LockedName>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.includes('<code title=')) return;
      const m = METHOD_LINE.exec(line);
      if (!m) {
        throw new InputError(
          'unreadable method line in names lock',
          `${displayPath(file)}:${index + 1}:1`,
          'keep the api.md method line format',
        );
      }
      const [, verb, path, chain, method, args] = m;
      lock.set(lockKey(verb, path), { resource: chain.split('.'), method, args });
    });
  return lock;
}
