/**
 * The skill docs of the real Telnyx spec (docs/SKILLS.md, issue 4): every public operation in exactly
 * one product and identically in all six languages, endpoint lines and Required lists true to the
 * spec, no readOnly inputs, the same example values everywhere, every code block through its
 * language's checker, and the same bytes on a second run.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderSkills } from '../../generator/emit/skills/index.ts';
import { operationSurface } from '../../generator/surface/index.ts';
import type { Example } from '../../generator/examples/examples.ts';
import type { Operation, TypeNode } from '../../generator/model/index.ts';
import { join } from 'node:path';
import { ROOT } from '../support/cli.ts';
import type { OperationSection } from './support/sections.ts';
import {
  allBlocks,
  checkAll,
  describeFailures,
  exampleMismatches,
  OFFICIAL_GO_MODULE,
  renderFrom,
  skillLanguage,
  skillSections,
  type Rendered,
} from './support/skills.ts';

const LANGUAGES = ['javascript', 'python', 'ruby', 'go', 'java', 'curl'];

/** Calls of each skills template since the last reset: the real templates, counted. */
const templateCalls = vi.hoisted(() => new Map<string, number>());
vi.mock('../../generator/emit/skills/templates.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../generator/emit/skills/templates.ts')>();
  return {
    ...real,
    loadTemplates: (...args: Parameters<typeof real.loadTemplates>) => {
      const templates = real.loadTemplates(...args);
      for (const [name, render] of Object.entries(templates))
        (templates as Record<string, (view: object) => string>)[name] = (view: object) => {
          templateCalls.set(name, (templateCalls.get(name) ?? 0) + 1);
          return render(view);
        };
      return templates;
    },
  };
});

let rendered: Rendered;
let sections: Map<string, OperationSection[]>;
let byKey: Map<string, Operation>;

beforeAll(async () => {
  rendered = await renderFrom({});
  byKey = new Map(rendered.api.operations.map((op) => [op.key, op]));
  sections = skillSections(rendered.files);
}, 120_000);

const skill = (product: string, language: string) => sections.get(`telnyx-${product}-${language}`) ?? [];
const keyOf = (s: OperationSection) => `${s.method} ${s.path}`;

