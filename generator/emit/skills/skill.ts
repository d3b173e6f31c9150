/**
 * One skill (product x language): SKILL.md from the section templates in order (docs/SKILLS.md,
 * "SKILL.md, in order"): setup, caveats, the core tasks, error handling around the first of them,
 * notes, webhooks, then the by-path reference. When that passes MAX_LINES, the reference moves into
 * references/ files (split.ts) and SKILL.md keeps an index of it, and the webhook payloads move too.
 */
import type { Product } from '../../model/index.ts';
import type { Names } from '../../naming/names.ts';
import type { CallInput } from '../../surface/index.ts';
import type { Language } from './languages.ts';
import { anchorOf, mdText, shellQuote } from './escape.ts';
import type { HandlerView } from './handler.ts';
import { jsString } from './literals.ts';
import { socketCall } from './render/websocket.ts';
import { PAYLOADS_FILE, splitReference } from './split.ts';
import type { Templates } from './templates.ts';
import type { ResultPath } from './results.ts';
import type { OperationView, ProductNotes, TaskView } from './views.ts';
import { webhookView, type EventRow } from './webhook-view.ts';
import type { EventView } from './webhooks.ts';

/** A SKILL.md has fewer lines than this (docs/SKILLS.md: under 500). */
export const MAX_LINES = 500;
/** About this many lines per references/ file. */
export const REFERENCE_LINES = 400;

