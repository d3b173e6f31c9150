/**
 * The spec pin's URL: a file of a GitHub repository at one commit, as GitHub serves raw content,
 * `https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>`. Only a commit id keeps the URL
 * downloadable for ever: a branch moves, and then the bytes no longer hash to the pinned sha256.
 */

export const GITHUB_RAW_BASE = 'https://raw.githubusercontent.com';

export interface GithubPin {
  owner: string;
  repo: string;
  /** What the URL names: a 40-hex commit id, or a branch or tag name. */
  ref: string;
  /** The file inside the repository, e.g. `openapi/spec3.yml`. */
  path: string;
}

export const isCommitSha = (ref: string) => /^[0-9a-f]{40}$/.test(ref);

/** The parts of a raw GitHub URL, or undefined for any other URL. */
export function parseGithubPin(url: string): GithubPin | undefined {
  if (!url.startsWith(`${GITHUB_RAW_BASE}/`)) return undefined;
  const rest = url.slice(GITHUB_RAW_BASE.length + 1).split(/[?#]/)[0];
  const [owner, repo, ...tail] = rest.split('/');
  // `refs/heads/<branch>/...` is how raw URLs spell a branch explicitly: a branch all the same.
  const ref = tail[0] === 'refs' ? tail.slice(0, 3).join('/') : tail[0];
  const path = tail.slice(ref.split('/').length).join('/');
  if (!owner || !repo || !ref || !path) return undefined;
  return { owner, repo, ref, path };
}

/** The raw URL of `pin`'s file at `commit`, under `base` (GitHub's host, or a mirror of it). */
export function pinUrl(pin: GithubPin, commit: string, base = GITHUB_RAW_BASE): string {
  return `${base.replace(/\/+$/, '')}/${pin.owner}/${pin.repo}/${commit}/${pin.path}`;
}

/**
 * Why `url` is not an acceptable pin, or undefined when it is: a raw GitHub URL must name a commit.
 * URLs of other hosts are taken as they are (nothing tells whether they can move).
 */
export function branchPinProblem(url: string): string | undefined {
  const pin = parseGithubPin(url);
  if (!pin || isCommitSha(pin.ref)) return undefined;
  return `spec.url names "${pin.ref}", a branch or tag, not a commit: once it moves, the pinned bytes cannot be downloaded`;
}
