/**
 * The generator's configuration (`specs/telnyx.yml` by default): where the spec comes from, where names
 * come from, which products exist and which product documents each webhook event. Read once per run
 * and passed down; no module keeps it.
 */
import { resolve } from 'node:path';
import { InputError } from './errors.ts';
import { isPlainObject } from './util/objects.ts';
import { PROJECT_ROOT } from './util/paths.ts';
import { readYamlFile } from './util/yaml-file.ts';

export const DEFAULT_CONFIG = resolve(PROJECT_ROOT, 'specs/telnyx.yml');

export interface SpecSourceConfig {
  /** A raw GitHub URL at a commit (checked where the pin is used: generator/load/source.ts). */
  url?: string;
  /** `file:line:col` of `spec.url` in the config, for messages about the pin. */
  urlWhere?: string;
  /** The branch `npm run spec:update` follows (default: the repository's default branch). */
  branch?: string;
  sha256?: string;
  localCopies: string[];
  cacheDir: string;
  /** Folders besides the spec's own that its file `$ref`s may read (none by default). */
  refFolders?: string[];
}

export interface Config {
  /** The config file itself, for messages. */
  file: string;
  spec: SpecSourceConfig;
  names: { from: string | 'none'; overrides: Record<string, string> };
  includeHidden: boolean;
  productsFile: string;
  /** Webhook event type -> product table for the skills; undefined: events go by their tags alone. */
  webhooksFile: string | undefined;
  package: { name: string; version: string };
  compat: CompatConfig;
}

/**
 * Shapes a previous release gave some operations by its generator's per-endpoint settings, which no
 * rule over the spec reproduces; kept so code written for it runs unchanged. Each is accepted beside
 * the shape the rules give (generator/surface/compat.ts).
 */
export interface CompatConfig {
  /** "METHOD /path" -> the member that holds the whole body (`{ network_create: {...} }`). */
  bodyWrappers: Record<string, string>;
  /** "METHOD /path" -> { another key for a body field: the field's wire name }. */
  fieldAliases: Record<string, Record<string, string>>;
  /**
   * What one official SDK release does with a body unlike the others, in that language's examples
   * only: language -> "METHOD /path" -> the member it takes the body under, or `extra_body` where its
   * method cannot send the body at all (it lacks the fields, or drops the member it declares).
   */
  releaseBodies: Partial<Record<ReleaseLanguage, Record<string, string>>>;
}

/** The languages whose examples run on an official SDK release that takes keyword arguments. */
export const RELEASE_LANGUAGES = ['python', 'ruby'] as const;
export type ReleaseLanguage = (typeof RELEASE_LANGUAGES)[number];

export function loadConfig(file = DEFAULT_CONFIG): Config {
  const { data, locate } = readYamlFile(file);
  const root = (isPlainObject(data) ? data : {}) as Record<string, any>;
  const need = (path: string[], ok: boolean, what: string) => {
    if (!ok)
      throw new InputError(
        `config ${path.join('.')} must be ${what}`,
        locate(path),
        `set ${path.join('.')} to ${what}`,
      );
  };
  const spec = root.spec ?? {};
  need(['spec'], isPlainObject(spec), 'a mapping');
  need(
    ['spec', 'localCopies'],
    spec.localCopies === undefined || isStringArray(spec.localCopies),
    'a list of paths',
  );
  need(
    ['spec', 'refFolders'],
    spec.refFolders === undefined || isStringArray(spec.refFolders),
    'a list of folders',
  );
  need(['spec', 'url'], spec.url === undefined || typeof spec.url === 'string', 'a URL');
  need(
    ['spec', 'branch'],
    spec.branch === undefined || (typeof spec.branch === 'string' && spec.branch !== ''),
    'a branch name',
  );
  need(
    ['spec', 'sha256'],
    spec.sha256 === undefined || /^[0-9a-f]{64}$/.test(spec.sha256),
    'a 64-digit hex sha256',
  );
  const names = root.names ?? {};
  need(['names', 'from'], typeof (names.from ?? 'none') === 'string', "a path or 'none'");
  need(
    ['names', 'overrides'],
    isPlainObject(names.overrides ?? {}),
    'a mapping "METHOD /path": chain.method',
  );
  need(['products'], typeof root.products === 'string', 'the path of the products file');
  need(
    ['webhooks'],
    root.webhooks === undefined || typeof root.webhooks === 'string',
    'the path of the webhooks file',
  );
  const compat = root.compat ?? {};
  need(['compat'], isPlainObject(compat), 'a mapping');
  need(
    ['compat', 'bodyWrappers'],
    isStringMap(compat.bodyWrappers ?? {}),
    'a mapping "METHOD /path": member name',
  );
  need(
    ['compat', 'fieldAliases'],
    isPlainObject(compat.fieldAliases ?? {}) && Object.values(compat.fieldAliases ?? {}).every(isStringMap),
    'a mapping "METHOD /path": { alias: wire name }',
  );
  const releaseBodies = compat.releaseBodies ?? {};
  need(
    ['compat', 'releaseBodies'],
    isPlainObject(releaseBodies) &&
      Object.entries(releaseBodies).every(
        ([language, bodies]) =>
          RELEASE_LANGUAGES.includes(language as ReleaseLanguage) && isStringMap(bodies),
      ),
    `a mapping ${RELEASE_LANGUAGES.join(' or ')} -> { "METHOD /path": member name or extra_body }`,
  );
  const pkg = root.package ?? {};
  need(['package', 'name'], typeof pkg.name === 'string', 'a package name');
  const fromRoot = (p: string) => resolve(PROJECT_ROOT, p);
  return {
    file,
    spec: {
      url: spec.url,
      urlWhere: locate(['spec', 'url']),
      ...(spec.branch === undefined ? {} : { branch: spec.branch }),
      sha256: spec.sha256,
      localCopies: (spec.localCopies ?? []).map(fromRoot),
      cacheDir: fromRoot(spec.cacheDir ?? '.cache/spec'),
      refFolders: (spec.refFolders ?? []).map(fromRoot),
    },
    names: {
      from: names.from === 'none' || !names.from ? 'none' : fromRoot(names.from),
      overrides: names.overrides ?? {},
    },
    includeHidden: root.includeHidden === true,
    productsFile: fromRoot(root.products),
    webhooksFile: root.webhooks === undefined ? undefined : fromRoot(root.webhooks),
    package: { name: pkg.name, version: String(pkg.version ?? '0.0.0') },
    compat: {
      bodyWrappers: compat.bodyWrappers ?? {},
      fieldAliases: compat.fieldAliases ?? {},
      releaseBodies,
    },
  };
}

function isStringMap(v: unknown): v is Record<string, string> {
  return isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string');
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
