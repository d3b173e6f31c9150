/**
 * Spec text of any length costs time linear in its length: each escaper gets a run of one character
 * (100k long, in the middle of the text, where a regex anchored at the end backtracks through it from
 * every start) and must finish at once, with the text intact. Before: 37 s for a 200 kB space run in
 * a doc comment, and a stack overflow for 10^5 backtick runs in inline code.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, tempFiles } from './support/cli.ts';
import { sanitize, docComment } from '../generator/emit/typescript/doc-comment.ts';
import { collapse, fence, inlineCode, mdCell, mdText } from '../generator/emit/skills/escape.ts';

const RUNS = [
  ' ',
  '\t',
  '.',
  '!',
  '\n',
  '_',
  '-',
  '#',
  '*',
  '`',
  '`a',
  '<',
  '[',
  '](',
  '|',
  '\\',
  '*/',
  '\r\n',
];
const N = 100_000;
const long = (run: string) => `x${run.repeat(N)}x${run.repeat(N)}y`;

const escapers: [string, (text: string) => string][] = [
  ['sanitize (doc comments)', sanitize],
  ['docComment', (t) => docComment([t, t])],
  ['collapse', collapse],
  ['mdText', mdText],
  ['mdCell', mdCell],
  ['inlineCode', inlineCode],
  ['fence', (t) => fence('ts', t)],
];

describe('long strings', () => {
  it.each(escapers)('%s is linear in every kind of run', (_name, escape) => {
    for (const run of RUNS) {
      const text = long(run);
      const started = performance.now();
      const out = escape(text);
      const ms = performance.now() - started;
      // A quadratic pass over 2 x 10^5 characters takes tens of seconds; a linear one milliseconds.
      expect(ms, `run ${JSON.stringify(run)}`).toBeLessThan(2_000);
      expect(out).toMatch(/x[^]*y/); // the text runs to its end
    }
  });

  it('doc comments still trim trailing blanks of every line, and only those', () => {
    expect(sanitize('a  \nb\t \n c  d \n')).toBe('a\nb\n c  d\n');
  });

  it('inline code and fences still outgrow the longest backtick run', () => {
    expect(inlineCode('a`b``c')).toBe('```a`b``c```');
    expect(fence('', 'x\n````\ny').startsWith('`````\n')).toBe(true);
  });
});

describe('a long double-quoted scalar', () => {
  it('is held flat after loading, not as the rope of one node per character the parser builds', () => {
    // 10 MB of text in one double-quoted description: as a rope ~320 MB stay on the heap for the run.
    const text = 'a `b` **c** [d](https://e.f) <g> _h_\n'.repeat(270_000);
    const dir = tempFiles({
      'spec.yml': `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\nx-doc: ${JSON.stringify(text)}\n`,
      'measure.mts': `import { readFileSync } from 'node:fs';
import { parseSpecText } from ${JSON.stringify(join(ROOT, 'generator/load/parse.ts'))};
const parsed = parseSpecText(readFileSync(process.argv[2], 'utf8'), process.argv[2]);
globalThis.gc();
console.log(JSON.stringify({ heapMB: process.memoryUsage().heapUsed / 1048576, length: parsed.data['x-doc'].length }));
`,
    });
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(dir, 'measure.mts'), join(dir, 'spec.yml')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const { heapMB, length } = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(length).toBe(text.length);
    expect(heapMB).toBeLessThan(150);
  }, 60_000);
});
