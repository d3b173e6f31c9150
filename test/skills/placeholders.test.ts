/**
 * Example values look real (docs/SKILLS.md, "Examples"; issue 10): no code block of the generated
 * skills passes a placeholder (a value that only repeats its own key, or a stand-in word), no curl URL
 * fills a path parameter with its own name, and phone-number values are E.164 numbers. The values are
 * read back from the code (support/values.ts), so whatever the generator does, this judges what a
 * reader sees. The rules are listed here, apart from the generator's own, on purpose.
 *
 * Values are read from the javascript and curl blocks, the two whose code names each value's key
 * (Python and Go dict keys, Java map keys and free-form JSON would need a parser each); the other
 * four languages show the very same values, which telnyx-skills.test.ts checks value by value.
 */
import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeBlocks } from './support/blocks.ts';
import { operationSections } from './support/sections.ts';
import { curlPairs, jsPairs, type Pair } from './support/values.ts';

/** Words that stand in for a value wherever they appear (compared ignoring case, `_`, `-`, `.`, spaces). */
const WORDS = [
  'string',
  'id',
  'uuid',
  'email',
  'name',
  'example',
  'test',
  'foo',
  'bar',
  'xxx',
  'value',
  'placeholder',
  '+e164',
  'e164',
];

/** Shapes that say "fill me in": `<id>`, `{id}`, `[id]`, `xxxx` (not JSON text such as `{"a": 1}`). */
const SHAPES = [/^<[\w .:-]+>$/, /^\{[\w.-]*\}$/, /^\[[\w.-]*\]$/, /^x{3,}$/i];

const squash = (text: string) => text.toLowerCase().replace(/[\s_.-]/g, '');

/** `type: string` inside a JSON Schema (an AI tool's parameters) names a type: not a stand-in. */
const SCHEMA_TYPE = /^(string|integer|number|boolean|object|array|null)$/;

/** Why a value is a placeholder, or undefined when it looks real. */
function placeholderRule(key: string | undefined, value: string): string | undefined {
  if (key === 'type' && SCHEMA_TYPE.test(value)) return undefined;
  if (key !== undefined && squash(value) !== '' && squash(value) === squash(key)) return 'equals its key';
  if (WORDS.includes(squash(value))) return 'stand-in word';
  if (SHAPES.some((re) => re.test(value.trim()))) return 'fill-me-in shape';
  return undefined;
}

/**
 * Keys whose string values are phone numbers (the E.164 share is measured over these), matched on
 * the snake_case key: `to`, `from`, `phone`, `*_phone`, `*phone_number(s)`, `*_e164`, `numbers`.
 */
const PHONE_KEY = /^(to|from|numbers|tn|phone|.+_phone|(.+_)?phone_numbers?|.+_e164|(.+_)?telephone_number)$/;
const snake = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
const E164 = /^\+[1-9]\d{6,14}$/;

const rules: [string, { key?: string; value: string; want: string | undefined }][] = [
  ['a value equal to its key', { key: 'call_control_id', value: 'call_control_id', want: 'equals its key' }],
  ['equal ignoring case and separators', { key: 'text', value: 'Text', want: 'equals its key' }],
  ['a stand-in word', { key: 'to', value: '+E.164', want: 'stand-in word' }],
  ['a bare "id"', { value: 'id', want: 'stand-in word' }],
  ['an angle-bracket slot', { key: 'token', value: '<token>', want: 'fill-me-in shape' }],
  ['a real phone number', { key: 'to', value: '+13125550100', want: undefined }],
  ['a real sentence', { key: 'text', value: 'Hello from Telnyx!', want: undefined }],
  ['a JSON Schema type name', { key: 'type', value: 'string', want: undefined }],
  ['"string" anywhere else', { key: 'voice', value: 'string', want: 'stand-in word' }],
];

const out = inject('generatedDir');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/** The pairs of every javascript and curl block: the two languages whose code names each value's key. */
function collect(): Pair[] {
  const files = markdownFiles(join(out, 'skills')).sort();
  const pairs: Pair[] = [];
  const templates = new Set<string>();
  const texts = files.map((file) => [relative(out, file), readFileSync(file, 'utf8')] as const);
  for (const [file, text] of texts) operationSections(file, text).forEach((s) => templates.add(s.path));
  for (const [file, text] of texts) {
    const own = new Map(operationSections(file, text).map((s) => [s.block.line, s.path]));
    for (const block of codeBlocks(file, text)) {
      if (/-javascript\//.test(file) && block.lang === 'javascript') pairs.push(...jsPairs(block));
      if (/-curl\//.test(file) && block.lang === 'bash') {
        const path = own.get(block.line);
        pairs.push(...curlPairs(block, path ? [path] : [...templates]));
      }
    }
  }
  return pairs;
}

const share = (part: number, all: number) =>
  `${part}/${all} (${((100 * part) / Math.max(all, 1)).toFixed(1)}%)`;
const show = (p: Pair, why: string) =>
  `${p.where}: ${p.key ?? '(positional)'}=${JSON.stringify(p.value)} (${why})`;

describe('placeholder rules', () => {
  it.each(rules)('%s', (_, { key, value, want }) => expect(placeholderRule(key, value)).toBe(want));
});

describe('example values of the generated skills', () => {
  const pairs = collect();
  const flagged = pairs.flatMap((p) => {
    const why = placeholderRule(p.key, p.value);
    return why ? [{ pair: p, why }] : [];
  });

  it('passes no placeholder in any javascript or curl block', () => {
    console.log(`placeholder values: ${share(flagged.length, pairs.length)} of javascript and curl values`);
    expect(pairs.length).toBeGreaterThan(3000);
    expect(flagged.slice(0, 20).map((f) => show(f.pair, f.why))).toEqual([]);
  });

  it('fills no curl URL path segment with a placeholder', () => {
    const segments = pairs.filter((p) => p.via === 'path' && /-curl\//.test(p.where));
    const bad = segments.filter((p) => placeholderRule(p.key, p.value));
    const urls = new Set(bad.map((p) => p.where)).size;
    console.log(
      `placeholder curl URL segments: ${share(bad.length, segments.length)}, in ${urls} curl blocks`,
    );
    expect(segments.length).toBeGreaterThan(500);
    expect(bad.slice(0, 20).map((p) => show(p, placeholderRule(p.key, p.value)!))).toEqual([]);
  });

  it('gives phone-number fields E.164 numbers (>= 95%)', () => {
    const phones = pairs.filter((p) => p.key !== undefined && PHONE_KEY.test(snake(p.key)));
    const e164 = phones.filter((p) => E164.test(p.value));
    console.log(`E.164 phone values: ${share(e164.length, phones.length)}`);
    const others = [...new Set(phones.filter((p) => !E164.test(p.value)).map((p) => `${p.key}=${p.value}`))];
    console.log(`not E.164: ${others.slice(0, 40).join(', ')}`);
    expect(phones.length).toBeGreaterThan(150);
    expect(e164.length / phones.length).toBeGreaterThanOrEqual(0.95);
  });
});
