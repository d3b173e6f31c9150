/**
 * Stage 2, model: the loaded spec + config -> the Api model (see types.ts). Assigns every name here,
 * through generator/naming, so emitters only render.
 */
import type { LintFinding } from '../errors.ts';
import type { SpecDocument } from '../load/index.ts';
import { HTTP_METHODS } from '../load/structure.ts';
import { assignNames, lockKey, type LockedName, type NamingInput } from '../naming/index.ts';
import { buildOperation, type OperationDraft } from './operations.ts';
import { checkGuide } from './guides.ts';
import {
  productList,
  productOf,
  readProductConfig,
  type ProductConfig,
  type UnmappedPolicy,
} from './products.ts';
import { buildResources } from './resources.ts';
import { makeResolver } from './resolve.ts';
import { convertComponents, newSchemaContext } from './schemas.ts';
import type { Api, BodyKind, HttpMethod, Operation, OperationNames, TypeNode } from './types.ts';
import { buildWebhooks } from './webhooks.ts';
import { returnsList } from './shape.ts';

export type * from './types.ts';
export { makeResolver } from './resolve.ts';
export { variantNames } from './variants.ts';

export interface ModelOptions {
  productsFile: string;
  lock: Map<string, LockedName> | undefined;
  /** The type names the lock lists for the webhooks module (naming/webhooks.ts); none without a lock. */
  lockedWebhookTypes?: ReadonlySet<string>;
  overrides: Record<string, string>;
  includeHidden: boolean;
  configFile: string;
  /** Unmapped tags are errors (CI that wants every tag placed); else provisional products. */
  strict?: boolean;
}

/** Types and operations without names or products: the part of the model that needs only the spec. */
export function draftOperations(doc: SpecDocument) {
  const spec = doc.data;
  const ctx = newSchemaContext(spec);
  convertComponents(ctx);
  const resolve = makeResolver(ctx.types);
  const server: string = spec.servers?.[0]?.url ?? '';
  const drafts: OperationDraft[] = [];
  for (const path of Object.keys(spec.paths).sort()) {
    for (const method of HTTP_METHODS) {
      if (spec.paths[path][method])
        drafts.push(buildOperation(ctx, path, method as HttpMethod, server, resolve));
    }
  }
  return { ctx, resolve, server, drafts };
}

/** What naming needs to know of each operation. */
export function namingInputs(drafts: OperationDraft[], resolve: (n: TypeNode) => TypeNode): NamingInput[] {
  return drafts.map((d) => ({
    key: d.key,
    method: d.method,
    path: d.path,
    pointer: d.pointer,
    hidden: d.hidden,
    ...(d.operationId ? { operationId: d.operationId } : {}),
    ...(d.summary ? { summary: d.summary } : {}),
    returnsList: returnsList(d, resolve),
    accepted: d.response.status === '202',
  }));
}

/** Prefix for a path segment that cannot start an identifier: `/10dlc` is a messaging product. */
export const DIGIT_PREFIX = 'messaging';

export function buildModel(doc: SpecDocument, options: ModelOptions): { api: Api; findings: LintFinding[] } {
  const spec = doc.data;
  const { ctx, resolve, server, drafts } = draftOperations(doc);
  const products = readProductConfig(options.productsFile);
  const { names, findings } = assignNames(namingInputs(drafts, resolve), {
    lock: options.lock,
    overrides: options.overrides,
    digitPrefix: DIGIT_PREFIX,
    locate: doc.locate,
    configFile: options.configFile,
  });
  const provisional = new Map<string, string>(); // slug -> tag
  const policy: UnmappedPolicy = {
    strict: options.strict === true,
    provisional: (tag, slug, op) => {
      if (!provisional.has(slug) && !products.products.some((p) => p.slug === slug))
        findings.push({
          rule: 'unmapped-tag',
          message: `tag "${tag}" (first used by ${op.key}) is in no product; its operations go to a provisional product "${slug}"`,
          pointer: op.pointer,
          where: doc.locate(op.pointer),
        });
      provisional.set(slug, tag);
    },
  };
  const operations: Operation[] = drafts.map((d) => ({
    ...d,
    product: productOf(d, products, doc.locate, policy),
    names: withAliases(names.get(d.key)!, options.lock?.get(lockKey(d.method, d.path)), d),
  }));
  for (const note of ctx.notes) findings.push({ ...note, where: doc.locate(note.pointer) });
  const exposed = operations.filter((op) => options.includeHidden || !op.hidden);
  const webhooks = buildWebhooks(
    ctx,
    resolve,
    options.lock && (options.lockedWebhookTypes ?? new Set()),
    DIGIT_PREFIX,
  );
  const byKey = new Map(exposed.map((op) => [op.key, op]));
  const guided: ProductConfig = {
    ...products,
    products: products.products.map((p) => ({
      ...p,
      ...checkGuide(p, byKey, webhooks, resolve, { strict: policy.strict, warn: (f) => findings.push(f) }),
    })),
  };
  const api: Api = {
    title: spec.info?.title ?? '',
    version: String(spec.info?.version ?? ''),
    specSha256: doc.sha256,
    server,
    operations,
    resources: buildResources(exposed),
    types: [...ctx.types.values()].sort((a, b) => a.name.localeCompare(b.name)),
    webhooks,
    products: productList(withProvisional(guided, provisional), exposed),
  };
  return { api, findings };
}

/**
 * The lock's other methods for a locked operation, where they live on the same resource and a body
 * kind they name is one the operation offers (a variant for a content type it does not take would
 * send what the API refuses).
 */
function withAliases(
  names: OperationNames,
  locked: LockedName | undefined,
  op: OperationDraft,
): OperationNames {
  if (names.source !== 'lock' || !locked?.aliases.length) return names;
  const offered = new Set(op.body?.contents.map((c) => c.kind));
  const aliases = locked.aliases
    .filter((a) => a.resource.join('.') === names.resource.join('.') && a.method !== names.method)
    .flatMap((a): { method: string; bodyKind?: BodyKind }[] => {
      if (!a.contentType) return [{ method: a.method }];
      const kind = BODY_KINDS[a.contentType];
      return kind && offered.has(kind) ? [{ method: a.method, bodyKind: kind }] : [];
    });
  return aliases.length ? { ...names, aliases } : names;
}

const BODY_KINDS: Record<string, BodyKind> = {
  json: 'json',
  multipart: 'multipart',
  'form-data': 'multipart',
  form: 'form',
};

/** The configured products plus a provisional one per unmapped tag (titled by the tag). */
function withProvisional(config: ProductConfig, provisional: Map<string, string>): ProductConfig {
  const known = new Set(config.products.map((p) => p.slug));
  const added = [...provisional]
    .filter(([slug]) => !known.has(slug))
    .map(([slug, tag]) => ({
      slug,
      title: tag,
      description: `Operations tagged "${tag}" in the spec (a provisional product: add the tag to specs/products.yml).`,
      caveats: [],
      tasks: [],
      events: [],
    }));
  return added.length ? { ...config, products: [...config.products, ...added] } : config;
}
