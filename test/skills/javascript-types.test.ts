/**
 * Every javascript block of the generated skills type-checks against the generated TypeScript package
 * (issue 4): the accessors, argument shapes and field names the docs show are the ones the client has.
 */
import { expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/cli.ts';
import { codeBlocks, type CodeBlock } from './support/blocks.ts';
import { checkTypeScript } from './support/checkers.ts';
import { describeFailures } from './support/skills.ts';

const out = inject('generatedDir');

/** Markdown files under skills/ (SKILL.md and references/), relative to the output dir. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/** A block that must fail: a checker that passes everything would prove nothing. */
const CANARY: CodeBlock = {
  file: 'canary',
  line: 1,
  lang: 'javascript',
  section: 'canary',
  code: "import Telnyx from 'telnyx';\n\nconst client = new Telnyx({ apiKey: process.env.TELNYX_API_KEY });\n\nawait client.balance.retrieve({ no_such_field: 1 });\n",
};

it('type-checks every javascript block against output/typescript with tsc', () => {
  const blocks = markdownFiles(join(out, 'skills'))
    .sort()
    .flatMap((file) => codeBlocks(relative(out, file), readFileSync(file, 'utf8')))
    .filter((b) => b.lang === 'javascript' || b.lang === 'typescript');
  const result = checkTypeScript([...blocks, CANARY], join(out, 'typescript'), ROOT);
  const failures = result.failures.filter((f) => f.block !== CANARY);
  console.log(`checked ${blocks.length} javascript blocks with ${result.checker}: ${failures.length} failed`);
  expect(
    result.failures.some((f) => f.block === CANARY),
    'the canary block must fail',
  ).toBe(true);
  expect(describeFailures(failures)).toBe('');
  expect(blocks.length).toBeGreaterThanOrEqual(1103);
}, 300_000);
