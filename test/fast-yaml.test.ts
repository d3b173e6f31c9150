/**
 * The fast YAML path (generator/load/fast-yaml.ts) against the `yaml` package's Document, which it
 * stands in for: on every text it accepts, the data must be the same (values, types, key order) and
 * every node must be located at the same line and column; on every text the Document rejects, it must
 * decline, so the Document's error is the one reported. The corpus: the fixtures, hand-written edge
 * cases, the fuzz suite's cases and a few hundred more seeded mutations, and the pinned Telnyx spec.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { CORE_TAGS, MAY_RESOLVE, fastParse } from '../generator/load/fast-yaml.ts';
import { parseSpecText } from '../generator/load/parse.ts';
import { pointerOf } from '../generator/errors.ts';
import { loadConfig } from '../generator/config.ts';
import { resolveSpecSource } from '../generator/load/source.ts';
import { ROOT } from './support/cli.ts';
import { fuzzCases, random } from './fuzz/support/cases.ts';

type Verdict = 'fast' | 'declined' | 'both-declined';

/** Compares both readings of `text`; returns what happened, throws (via expect) on a difference. */
function compare(text: string, label: string, every = 1): Verdict {
  const fast = fastParse(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    expect(
      fast,
      `${label}: the Document rejects it (${doc.errors[0].message.split('\n')[0]})`,
    ).toBeUndefined();
    return 'both-declined';
  }
  if (!fast) return 'declined';
  const data = doc.toJS({ maxAliasCount: -1 });
  expect(isDeepStrictEqual(fast.data, data), `${label}: data differs`).toBe(true);
  expect(JSON.stringify(fast.data), `${label}: key order differs`).toBe(JSON.stringify(data));
  const parsed = parseSpecText(text, '/fast-yaml-test/spec.yml');
  let n = 0;
  const walk = (node: Node | null, path: string[]) => {
    if (node?.range && n++ % every === 0) {
      const pos = lineCounter.linePos(node.range[0]);
      const pointer = pointerOf(path);
      expect(parsed.locate(pointer), `${label}: ${pointer}`).toMatch(
        new RegExp(`spec\\.yml:${pos.line}:${pos.col}$`),
      );
    }
    if (isMap(node)) {
      for (const pair of node.items)
        if (isScalar(pair.key) && typeof pair.key.value === 'string')
          walk(pair.value as Node, [...path, pair.key.value]);
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, [...path, String(i)]));
  };
  walk(doc.contents as Node, []);
  return 'fast';
}

const FIXTURES = join(ROOT, 'test/fixtures');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.yml'));

/** Texts at the edges of what both parsers read alike, or where they differ (must decline). */
const EDGE_CASES: Record<string, string> = {
  scalars:
    'a: [~, null, Null, NULL, "", true, True, TRUE, false, yes, no, on, y, n]\n' +
    'b: [0, -0, +1, 007, 0o17, 0O17, 0x1F, 0X1F, 0b11, 1_000, 1e3, 1E+3, .5, -.5, 1., 1.50, .inf, -.Inf, +.INF, .nan, .NaN]\n' +
    `c: [${'9'.repeat(400)}, 1e400, -1e400, 12:30, 2020-01-01, 0.1e-2]\n`,
  keys: '200: a\n"201": b\n0x10: c\ntrue: d\n1.0: e\n.inf: f\n',
  'null key': '~: a\nb: c\n',
  'empty key': ': a\n',
  'complex key': '? [a, b]\n: c\n',
  'explicit key': '? a\n: b\n',
  'quoted keys': `"a b": 1\n'c''d': 2\n"e\\tf": 3\n`,
  'proto keys': '__proto__: { polluted: true }\nconstructor: 1\ntoString: 2\nhasOwnProperty: 3\n',
  'duplicate keys': 'a: 1\na: 2\n',
  'number and string key': '1: a\n"1": b\n',
  'empty values': 'a:\nb: ""\nc: \'\'\nd: []\ne: {}\nf: |\ng: -\n',
  'block scalars':
    'a: |\n  x\n  y\nb: >-\n\n  folded\n  text\n\nc: |+2 # comment\n    kept\n\nd: >\n  x\n\n  y\n',
  sequences: 'a:\n- 1\n-  - 2\n   - 3\n- {b: c}\n- - [d]\nb: [ 1 , "2" , \'3\' ]\n',
  'multi-line scalars':
    'a: plain\n  folded\n\n  more\nb: "double\n  quoted\\\n  escaped"\nc: \'single\n\n  quoted\'\n',
  escapes: 'a: "\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\0\\a\\b\\e\\f\\v\\/\\ "\n',
  'bad escape': 'a: "\\q"\n',
  comments: '# top\na: 1 # after\n# between\nb: # before value\n  c: 2\n',
  'document markers': '---\na: 1\n...\n',
  'two documents': 'a: 1\n---\nb: 2\n',
  directive: '%YAML 1.1\n---\na: yes\n',
  'tag directive': '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n',
  tags: 'a: !!str 1\nb: !!int "2"\nc: !custom x\n',
  anchors: 'a: &x { b: 1 }\nc: *x\n',
  'merge key': 'a: &x { b: 1 }\nc: { <<: *x, d: 2 }\n',
  'plain merge-like key': '<<: a\n',
  bom: '\uFEFFa: 1\n',
  crlf: 'a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\n',
  'tab indentation': 'a:\n\tb: 1\n',
  'tab after value': 'a: 1\t# c\nb:\t2\n',
  'tab in block scalar': 'a: |\n  x\n  \ty\n',
  'long key': `${'k'.repeat(1100)}: 1\n`,
  'long quoted key': `"${'k'.repeat(1100)}": 1\n`,
  'multi-line key': '"a\n b": 1\n',
  'flow mapping': '{a: 1, "b": [2, {c: d}], ? e : f}\n',
  'flow keys': '{a: 1, b: }\n',
  'scalar root': 'just text\n',
  'list root': '- a\n',
  empty: '',
  'comment only': '# nothing\n',
  'compact nested': '- a: 1\n  b: 2\n- c:\n  - 3\n',
  'reserved start': 'a: @x\n',
  'comment without space': 'a: "b"#c\n',
  'missing comma': '{a: 1 b: 2}\n',
  'wrong indent': 'a:\n  b: 1\n c: 2\n',
  'unicode keys': 'ключ: значение\n"😀": 1\n',
  'deep nesting': `${'a:\n'.replace('a', 'a')}${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`,
};

