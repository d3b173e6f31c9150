/**
 * Skill docs (docs/SKILLS.md): one SKILL.md per product and language, for every public operation,
 * plus skills/README.md and skills/index.json. Pure: the same model and templates give the same bytes.
 */
import type { LintFinding } from '../../errors.ts';
import type { Api, TypeNode } from '../../model/index.ts';
import { hasUpload } from '../../examples/examples.ts';
import { handlerView } from './handler.ts';
import type { Surface } from '../../surface/index.ts';
import type { Names } from '../../naming/names.ts';
import { LANGUAGES } from './languages.ts';
import { productKey, skillKey } from './cache-key.ts';
import { renderSkill, skillName, type RenderedSkill, type SkillInput } from './skill.ts';
import { NO_UNIT_CACHE, type UnitCache } from '../unit-cache.ts';
import { loadTemplates } from './templates.ts';
import { operationViews, productNotes, taskViews, type OperationView } from './views.ts';
import { eventRows } from './webhook-view.ts';
import { eventsByProduct, readWebhookRoutes } from './webhooks.ts';
import type { FileSink } from '../files.ts';

export interface SkillsContext {
  templatesDir: string;
  resolve: (n: TypeNode) => TypeNode;
  /** The JavaScript package users install (the generated client). */
  packageName: string;
  /** The run's names: how each SDK spells each operation's inputs. */
  names: Names;
  /** Webhook event -> product table (the config's `webhooks`); none: events go by their tags alone. */
  webhooksFile: string | undefined;
  /** Unplaced webhook events are errors; else findings, and the events are left out. */
  strict?: boolean;
  warn?: (finding: LintFinding) => void;
  /** Skills rendered by earlier runs, by the hash of their input; none: every skill rendered. */
  units?: UnitCache;
  /** What every skill's key starts from: the hash of the generator's code and templates. */
  unitsKey?: string;
}

export const GENERATOR = 'telnyx-codegen';

/** Each file goes to `files` as it is rendered (the run's output writer, or a new Map by default). */
export function renderSkills<Sink extends FileSink = Map<string, string>>(
  api: Api,
  surface: Surface,
  ctx: SkillsContext,
  files: Sink = new Map() as FileSink as Sink,
): Sink {
  const templates = loadTemplates(
    ctx.templatesDir,
    LANGUAGES.map((l) => l.id),
  );
  const events = eventsByProduct(api, readWebhookRoutes(ctx.webhooksFile), ctx.resolve, {
    strict: ctx.strict === true,
    warn: ctx.warn ?? (() => {}),
  });
  const env = { resolve: ctx.resolve, types: new Map(api.types.map((t) => [t.name, t])) };
  const policy = { strict: ctx.strict === true, warn: ctx.warn ?? (() => {}) };
  const index: IndexEntry[] = [];
  const units = ctx.units ?? NO_UNIT_CACHE;
  for (const product of api.products) {
    const views = operationViews(api, surface, product.operations, ctx.resolve);
    const tasks = taskViews(api, surface, product, views, env, policy);
    const notes = productNotes(views, ctx.resolve);
    const productEvents = events.get(product.slug) ?? [];
    const fallback = errorOperation(views);
    const errorCall = tasks[0]
      ? { input: tasks[0].input, result: tasks[0].result, heading: tasks[0].title }
      : { input: fallback.input, result: fallback.result, heading: fallback.heading };
    const handler = productEvents.length
      ? handlerView(
          product,
          productEvents.map((e) => e.event),
          ctx.resolve,
          policy,
        )
      : undefined;
    const rows = eventRows(productEvents, product, ctx.resolve);
    const input: Omit<SkillInput, 'language'> = {
      product,
      views,
      tasks,
      notes,
      events: productEvents,
      rows,
      handler,
      errorCall,
      server: api.server,
      specVersion: api.version,
      generator: GENERATOR,
      packageName: ctx.packageName,
      names: ctx.names,
    };
    // Each skill from the cache when its input is unchanged since a run that rendered it.
    const key = ctx.units && productKey(ctx.unitsKey ?? '', input);
    for (const language of LANGUAGES) {
      const unit = key ? skillKey(key, language.id) : undefined;
      const cached = unit ? units.get<[string, string][]>(unit) : undefined;
      const skill = cached
        ? { name: skillName(product.slug, language.id), files: new Map(cached) }
        : renderSkill({ ...input, language }, templates);
      if (unit && !cached) units.set(unit, [...skill.files]);
      skill.files.forEach((text, path) => files.set(path, text));
      index.push(entryOf(skill, product, language.id, language.title, productEvents.length));
    }
  }
  const operations = api.products.reduce((n, p) => n + p.operations.length, 0);
  files.set(
    'skills/README.md',
    templates.readme({ specVersion: api.version, skills: index, operations }).trimEnd() + '\n',
  );
  files.set(
    'skills/index.json',
    JSON.stringify({ generator: GENERATOR, specVersion: api.version, skills: index }, null, 2) + '\n',
  );
  return files;
}

interface IndexEntry {
  name: string;
  product: string;
  title: string;
  language: string;
  languageTitle: string;
  description: string;
  path: string;
  references: string[];
  operations: number;
  webhookEvents: number;
}

function entryOf(
  skill: RenderedSkill,
  product: Api['products'][number],
  language: string,
  languageTitle: string,
  events: number,
): IndexEntry {
  const prefix = `skills/${skill.name}/`;
  return {
    name: skill.name,
    product: product.slug,
    title: product.title,
    language,
    languageTitle,
    description: product.description,
    path: `${skill.name}/SKILL.md`,
    references: [...skill.files.keys()]
      .filter((f) => f.includes('/references/'))
      .map((f) => f.slice(prefix.length)),
    operations: product.operations.length,
    webhookEvents: events,
  };
}

/**
 * The operation the error-handling example wraps when the product names no core task: the first
 * plain JSON call without uploads (a readable example), else the first that prints a result.
 */
function errorOperation(views: OperationView[]): OperationView {
  const plain = (v: OperationView) =>
    v.input.result === 'json' &&
    !v.input.fields.some((f) => hasUpload(f.value)) &&
    !(v.input.wholeBody && hasUpload(v.input.wholeBody));
  return views.find(plain) ?? views.find((v) => v.input.result !== 'download') ?? views[0];
}
