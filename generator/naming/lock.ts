/**
 * The names lock: a previous release's `api.md` (the official SDK's method index format). Every
 * operation listed there keeps its accessor exactly. Lines look like
 *   - <code title="get /oauth_clients">client.oauthClients.<a href="...">list</a>({ ...params }) -> X</code>
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { displayPath } from '../util/paths.ts';

export interface LockedName {
  /** Resource chain, e.g. ["calls", "actions"]. */
  resource: string[];
  method: string;
  /** Argument shape as written: `(id)`, `(id, { ...params })`, `({ ...params })`, `()`. */
  args: string;
  /** The operationId the release recorded (our api.md writes it; the official one does not). */
  operationId?: string;
  /**
   * Whether the release's method returns a page (its return type is a `...Pagination...` class) or
   * one model; undefined when the lock names no page type at all (our own api.md does not).
   */
  paged?: boolean;
  /**
   * Other methods of the release bound to the same operation, in file order: a second name
   * (`preview0` beside `preview`), or a variant that sends another content type (`upload`, listed
   * as `post /documents?content-type=multipart`, beside `uploadJson`). They keep existing too.
   */
  aliases: LockedAlias[];
}

export interface LockedAlias {
  resource: string[];
  method: string;
  args: string;
  /** The `?content-type=` of the method line: the body kind this variant sends. */
  contentType?: string;
}

/** Key for matching an operation across releases: verb + path with parameter names erased. */
export function lockKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;
}

const METHOD_LINE =
  /<code title="(\w+) ([^"]+)"(?: data-operation-id="([^"]*)")?>client\.([\w.]+)\.<a [^>]*>(\w+)<\/a>(\([^)]*\))(?: -> (\w+))?/;

export function readNamesLock(file: string): Map<string, LockedName> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError(
      existsSync(file) ? 'the names lock is not a file' : 'names lock file not found',
      displayPath(file),
      'pass --names-from FILE (an api.md), or --names-from none',
    );
  }
  const lines = new Map<string, (LockedAlias & { operationId?: string; returns?: string })[]>();
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
      const [, verb, titlePath, operationId, chain, method, args, returns] = m;
      const [path, contentType] = titlePath.split('?content-type=');
      const key = lockKey(verb, path);
      const entry = {
        resource: chain.split('.'),
        method,
        args,
        ...(contentType ? { contentType } : {}),
        ...(operationId ? { operationId } : {}),
        ...(returns ? { returns } : {}),
      };
      lines.set(key, [...(lines.get(key) ?? []), entry]);
    });
  const isPage = (returns: string | undefined) => /Pagination/.test(returns ?? '');
  const recordsPages = [...lines.values()].some((entries) => entries.some((e) => isPage(e.returns)));
  const lock = new Map<string, LockedName>();
  for (const [key, entries] of lines) {
    // The operation's own method is its last plain line (a release lists a newer name after the
    // one it keeps for compatibility); every other line is an alias.
    const own = [...entries].reverse().find((e) => !e.contentType) ?? entries[entries.length - 1];
    const { resource, method, args, operationId, returns } = own;
    lock.set(key, {
      resource,
      method,
      args,
      ...(operationId ? { operationId } : {}),
      ...(recordsPages ? { paged: isPage(returns) } : {}),
      aliases: entries
        .filter((e) => e !== own)
        .map(({ resource, method, args, contentType }) => ({
          resource,
          method,
          args,
          ...(contentType ? { contentType } : {}),
        })),
    });
  }
  return lock;
}