describe('skills of the Telnyx spec: layout', () => {
  it('writes one SKILL.md per product and language, one folder deep, plus README.md and index.json', () => {
    const expected = rendered.api.products.flatMap((p) =>
      LANGUAGES.map((l) => `skills/telnyx-${p.slug}-${l}/SKILL.md`),
    );
    const skills = [...rendered.files.keys()].filter((f) => f.endsWith('/SKILL.md'));
    expect(skills.sort()).toEqual(expected.sort());
    for (const file of rendered.files.keys()) {
      expect(file, file).toMatch(
        /^skills\/(README\.md|index\.json|telnyx-[a-z0-9-]+\/(SKILL\.md|references\/[a-z0-9-]+\.md))$/,
      );
    }
    const index = JSON.parse(rendered.files.get('skills/index.json')!);
    expect(index.skills.map((s: any) => `skills/${s.path}`).sort()).toEqual(expected.sort());
    const readmeRows = rendered.files
      .get('skills/README.md')!
      .split('\n')
      .filter((l) => /^\| \[telnyx-/.test(l));
    expect(readmeRows).toHaveLength(expected.length);
    console.log(
      `skills: ${expected.length} (${rendered.api.products.length} products x ${LANGUAGES.length} languages)`,
    );
  });

  it('installs the official SDK releases of this spec: the Go module with /v4, the Java artifact com.telnyx.sdk:telnyx', () => {
    const setups = (language: string) =>
      [...rendered.files].filter(([f]) => f.endsWith(`-${language}/SKILL.md`)).map(([f, text]) => [f, text]);
    for (const [file, text] of setups('go')) {
      expect(text, file).toContain(`go get ${OFFICIAL_GO_MODULE}\n`);
    }
    for (const [file, text] of setups('java')) {
      expect(text, file).toMatch(/`implementation\("com\.telnyx\.sdk:telnyx:/);
      expect(text, file).not.toMatch(/com\.telnyx\.sdk:telnyx-java/);
    }
    expect(setups('go').length * setups('java').length).toBeGreaterThan(0);
  });

  it('keeps every SKILL.md under 500 lines, the reference of a long one in references/ files it links', () => {
    const counts: number[] = [];
    for (const [file, text] of rendered.files) {
      if (!file.endsWith('/SKILL.md')) continue;
      const lines = text.split('\n').length - 1;
      counts.push(lines);
      expect(lines, `${file} has ${lines} lines`).toBeLessThan(500);
      const dir = file.slice(0, -'SKILL.md'.length);
      const references = [...rendered.files.keys()].filter((f) => f.startsWith(dir + 'references/'));
      for (const ref of references)
        expect(text, `${file} links ${ref}`).toContain(`](${ref.slice(dir.length)}`);
    }
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    console.log(
      `SKILL.md lines: mean ${mean.toFixed(1)}, max ${Math.max(...counts)}, ${counts.length} files`,
    );
  });

  it('links only to headings that exist in the references/ files', () => {
    // GitHub's anchors, from the rendered heading text: escapes and code ticks gone, punctuation dropped.
    const slug = (heading: string) =>
      heading
        .replace(/\\(.)/g, '$1')
        .replace(/`/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
    let links = 0;
    for (const [file, text] of rendered.files) {
      if (!file.endsWith('/SKILL.md')) continue;
      const dir = file.slice(0, -'SKILL.md'.length);
      for (const m of text.matchAll(/\]\((references\/[^)#]+\.md)(?:#([^)]+))?\)/g)) {
        const target = rendered.files.get(dir + m[1]);
        expect(target, `${file}: ${m[1]}`).toBeDefined();
        if (!m[2]) continue;
        const anchors = new Set([...target!.matchAll(/^#{2,3} (.*)$/gm)].map((h) => slug(h[1])));
        expect(anchors.has(m[2]), `${file}: ${m[1]}#${m[2]}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(1000);
  });

  it('opens with YAML frontmatter naming the skill, then the title with the product title', () => {
    for (const product of rendered.api.products) {
      for (const language of LANGUAGES) {
        const text = rendered.files.get(`skills/telnyx-${product.slug}-${language}/SKILL.md`)!;
        const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
        expect(front, product.slug).not.toBeNull();
        const meta = parseYaml(front![1]);
        expect(meta.name).toBe(`telnyx-${product.slug}-${language}`);
        expect(meta.description.startsWith(product.description.slice(0, 40))).toBe(true);
        expect(meta.metadata).toMatchObject({
          product: product.slug,
          language,
          spec_version: rendered.api.version,
        });
        expect(text).toMatch(new RegExp(`^# Telnyx .+ - (JavaScript|Python|Ruby|Go|Java|curl)$`, 'm'));
      }
    }
    expect(rendered.files.get('skills/telnyx-oauth-python/SKILL.md')).toContain(
      '\n# Telnyx OAuth - Python\n',
    );
    expect(rendered.files.get('skills/telnyx-10dlc-go/SKILL.md')).toContain('\n# Telnyx 10DLC - Go\n');
  });
});

describe('skills of the Telnyx spec: operations', () => {
  it('documents every public operation (1103) in exactly one product, identically in all six languages', () => {
    const documented: string[] = [];
    for (const product of rendered.api.products) {
      const reference = skill(product.slug, 'javascript');
      expect(reference.map(keyOf), product.slug).toEqual(product.operations);
      for (const language of LANGUAGES) {
        const other = skill(product.slug, language);
        expect(
          other.map((s) => [s.heading, keyOf(s), s.required, s.optional]),
          `${product.slug} ${language}`,
        ).toEqual(reference.map((s) => [s.heading, keyOf(s), s.required, s.optional]));
      }
      documented.push(...reference.map(keyOf));
    }
    const publicOps = rendered.api.operations.filter((op) => !op.hidden).map((op) => op.key);
    expect(publicOps).toHaveLength(1103);
    expect(documented.sort()).toEqual(publicOps.sort());
    console.log(
      `operations covered: ${new Set(documented).size} of ${publicOps.length} public, in each of ${LANGUAGES.length} languages`,
    );
  });

  it('gives no two sections of a skill the same heading', () => {
    for (const [name, list] of sections) {
      const headings = list.map((s) => s.heading);
      expect(new Set(headings).size, name).toBe(headings.length);
    }
  });

  it('names only methods and paths of the spec on endpoint lines, with the operation server where it differs', () => {
    for (const list of sections.values()) {
      for (const s of list) {
        const op = byKey.get(keyOf(s));
        expect(op, keyOf(s)).toBeDefined();
        expect(op!.hidden).toBe(false);
        expect(s.server).toBe(op!.server);
      }
    }
  });

  it('lists under Required: exactly the required path, query, header and body parameters', () => {
    for (const s of [...sections.values()].flat()) {
      const op = byKey.get(keyOf(s))!;
      expect(s.required, keyOf(s)).toEqual(requiredOf(op, rendered.resolve));
    }
    // The published skills miss required query parameters: ours list them.
    const usage = skill('storage', 'curl').find((s) => s.path === '/storage/buckets/{bucketName}/usage/api')!;
    expect(usage.required).toEqual(['bucketName', 'filter']);
  });

  it('never offers a readOnly field as input, in Optional lists or in examples', () => {
    for (const list of sections.values()) {
      for (const s of list) {
        const op = byKey.get(keyOf(s))!;
        const readOnly = readOnlyFields(op, rendered.resolve);
        expect(
          s.optional.filter((n) => readOnly.has(n)),
          keyOf(s),
        ).toEqual([]);
      }
    }
    const env = { resolve: rendered.resolve, types: new Map(rendered.api.types.map((t) => [t.name, t])) };
    for (const op of rendered.api.operations.filter((o) => !o.hidden && o.body)) {
      const body = op.body!.contents[0];
      const input = operationSurface(op, env).example;
      const found = readOnlyUsed(
        {
          kind: 'object',
          fields: input.fields.filter((f) => f.in === 'body').map((f) => ({ name: f.wire, value: f.value })),
        },
        body.type,
        rendered.resolve,
      );
      expect(found, op.key).toEqual([]);
    }
  });

  it('shows the same example values in all six languages', () => {
    const { compared, mismatches } = exampleMismatches(rendered, sections);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBe(1103 * LANGUAGES.length);
  });
});

describe('skills of the Telnyx spec: code blocks', () => {
  it('pass their language checkers (python, ruby, go, java, bash, typescript parser) and the curl/Go/JS rules', () => {
    const blocks = allBlocks(rendered.files);
    const { results, failures } = checkAll(blocks);
    for (const r of results)
      console.log(
        `checked ${r.checked} ${(r as any).lang} blocks with ${r.checker}: ${r.failures.length} failed`,
      );
    const perSkillLanguage = new Map<string, number>();
    for (const b of blocks)
      perSkillLanguage.set(skillLanguage(b)!, (perSkillLanguage.get(skillLanguage(b)!) ?? 0) + 1);
    console.log(
      `blocks per skill language: ${[...perSkillLanguage].map(([l, n]) => `${l} ${n}`).join(', ')}`,
    );
    expect(describeFailures(failures)).toBe('');
    // Every language has one example per operation at least: no language silently left out.
    for (const language of LANGUAGES) expect(perSkillLanguage.get(language)).toBeGreaterThanOrEqual(1103);
  }, 180_000);
});

describe('skills of the Telnyx spec: webhooks and determinism', () => {
  it('documents every webhook event in one product, with its payload fields', () => {
    const tables = [...rendered.files]
      .filter(([f]) => /-python\/(SKILL|references\/webhook-payloads)\.md$/.test(f))
      .map(([, t]) => t)
      .join('\n');
    for (const event of rendered.api.webhooks) {
      const type = event.eventType ?? event.name;
      expect(tables.match(new RegExp(`^\\| \`${type.replace(/\./g, '\\.')}\` \\|`, 'gm')), type).toHaveLength(
        1,
      );
      expect(tables, type).toMatch(new RegExp(`^\`${type.replace(/\./g, '\\.')}\`(, \`[^\`]+\`)*: \``, 'm'));
    }
    expect(rendered.files.get('skills/telnyx-voice-media-go/SKILL.md')).toContain(
      '| `call.playback.started` |',
    );
  });

  it('renders the same bytes twice, each section of a skill once (near-limit skills included)', () => {
    templateCalls.clear();
    const again = renderSkills(rendered.api, rendered.surface, {
      templatesDir: join(ROOT, 'templates'),
      resolve: rendered.resolve,
      names: rendered.names,
      packageName: 'telnyx',
      webhooksFile: join(ROOT, 'specs/webhooks.yml'),
    });
    expect([...again.keys()]).toEqual([...rendered.files.keys()]);
    for (const [file, text] of rendered.files) expect(again.get(file), file).toBe(text);
    // A skill near the 500-line limit rendered its core tasks and webhooks twice, once to measure
    // its inline form and once split; now the decision counts lines of sections rendered once.
    const skills = [...again.keys()].filter((f) => f.endsWith('/SKILL.md'));
    const withTasks = skills.filter((f) => again.get(f)!.includes('\n## Core tasks\n'));
    const withWebhooks = skills.filter((f) => again.get(f)!.includes('\n## Webhooks\n'));
    expect(withTasks.length).toBeGreaterThan(100);
    expect(templateCalls.get('tasks')).toBe(withTasks.length);
    expect(templateCalls.get('webhooks')).toBe(withWebhooks.length);
    // The payloads: inline, or in references/webhook-payloads.md (rendered once, reused there).
    expect(templateCalls.get('payloads')).toBe(withWebhooks.length);
  }, 60_000);
});

/** Required inputs per the model, derived here independently of the emitter. */
function requiredOf(op: Operation, resolve: (n: TypeNode) => TypeNode): string[] {
  const params = op.params.filter((p) => p.required && p.in !== 'cookie').map((p) => p.name);
  const body = op.body?.contents[0] ? resolve(op.body.contents[0].type) : undefined;
  const requiredIn = (o: TypeNode) =>
    o.kind === 'object' ? o.properties.filter((p) => p.required && !p.readOnly).map((p) => p.name) : [];
  // One of several objects: what every variant requires is required of any request.
  const variants = body?.kind === 'union' ? body.variants.map(resolve) : [];
  const fields =
    body?.kind === 'object'
      ? requiredIn(body)
      : variants.length && variants.every((v) => v.kind === 'object')
        ? [...new Set(variants.flatMap(requiredIn))].filter((name) =>
            variants.every((v) => requiredIn(v).includes(name)),
          )
        : [];
  return [...new Set([...params, ...fields])];
}

function readOnlyFields(op: Operation, resolve: (n: TypeNode) => TypeNode): Set<string> {
  const body = op.body?.contents[0] ? resolve(op.body.contents[0].type) : undefined;
  return new Set(body?.kind === 'object' ? body.properties.filter((p) => p.readOnly).map((p) => p.name) : []);
}

/** Paths of example fields that the schema marks readOnly, at any depth. */
function readOnlyUsed(
  example: Example,
  type: TypeNode,
  resolve: (n: TypeNode) => TypeNode,
  path = '',
): string[] {
  const node = resolve(type);
  if (example.kind === 'array' && node.kind === 'array')
    return example.items.flatMap((i) => readOnlyUsed(i, node.items, resolve, `${path}[]`));
  if (example.kind !== 'object') return [];
  if (node.kind === 'union')
    return node.variants
      .flatMap((v) => readOnlyUsed(example, v, resolve, path))
      .filter(
        (p, i, all) =>
          all.indexOf(p) === i &&
          node.variants.every((v) => readOnlyUsed(example, v, resolve, path).includes(p)),
      );
  if (node.kind !== 'object') return [];
  return example.fields.flatMap((f) => {
    const prop = node.properties.find((p) => p.name === f.name);
    if (!prop) return [];
    return prop.readOnly
      ? [`${path}.${f.name}`]
      : readOnlyUsed(f.value, prop.type, resolve, `${path}.${f.name}`);
  });
}