export interface SkillInput {
  product: Product;
  language: Language;
  views: OperationView[];
  tasks: TaskView[];
  notes: ProductNotes;
  events: EventView[];
  rows: EventRow[];
  handler: HandlerView | undefined;
  /** The main call, which the error-handling example wraps: the first core task, else an operation. */
  errorCall: { input: CallInput; result: ResultPath; heading: string };
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

const trimSection = (section: string) => section.replace(/^\n+/, '').trimEnd();
const join = (sections: string[]) => sections.map(trimSection).filter(Boolean).join('\n\n') + '\n';
const newlines = (text: string) => {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
};
/** The lines of `join(sections)` without building it: each kept section's own, plus its separator. */
const joinedLines = (sections: string[]) =>
  sections.reduce((n, s) => {
    const kept = trimSection(s);
    return kept ? n + newlines(kept) + 2 : n;
  }, -1);

/** The skill's folder and frontmatter name. */
export const skillName = (product: string, language: string) => `telnyx-${product}-${language}`;

export function renderSkill(input: SkillInput, templates: Templates): RenderedSkill {
  const { product, language } = input;
  const name = skillName(product.slug, language.id);
  const call = (callInput: CallInput, result: ResultPath) =>
    language.call(callInput, input.server, input.names.operations.get(callInput.op.key)!, result);
  const errorCall = call(input.errorCall.input, input.errorCall.result);
  const root = {
    name,
    description: `${product.description.trimEnd().replace(/([^.!?])$/, '$1.')} Examples use ${language.uses(input.packageName)}.`,
    product: { slug: product.slug, title: product.title, description: product.description },
    language: { id: language.id, title: language.title, fence: language.fence },
    generator: input.generator,
    specVersion: input.specVersion,
    pkg: jsString(input.packageName),
    // The webhook verifier's entry point, where the official SDK has it (package.json exports it).
    pkgWebhooks: jsString(`${input.packageName}/lib/webhooks`),
    // npm package names are shell-safe words; anything else is quoted rather than trusted.
    install: /^[@a-z0-9._/-]+$/i.test(input.packageName) ? input.packageName : shellQuote(input.packageName),
    builtInRetries: language.builtInRetries,
    errors: {
      ...errorCall,
      // A list iterates inside the retry loop; Go's loop prints the first page (its template has no pager).
      result: errorResult(errorCall.result, language.id),
      heading: input.errorCall.heading,
    },
    webhooks: input.events,
    rows: input.rows,
    handler: input.handler
      ? webhookView(language.id, input.handler, jsString(`${input.packageName}/resources/webhooks`))
      : undefined,
  };
  const sections = input.views.map((view) =>
    templates
      .operation({
        ...root,
        ...view,
        call: call(view.input, view.result),
        socket: view.op.websocket ? socketCall(language.id, view.input, input.server) : undefined,
      })
      .trimEnd(),
  );
  // The head's sections that do not depend on where the reference lands, rendered once.
  const before = [
    templates.frontmatter(root),
    templates.title(root),
    templates.setup(root),
    product.caveats?.length ? templates.caveats({ ...root, caveats: product.caveats }) : '',
  ];
  const notes = input.notes;
  const after = [
    templates.errors(root),
    notes.pagination || notes.e164 ? templates.notes({ ...root, notes }) : '',
  ];
  // Every section is rendered once, whichever way the skill is laid out: the split decision counts
  // lines of rendered sections, and only the core tasks' links differ between the two layouts.
  // The operations this skill documents itself (the others are linked to their product's skill).
  const own = new Set(input.views.map((v) => v.op.key));
  const tasks = tasksSection(input, own, root, templates, call);
  const webhooks = input.events.length > 0 ? templates.webhooks(root) : '';
  const payloads = input.events.length > 0 ? templates.payloads(root) : '';
  const files = new Map<string, string>();
  const inline = [
    ...before,
    tasks((key) => (own.has(key) ? '' : undefined)),
    ...after,
    webhooks,
    payloads,
    ...sections,
  ];
  if (joinedLines(inline) < MAX_LINES) {
    files.set(`skills/${name}/SKILL.md`, join(inline));
    return { name, files };
  }
  const parts = splitReference(
    input.views.map((view, i) => ({ item: i, path: view.op.path, lines: newlines(sections[i]) + 1 })),
    REFERENCE_LINES,
  );
  const fileOfKey = new Map(
    parts.flatMap((part) => part.items.map((i) => [input.views[i].op.key, part.path])),
  );
  const index = parts.map((part) => ({
    path: part.path,
    title: part.prefixes.map((p) => `\`${p}\``).join(', '),
    operations: part.items.map((i) => ({ ...input.views[i], anchor: anchorOf(input.views[i].heading) })),
  }));
  files.set(
    `skills/${name}/SKILL.md`,
    join([
      ...before,
      tasks((key) => fileOfKey.get(key)),
      ...after,
      webhooks,
      webhooks && templates['payloads-link'](root),
      templates.index({ ...root, files: index }),
    ]),
  );
  parts.forEach((part, k) =>
    files.set(
      `skills/${name}/${part.path}`,
      join([
        templates.reference({ ...root, title: index[k].title, sections: part.items.map((i) => sections[i]) }),
      ]),
    ),
  );
  if (input.events.length > 0)
    files.set(`skills/${name}/${PAYLOADS_FILE}`, join([templates['payloads-file']({ ...root, payloads })]));
  return { name, files };
}

/** A marker no template or escaper writes, standing for task `i`'s link target until the layout is known. */
const slot = (i: number) => `\u0000task-${i}-reference\u0000`;

/**
 * The core tasks section, rendered once; the result takes where each task's operation is documented
 * (`''` for this SKILL.md, `references/x.md`, or undefined for another product's skill). The link
 * targets are filled in afterwards: both layouts link the same tasks and a path has no line break,
 * so they have the same lines. Spec text that holds a marker itself (the count is off) has the
 * section rendered again with its real targets, never a wrong link.
 */
function tasksSection(
  input: SkillInput,
  own: ReadonlySet<string>,
  root: object,
  templates: Templates,
  call: (callInput: CallInput, result: ResultPath) => object,
): (fileOf: (key: string) => string | undefined) => string {
  const render = (fileOf: (task: TaskView, i: number) => string | undefined) => {
    const views = input.tasks.map((task, i) => ({
      ...task,
      call: call(task.input, task.result),
      reference: reference(task, () => fileOf(task, i), input.language.id),
    }));
    return views.length ? templates.tasks({ ...root, tasks: views }) : '';
  };
  // reference() links a task whose operation this skill documents and that has a heading.
  const linked = (task: TaskView) => own.has(task.op.key) && task.heading !== null;
  const marked = render((task, i) => (linked(task) ? slot(i) : undefined));
  const once = input.tasks.every((task, i) => marked.split(slot(i)).length - 1 === (linked(task) ? 1 : 0));
  return (fileOf) =>
    once
      ? input.tasks.reduce((text, task, i) => text.replace(slot(i), () => fileOf(task.op.key) ?? ''), marked)
      : render((task) => fileOf(task.op.key));
}

/**
 * The reference of a task's operation: its section in this skill (SKILL.md or a references/ file),
 * or the skill of the product that documents it.
 */
function reference(task: TaskView, fileOf: (key: string) => string | undefined, language: string): string {
  const file = fileOf(task.op.key);
  if (file === undefined || task.heading === null)
    return `documented in the \`telnyx-${task.op.product}-${language}\` skill`;
  return `reference: [${mdText(task.heading)}](${file}#${anchorOf(task.heading)})`;
}

/** How the error-handling example shows its call's result: printed, or iterated where a list allows. */
function errorResult(result: string, language: string): string {
  if (result === 'none') return 'none';
  return result === 'list' && language !== 'go' ? 'list' : 'json';
}
