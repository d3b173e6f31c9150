/**
 * What `spec:update` asks GitHub: which commit a ref names (the REST API's `commits/<ref>`), and the
 * spec file's bytes at that commit (raw content). Both hosts can be replaced, for a mirror or a test
 * server: SPEC_UPDATE_API_URL (default https://api.github.com) and SPEC_UPDATE_RAW_URL (default
 * https://raw.githubusercontent.com). GITHUB_TOKEN, when set, is sent to GitHub's own API only,
 * never to a replaced host.
 */
import { InputError } from '../errors.ts';
import { FetchError, fetchBytes } from '../util/fetch.ts';
import { GITHUB_RAW_BASE, isCommitSha, pinUrl, type GithubPin } from '../util/github-pin.ts';

export const GITHUB_API_BASE = 'https://api.github.com';

export interface Endpoints {
  api: string;
  raw: string;
  token?: string;
}

export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): Endpoints {
  const api = env.SPEC_UPDATE_API_URL || GITHUB_API_BASE;
  return {
    api: api.replace(/\/+$/, ''),
    raw: (env.SPEC_UPDATE_RAW_URL || GITHUB_RAW_BASE).replace(/\/+$/, ''),
    ...(api === GITHUB_API_BASE && env.GITHUB_TOKEN ? { token: env.GITHUB_TOKEN } : {}),
  };
}

export interface Commit {
  sha: string;
  /** The committer date, `YYYY-MM-DD`, when the API gave one. */
  date?: string;
}

/**
 * The commit `ref` (a branch, tag, short or full sha; `HEAD` = the default branch) names in the pin's
 * repository. `where` locates the ref for messages (the command line or the config's line).
 */
export async function resolveCommit(
  pin: GithubPin,
  ref: string,
  where: string,
  endpoints: Endpoints,
): Promise<Commit> {
  const url = `${endpoints.api}/repos/${pin.owner}/${pin.repo}/commits/${encodeURIComponent(ref)}`;
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'user-agent': 'telnyx-codegen spec:update',
    ...(endpoints.token ? { authorization: `Bearer ${endpoints.token}` } : {}),
  };
  let body: unknown;
  try {
    body = JSON.parse((await fetchBytes(url, headers)).toString('utf8'));
  } catch (error) {
    if (error instanceof FetchError && (error.status === 404 || error.status === 422))
      throw new InputError(
        `${pin.owner}/${pin.repo} has no commit, branch or tag "${ref}" (HTTP ${error.status})`,
        where,
        'name an existing commit id (40 hex digits) with --ref, or a branch that exists in spec.branch',
      );
    throw unreachable(url, error, 'resolve the ref');
  }
  const commit = body as { sha?: unknown; commit?: { committer?: { date?: unknown } } };
  if (typeof commit?.sha !== 'string' || !isCommitSha(commit.sha))
    throw new InputError(
      `the commits API did not answer a 40-hex commit id for "${ref}"`,
      url,
      'check SPEC_UPDATE_API_URL points at the GitHub REST API (or a mirror of its commits endpoint)',
    );
  const date = commit.commit?.committer?.date;
  return {
    sha: commit.sha,
    ...(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? { date: date.slice(0, 10) } : {}),
  };
}

/** The spec file's bytes at `sha`, from the raw host (or its replacement). */
export async function downloadAt(pin: GithubPin, sha: string, endpoints: Endpoints): Promise<Buffer> {
  const url = pinUrl(pin, sha, endpoints.raw);
  try {
    return await fetchBytes(url);
  } catch (error) {
    if (error instanceof FetchError && error.status === 404)
      throw new InputError(
        `${pin.path} does not exist at commit ${sha}`,
        url,
        'pick a commit that has the spec file, or correct the file path in spec.url',
      );
    throw unreachable(url, error, 'download the spec');
  }
}

function unreachable(url: string, error: unknown, what: string): InputError {
  const reason = error instanceof SyntaxError ? `not JSON: ${error.message}` : (error as Error).message;
  return new InputError(
    `could not ${what}: ${reason}`,
    url,
    'check the network (or SPEC_UPDATE_API_URL / SPEC_UPDATE_RAW_URL), then run again: nothing was changed',
  );
}