describe('the fast YAML path reads what the yaml Document reads, with the same positions', () => {
  it.each(fixtures)('fixture %s', (name) => {
    expect(compare(readFileSync(join(FIXTURES, name), 'utf8'), name)).toBe('fast');
  });

  it.each(Object.entries(EDGE_CASES))('edge case: %s', (label, text) => {
    compare(text, label);
  });

  it('takes the fast path for plain specs, declines what it must leave to the Document', () => {
    const verdict = (label: string) => compare(EDGE_CASES[label], label);
    for (const label of ['scalars', 'keys', 'proto keys', 'block scalars', 'escapes', 'crlf', 'flow mapping'])
      expect(verdict(label), label).toBe('fast');
    for (const label of [
      'null key',
      'anchors',
      'tags',
      'directive',
      'bom',
      'long key',
      'number and string key',
    ])
      expect(verdict(label), label).not.toBe('fast');
  });

  it("plain scalars outside MAY_RESOLVE's first characters resolve to strings in the yaml schema", () => {
    const tails = ['', '1', '0', '.5', 'e3', 'x1F', 'o7', 'ull', 'rue', 'alse', 'inf', 'nan', 'NaN', 'INF'];
    for (let c = 0x20; c < 0x7f; c++) {
      const first = String.fromCharCode(c);
      if (MAY_RESOLVE.test(first)) continue;
      for (const tail of tails)
        for (const tag of CORE_TAGS)
          expect(tag.test!.test(first + tail), `${first + tail} ${tag.tag}`).toBe(false);
    }
  });

  it("the fuzz suite's cases and more seeded mutations: same data and positions, or declined", () => {
    const source = readFileSync(join(FIXTURES, 'petstore.yml'), 'utf8');
    const realSlice = parseDocument(source).toJS();
    const verdicts = new Map<Verdict, number>();
    const count = (v: Verdict) => verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
    for (const c of fuzzCases(1212, realSlice).cases) {
      const text = new TextDecoder().decode(c.spec);
      count(compare(text, c.name));
    }
    // Line and character edits of the petstore fixture: indicators, quotes, indentation.
    const r = random(1313);
    const lines = source.split('\n');
    const inserts = [
      ': ',
      '- ',
      '? ',
      '|',
      '>',
      "'",
      '"',
      '#',
      ' #',
      '[',
      ']',
      '{',
      '}',
      ',',
      '\\',
      '\t',
      ' ',
      '\n',
      '%',
      '@',
      '`',
      '!',
      '&a ',
      '*a',
      '~',
      '0x',
      '.inf',
    ];
    for (let i = 0; i < 400; i++) {
      const copy = [...lines];
      const at = r.int(copy.length);
      const op = r.int(4);
      if (op === 0) copy.splice(at, 1);
      else if (op === 1) copy.splice(at, 0, copy[r.int(copy.length)]);
      else if (op === 2) copy[at] = copy[at].replace(/^ {2}/, r.int(2) ? '' : '   ');
      else {
        const col = r.int(copy[at].length + 1);
        copy[at] = copy[at].slice(0, col) + r.pick(inserts) + copy[at].slice(col);
      }
      count(compare(copy.join('\n'), `mutation ${i} (op ${op}, line ${at + 1})`));
    }
    // The corpus must exercise both outcomes, or it checks nothing.
    expect(verdicts.get('fast')).toBeGreaterThan(100);
    expect(verdicts.get('both-declined')).toBeGreaterThan(50);
  }, 120_000);

  it('the pinned Telnyx spec takes the fast path, with the same data and positions', async () => {
    const source = await resolveSpecSource(undefined, loadConfig().spec);
    expect(compare(source.text, 'telnyx', 7)).toBe('fast');
  }, 120_000);
});
