/**
 * Products: groups of spec tags (config in specs/products.yml). Every public operation lands in exactly
 * one product, decided by its first tag; tags listed under `split` are divided by the operation's
 * action (the last static path segment), as the `Call Commands` tag is across the voice products.
 * An unmapped tag or action is an error that names it and where it is used.
 */
import { InputError } from '../errors.ts';
import { isPlainObject } from '../util/objects.ts';
import { readYamlFile } from '../util/yaml-file.ts';
import { readGuide, type GuideConfig } from './guides.ts';
import { fitName } from '../util/file-names.ts';
import type { Product } from './types.ts';

/** The tag name used for operations without tags. */
export const UNTAGGED = '(untagged)';

export interface ProductConfig {
  file: string;
  products: ({ slug: string; title: string; description: string } & GuideConfig)[];
  /** tag -> product slug. */
  byTag: Map<string, string>;
  /** split tag -> action -> product slug. */
  split: Map<string, Map<string, string>>;
  locate: (path: (string | number)[]) => string;
}

export function readProductConfig(file: string): ProductConfig {
  const { data, locate } = readYamlFile(file);
  const root = isPlainObject(data) ? data : {};
  const fail = (path: (string | number)[], message: string, fix: string): never => {
    throw new InputError(message, locate(path), fix);
  };
  if (!isPlainObject(root.products))
    fail(
      ['products'],
      'products must be a mapping of slug -> {title, description, tags}',
      'add a `products` mapping',
    );
  const config: ProductConfig = { file, products: [], byTag: new Map(), split: new Map(), locate };
  for (const [slug, entry] of Object.entries<any>(root.products as Record<string, any>)) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(slug))
      fail(
        ['products', slug],
        `product slug "${slug}" is not kebab-case`,
        'use lower-case words joined by -',
      );
    if (!isPlainObject(entry) || typeof entry.title !== 'string' || typeof entry.description !== 'string') {
      fail(
        ['products', slug],
        `product "${slug}" needs a title and a description`,
        'add `title:` and `description:`',
      );
    }
    config.products.push({
      slug,
      title: entry.title,
      description: entry.description.trim(),
      ...readGuide(slug, entry, locate),
    });
    for (const [i, tag] of (entry.tags ?? []).entries()) {
      const previous = config.byTag.get(tag);
      if (previous)
        fail(
          ['products', slug, 'tags', i],
          `tag "${tag}" is already in product "${previous}"`,
          'list each tag in one product',
        );
      config.byTag.set(tag, slug);
    }
  }
  for (const [tag, actions] of Object.entries<any>(root.split ?? {})) {
    const map = new Map<string, string>();
    for (const [slug, list] of Object.entries<any>(actions ?? {})) {
      if (!config.products.some((p) => p.slug === slug))
        fail(['split', tag, slug], `unknown product "${slug}"`, 'use a slug defined under products');
      for (const [i, action] of (list ?? []).entries()) {
        const previous = map.get(action);
        if (previous)
          fail(
            ['split', tag, slug, i],
            `action "${action}" of "${tag}" is already in product "${previous}"`,
            'list each action under one product',
          );
        map.set(action, slug);
      }
    }
    config.split.set(tag, map);
  }
  return config;
}

/** The last static segment of a path: the action of a command endpoint (`/calls/{id}/actions/answer`). */
export function actionOf(path: string): string {
  const statics = path.split('/').filter((s) => s && !s.startsWith('{'));
  return statics[statics.length - 1] ?? '';
}

/**
 * Where a tag (or split action) the config does not know goes: with `strict`, nowhere (an error);
 * else a provisional product named from the tag, reported as a finding, so a spec with a new tag
 * still generates.
 */
export interface UnmappedPolicy {
  strict: boolean;
  /** Called once per operation placed in a provisional product. */
  provisional(tag: string, slug: string, op: { key: string; pointer: string }): void;
}

/**
 * The provisional product slug of a tag: its words in kebab-case (`Customer Service Records`), cut
 * and hashed when too long for the skill folder it names (util/file-names.ts).
 */
export const provisionalSlug = (tag: string) =>
  fitName(
    tag
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'untagged',
  );

export function productOf(
  op: { key: string; path: string; tags: string[]; pointer: string },
  config: ProductConfig,
  locate: (p: string) => string,
  policy: UnmappedPolicy = { strict: true, provisional: () => {} },
): string {
  const tag = op.tags[0] ?? UNTAGGED;
  const split = config.split.get(tag);
  const provisional = () => {
    const slug = provisionalSlug(tag);
    policy.provisional(tag, slug, op);
    return slug;
  };
  if (split) {
    const action = actionOf(op.path);
    const slug = split.get(action);
    if (!slug) {
      if (!policy.strict) return provisional();
      throw new InputError(
        `action "${action}" of split tag "${tag}" (${op.key}) is in no product`,
        `${locate(op.pointer)} (config ${config.file.replace(/.*\/specs\//, 'specs/')})`,
        `list "${action}" under split."${tag}" for one product in specs/products.yml`,
      );
    }
    return slug;
  }
  const slug = config.byTag.get(tag);
  if (!slug) {
    if (!policy.strict) return provisional();
    throw new InputError(
      `tag "${tag}" (used by ${op.key}) is in no product`,
      locate(op.tags.length ? `${op.pointer}/tags/0` : op.pointer),
      `add "${tag}" to the tags of one product in specs/products.yml`,
    );
  }
  return slug;
}

export function productList(
  config: ProductConfig,
  assigned: { key: string; path: string; method: string; product: string }[],
): Product[] {
  const methodOrder = ['get', 'post', 'put', 'patch', 'delete'];
  return config.products
    .map(({ caveats, tasks, events, ...p }) => ({
      ...p,
      ...(caveats.length ? { caveats } : {}),
      ...(tasks.length ? { tasks } : {}),
      ...(events.length ? { events } : {}),
      operations: assigned
        .filter((op) => op.product === p.slug)
        .sort(
          (a, b) =>
            a.path.localeCompare(b.path) || methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method),
        )
        .map((op) => op.key),
    }))
    .filter((p) => p.operations.length > 0)
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
