/**
 * One skill (product x language): SKILL.md from the section templates in order (docs/SKILLS.md,
 * "SKILL.md, in order"), plus references/api-details.md when the skill would pass ~500 lines.
 */
import type { Product } from '../../model/index.ts';
import type { Names } from '../../naming/names.ts';
import type { Language } from './languages.ts';
import { anchorOf, shellQuote } from './escape.ts';
import { jsString } from './literals.ts';
import type { Templates } from './templates.ts';
import type { OperationView, ProductNotes } from './views.ts';
import type { EventView } from './webhooks.ts';

/** Past this many lines, optional parameters, response fields and payloads move to references/. */
export const SPLIT_LINES = 500;

export interface SkillInput {
  product: Product;
  language: Language;
  views: OperationView[];
  notes: ProductNotes;
  events: EventView[];
  /** The operation the error-handling example wraps. */
  errorOp: OperationView;
  server: string;
  specVersion: string;
  generator: string;
  packageName: string;
  names: Names;
}

export interface RenderedSkill {
  name: string;
  files: Map<string, string>;
}

export function renderSkill(input: SkillInput, templates: Templates): RenderedSkill {
  const { product, language } = input;
  const name = `telnyx-${product.slug}-${language.id}`;
  const call = (v: OperationView) =>
    language.call(v.input, input.server, input.names.operations.get(v.op.key)!);
  const calls = input.views.map(call);
  const errorCall = call(input.errorOp);
  const root = {
    name,
    description: `${product.description.trimEnd().replace(/([^.!?])$/, '$1.')} Examples use ${language.uses(input.packageName)}.`,
    product: { slug: product.slug, title: product.title, description: product.description },
    language: { id: language.id, title: language.title, fence: language.fence },
    generator: input.generator,
    specVersion: input.specVersion,
    pkg: jsString(input.packageName),
    // npm package names are shell-safe words; anything else is quoted rather than trusted.
    install: /^[@a-z0-9._/-]+$/i.test(input.packageName) ? input.packageName : shellQuote(input.packageName),
    retriesBuiltIn: language.retriesBuiltIn,
    errors: {
      ...errorCall,
      result: errorCall.result === 'none' ? 'none' : 'json',
      heading: input.errorOp.heading,
    },
    webhooks: input.events,
  };
  const render = (inline: boolean) => {
    const notes = { ...input.notes, split: !inline };
    const sections = [
      templates.frontmatter(root),
      templates.title(root),
      templates.setup(root),
      templates.errors(root),
      notes.pagination || notes.e164 || notes.split ? templates.notes({ ...root, notes }) : '',
      ...input.views.map((view, i) =>
        templates.operation({
          ...root,
          ...view,
          call: calls[i],
          inlineDetails: inline,
          detailsAnchor: detailsAnchor(view, inline),
        }),
      ),
      input.events.length > 0 ? templates.webhooks({ ...root, notes, inlineDetails: inline }) : '',
    ];
    return (
      sections
        .map((s) => s.replace(/^\n+/, '').trimEnd())
        .filter(Boolean)
        .join('\n\n') + '\n'
    );
  };
  let skill = render(true);
  const files = new Map<string, string>();
  if (lineCount(skill) > SPLIT_LINES) {
    skill = render(false);
    const details = templates['api-details']({
      ...root,
      operations: input.views.map((v) => ({ ...v, detailsAnchor: detailsAnchor(v, false) })),
    });
    files.set(`skills/${name}/references/api-details.md`, details.trimEnd() + '\n');
  }
  files.set(`skills/${name}/SKILL.md`, skill);
  return { name, files };
}

/** Where an operation's details live in api-details.md (null when it has none to show). */
function detailsAnchor(view: OperationView, inline: boolean): string | null {
  if (inline || (view.optional.length === 0 && view.returns.length === 0)) return null;
  return anchorOf(view.heading);
}

const lineCount = (text: string) => text.split('\n').length - 1;
