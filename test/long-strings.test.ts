/**
 * Spec text of any length costs time linear in its length: each escaper gets a run of one character
 * (100k long, in the middle of the text, where a regex anchored at the end backtracks through it from
 * every start) and must finish at once, with the text intact. Before: 37 s for a 200 kB space run in
 * a doc comment, and a stack overflow for 10^5 backtick runs in inline code.
 */
import { describe, expect, it } from 'vitest';
import { sanitize, docComment } from '../generator/emit/typescript/doc-comment.ts';
import { collapse, fence, inlineCode, mdCell, mdText } from '../generator/emit/skills/escape.ts';

const RUNS = [' ', '\t', '.', '!', '\n', '_', '-', '#', '*', '`', '`a', '<', '[', '](', '|', '\\', '*/', '\r\n'];
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
