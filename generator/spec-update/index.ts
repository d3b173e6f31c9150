/**
 * Moving the spec pin (`npm run spec:update`): resolve the commit (`--ref`, else the newest commit of
 * `spec.branch`, else of the default branch), download the spec at that commit, build the change
 * report against the current pin (generator/diff/report.ts, the report `npm run diff` prints), then
 * rewrite `spec.url` + `spec.sha256`. Every check runs before anything is written: a failed download,
 * a spec the generator refuses or a bad config leaves the config (and the CHANGELOG) as they were.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { buildSide } from '../diff/build.ts';
import { changeReport, formatReport, type ReportFormat } from '../diff/report.ts';
import { InputError } from '../errors.ts';
import { resolveSpecSource, specText } from '../load/source.ts';
import { isCommitSha, parseGithubPin, pinUrl, type GithubPin } from '../util/github-pin.ts';
import { sha256 } from '../util/hash.ts';
import { displayPath } from '../util/paths.ts';
import { readYamlFile } from '../util/yaml-file.ts';
import { downloadAt, endpointsFromEnv, resolveCommit, type Endpoints } from './github.ts';
import { changelogText, commitStaged, discardStaged, movePinText, stage, type StagedFile } from './files.ts';

export interface UpdateOptions {
  /** The config to move (default specs/telnyx.yml). */
  config?: string;
  /** A commit (or any ref the commits API resolves); default spec.branch, else the default branch. */
  ref?: string;
  namesFrom?: string;
  format?: ReportFormat;
  /** The report's `## ` heading; default the commit's date. */
  title?: string;
  /** Insert the report's markdown section at the top of this file. */
  changelog?: string;
  /** Move the pin without building the report (the current pin's bytes cannot be found). */
  report?: boolean;
  cache?: boolean;
  endpoints?: Endpoints;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface UpdateResult {
  moved: boolean;
  url: string;
  sha256: string;
  /** The report as formatted (`format`), undefined when not moved or not asked for. */
  report?: string;
}

export async function updatePin(options: UpdateOptions = {}): Promise<UpdateResult> {
  const log = options.log ?? (() => {});
  const endpoints = options.endpoints ?? endpointsFromEnv();
  const config = loadConfig(options.config);
  const { locate } = readYamlFile(config.file);
  const pin = pinOf(config, locate(['spec', 'url']));

  const ref = options.ref ?? config.spec.branch ?? 'HEAD';
  const refWhere = options.ref !== undefined ? '--ref' : locate(['spec', 'branch']);
  const commit = await resolveCommit(pin, ref, refWhere, endpoints);
  log(`${ref} is commit ${commit.sha}${commit.date ? ` (${commit.date})` : ''}`);
  const url = pinUrl(pin, commit.sha);
  const bytes = await downloadAt(pin, commit.sha, endpoints);
  const hash = sha256(bytes);
  log(`downloaded ${pinUrl(pin, commit.sha, endpoints.raw)}: ${bytes.length} bytes, sha256 ${hash}`);

  if (pin.ref === commit.sha) {
    // Same commit, so the same bytes: anything else means the pin was edited by hand or the host lies.
    if (config.spec.sha256 && config.spec.sha256 !== hash)
      throw new InputError(
        `spec.sha256 is ${config.spec.sha256} but the pinned commit's file hashes to ${hash}`,
        locate(['spec', 'sha256']),
        `set spec.sha256 to ${hash} if the pinned commit is what you meant`,
      );
    log(`${displayPath(config.file)} already pins ${commit.sha}: nothing to change`);
    return { moved: false, url, sha256: hash };
  }
  if (isCommitSha(pin.ref) && hash === config.spec.sha256) {
    // Commits that leave the spec file alone move nothing: no pull request a day for the same bytes.
    log(`the spec at ${commit.sha} is the pinned file byte for byte: nothing to change`);
    return { moved: false, url: config.spec.url!, sha256: hash };
  }

  specText(bytes, url); // UTF-8 text, else located by line and column in the URL's file
  // Straight into the content-addressed cache, where `generate` reads the pin: the report's model
  // is then cached under the same path, and the `generate` that follows starts warm.
  const cached = cacheSpec(config, bytes, hash);
  const asUrl = (error: unknown) => relocate(error, displayPath(cached.file), url);
  const staged: StagedFile[] = [];
  let pinned = false;
  try {
    let report: string | undefined;
    let section: string | undefined;
    if (options.report === false) {
      // No report, but the generator must still accept the spec before it is pinned.
      await buildSide(cached.file, sideOptions(options)).then((side) => side.dispose(), asUrl);
    } else {
      const oldSpec = await currentSpec(config);
      const result = await changeReport(oldSpec, cached.file, {
        ...sideOptions(options),
        title: options.title ?? commit.date ?? commit.sha.slice(0, 12),
      }).catch(asUrl);
      result.report.from = config.spec.url ?? result.report.from;
      result.report.to = url;
      report = await formatReport(result, options.format ?? 'md');
      section = options.format === 'json' ? await formatReport(result, 'md') : report;
    }
    if (options.changelog && section)
      staged.push(stage(options.changelog, changelogText(options.changelog, section)));
    staged.push(stage(config.file, movePinText(readFileSync(config.file, 'utf8'), url, hash)));
    commitStaged(staged);
    pinned = true;
    log(`${displayPath(config.file)}: spec.url and spec.sha256 now pin ${commit.sha}`);
    return { moved: true, url, sha256: hash, ...(report === undefined ? {} : { report }) };
  } finally {
    discardStaged(staged);
    // A spec that was refused does not stay behind (one that was there before this run does).
    if (!pinned && cached.created) rmSync(cached.file, { force: true });
  }
}

