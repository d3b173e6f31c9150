/**
 * The skills' handlebars templates (templates/skills/), compiled once per run in their own
 * `Handlebars.create()` environment. Output is markdown and code, so handlebars' HTML escaping is off:
 * every spec string goes through one of the helpers below, chosen by where it lands.
 */
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellCode, fence, inlineCode, mdCell, mdText, yamlString } from './escape.ts';

/**
 * Top-level templates: the SKILL.md sections (skill.ts puts them in order; the webhook payloads
 * follow the webhooks section inline, or `payloads-link` points to them in a long skill), the
 * references/ files of a long skill (`reference`, `payloads-file`), the index README.
 */
export const SECTIONS = [
  'frontmatter',
  'title',
  'setup',
  'caveats',
  'tasks',
  'errors',
  'notes',
  'webhooks',
  'payloads',
  'payloads-link',
  'operation',
  'index',
  'reference',
  'payloads-file',
  'readme',
] as const;
export type Section = (typeof SECTIONS)[number];

export type Templates = Record<Section, (view: object) => string>;

const OPTIONS = { noEscape: true, strict: true } as const;

/**
 * The same spec text is escaped once per language (six times): the helpers remember their results for
 * the run. The cache lives in the environment `loadTemplates` creates, never at module level.
 */
function remembered(escape: (text: string) => string): (text: unknown) => string {
  const cache = new Map<string, string>();
  return (text: unknown) => {
    const key = String(text ?? '');
    let out = cache.get(key);
    if (out === undefined) cache.set(key, (out = escape(key)));
    return out;
  };
}

export function loadTemplates(templatesDir: string, languages: readonly string[]): Templates {
  const dir = join(templatesDir, 'skills');
  const hbs = Handlebars.create();
  hbs.registerHelper({
    /** Prose (paragraphs, headings, list items). */
    md: remembered(mdText),
    /** A table cell. */
    cell: remembered(mdCell),
    /** Inline code, in prose and in table cells. */
    code: remembered(inlineCode),
    cellCode: remembered(cellCode),
    /** A YAML frontmatter value. */
    yaml: (text: unknown) => yamlString(String(text ?? '')),
    eq: (a: unknown, b: unknown) => a === b,
    /** `{{#fence "python"}}code{{/fence}}`: a fence no backtick run in the code can close. */
    fence(this: unknown, info: string, options: Handlebars.HelperOptions) {
      return fence(info, options.fn(this));
    },
    /** The name of the current language's partial: `{{> (lang "setup")}}`. */
    lang: (name: string, options: Handlebars.HelperOptions) => `${options.data.root.language.id}/${name}`,
  });
  for (const language of languages) {
    for (const file of readdirSync(join(dir, language))
      .filter((f) => f.endsWith('.hbs'))
      .sort()) {
      hbs.registerPartial(
        `${language}/${file.slice(0, -4)}`,
        hbs.compile(readFileSync(join(dir, language, file), 'utf8'), OPTIONS),
      );
    }
  }
  const templates = {} as Templates;
  for (const section of SECTIONS)
    templates[section] = hbs.compile(readFileSync(join(dir, `${section}.hbs`), 'utf8'), OPTIONS);
  return templates;
}
