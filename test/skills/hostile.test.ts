/**
 * A spec written to break the docs (test/skills/fixtures/hostile.yml): summaries, descriptions,
 * titles, names, enum values and examples full of markdown, fences, HTML comments, table pipes,
 * quotes, `*​/`, `${...}`, `#{...}` and shell metacharacters. The skills must keep their structure
 * and their code blocks must still pass the checkers, with every hostile value intact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { prose } from './support/blocks.ts';
import {
  allBlocks,
  checkAll,
  describeFailures,
  exampleMismatches,
  renderFrom,
  skillSections,
  type Rendered,
} from './support/skills.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const LANGUAGES = ['javascript', 'python', 'ruby', 'go', 'java', 'curl'];

let rendered: Rendered;

beforeAll(async () => {
  rendered = await renderFrom(
    { spec: join(FIXTURES, 'hostile.yml'), config: join(FIXTURES, 'hostile-config.yml'), cache: false },
    'fixture-sdk',
  );
}, 60_000);

const skillFiles = () => [...rendered.files].filter(([f]) => f.endsWith('/SKILL.md'));

describe('skills of a hostile spec', () => {
  it('keep code blocks that pass every checker', () => {
    const blocks = allBlocks(rendered.files);
    const { results, failures } = checkAll(blocks);
    for (const r of results) expect(r.checked, r.checker).toBeGreaterThan(0);
    expect(describeFailures(failures)).toBe('');
  }, 60_000);

  it('keep every hostile example value intact in every language', () => {
    const sections = skillSections(rendered.files);
    const { compared, mismatches } = exampleMismatches(rendered, sections);
    expect(mismatches).toEqual([]);
    expect(compared).toBe(8 * LANGUAGES.length);
  });

  it('keep the page structure: one comment, the expected headings, closed fences, whole tables', () => {
    for (const [file, text] of skillFiles()) {
      // The frontmatter is YAML (checked below); the page starts after it.
      const outside = prose(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
      // Only the generated notice is an HTML comment; spec text cannot open one.
      expect(outside.match(/(?<!\\)<!--/g), file).toHaveLength(1);
      expect(outside, file).not.toMatch(/^\s*(```|~~~)/m);
      const headings = outside.match(/^#{1,6} .*$/gm)!;
      expect(headings[0], file).toMatch(/^# Telnyx /);
      const sectionCount = headings.filter((h) => h.startsWith('## ')).length;
      const ops = file.includes('-widgets-') ? 7 : 1;
      const fixed =
        ['Installation and setup', 'Error handling'].length +
        (/^## Important notes$/m.test(outside) ? 1 : 0) +
        (/^## Webhooks$/m.test(outside) ? 1 : 0);
      expect(sectionCount, file).toBe(fixed + ops);
      for (const table of outside.match(/(^\|.*\|\n)+/gm) ?? []) {
        const cells = table
          .trim()
          .split('\n')
          .map((row) => row.split(/(?<!\\)\|/).length);
        expect(new Set(cells).size, `${file}: ${table}`).toBe(1);
      }
    }
  });

  it('keep frontmatter that parses, with the description as written', () => {
    for (const [file, text] of skillFiles()) {
      const meta = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]);
      expect(meta.name, file).toBe(file.split('/')[1]);
      if (file.includes('-widgets-'))
        expect(meta.description).toContain(`$(whoami) \${HOME} \`rm -rf /\` */ /* #{boom}`);
      expect(meta.metadata.spec_version).toBe(`1.0.0"'; rm -rf / #`);
    }
  });

  it('mark the deprecated operation and name its replacement from the description', () => {
    const text = rendered.files.get('skills/telnyx-widgets-go/SKILL.md')!;
    expect(text).toContain('> **Deprecated.** Use `DELETE /widgets/{widget_id}/archive` instead.');
  });

  it('disambiguate two operations that share a summary, and never offer readOnly fields', () => {
    const sections = skillSections(rendered.files).get('telnyx-widgets-python')!;
    const headings = sections.map((s) => s.heading);
    expect(new Set(headings).size).toBe(headings.length);
    expect(headings.filter((h) => h.includes('(GET /widgets'))).toHaveLength(2);
    const create = sections.find((s) => s.method === 'POST' && s.path === '/widgets')!;
    expect(create.optional).toEqual(['color']);
    expect(create.block.code).not.toMatch(/\b(secret|ro)=/);
  });
});