/** The pin's parts; `spec:update` can move only a raw GitHub URL. */
function pinOf(config: Config, where: string): GithubPin {
  const pin = config.spec.url === undefined ? undefined : parseGithubPin(config.spec.url);
  if (!pin)
    throw new InputError(
      config.spec.url === undefined
        ? 'spec.url is not set: there is no pin to move'
        : 'spec.url is not a raw GitHub URL (https://raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>)',
      where,
      'set spec.url to the spec file of its GitHub repository at a commit, e.g. ' +
        'https://raw.githubusercontent.com/team-telnyx/openapi/<40-hex commit>/openapi/spec3.yml',
    );
  return pin;
}

/**
 * The currently pinned spec's file: a local copy or the cache, or a download of the pinned URL when
 * it names a commit (a branch URL may serve other bytes by now; the sha256 check would refuse them).
 */
async function currentSpec(config: Config): Promise<string> {
  const pin = config.spec.url ? parseGithubPin(config.spec.url) : undefined;
  const url = pin && isCommitSha(pin.ref) ? config.spec.url : undefined;
  try {
    return (await resolveSpecSource(undefined, { ...config.spec, url })).file;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      `the current pin cannot be read for the change report: ${error.message}`,
      error.where ?? config.spec.urlWhere,
      'place the pinned spec at a local copy, or pass --no-report to move the pin without a report',
    );
  }
}

function sideOptions(options: UpdateOptions) {
  return { config: options.config, namesFrom: options.namesFrom, cache: options.cache };
}

/**
 * The new spec's bytes at `<cacheDir>/<sha256>.yml` (written whole, then renamed), read back and
 * hashed: a short write (a full disk) must not become the pin. `created`: not there before.
 */
function cacheSpec(config: Config, bytes: Buffer, hash: string): { file: string; created: boolean } {
  const file = join(config.spec.cacheDir, `${hash}.yml`);
  const created = !existsSync(file);
  if (created) {
    mkdirSync(config.spec.cacheDir, { recursive: true });
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
  }
  if (sha256(readFileSync(file)) !== hash) {
    rmSync(file, { force: true });
    throw new InputError(
      `the cached copy of the new spec does not hash to ${hash}`,
      displayPath(file),
      'check the disk (space, permissions) and run again: the config was not changed',
    );
  }
  return { file, created };
}

/** An error located in the cached copy, located at the URL it came from instead. */
function relocate(error: unknown, cachedPath: string, url: string): never {
  if (!(error instanceof InputError)) throw error;
  const named = (text: string) => text.split(cachedPath).join(url);
  throw new InputError(named(error.message), error.where && named(error.where), named(error.fix));
}
