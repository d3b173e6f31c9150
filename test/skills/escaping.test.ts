/**
 * Escaping where spec text lands: markdown prose, cells, inline code, fences, YAML, shell words, and
 * the string literals of each language, the latter read back by the real interpreter or compiler.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  anchorOf,
  fence,
  inlineCode,
  mdCell,
  mdText,
  shellQuote,
  yamlString,
} from '../../generator/emit/skills/escape.ts';
import { goString, javaString, jsString, pyString, rbString } from '../../generator/emit/skills/literals.ts';

describe('markdown escaping', () => {
  const prose: [string, { given: string; want: string }][] = [
    [
      'plain text and type labels stay readable',
      {
        given: 'array[string] for a < b and call_control_id',
        want: 'array[string] for a < b and call_control_id',
      },
    ],
    ['whitespace collapses to one line', { given: 'one\n\n  two\tthree', want: 'one two three' }],
    ['HTML and comments are escaped', { given: '<!-- x --> <b>y</b>', want: '\\<!-- x --> \\<b>y\\</b>' }],
    ['a heading, list or quote at the start is escaped', { given: '# a', want: '\\# a' }],
    ['an ordered list marker is escaped', { given: '1. a', want: '1\\. a' }],
    ['a closing hash run is escaped', { given: 'Tag #', want: 'Tag \\#' }],
    [
      'emphasis is escaped, intraword underscores kept',
      { given: '*a* _b_ c_d', want: '\\*a\\* \\_b\\_ c_d' },
    ],
    ['bold spans are kept', { given: '**Note:** x', want: '**Note:** x' }],
    [
      'one-backtick code spans are kept, longer runs escaped',
      { given: '``` `code` ```', want: '\\`\\`\\` `code` \\`\\`\\`' },
    ],
    [
      'http links kept, other links broken',
      {
        given: '[a](https://x.y/z) [b](javascript:x) [c]: y',
        want: '[a](https://x.y/z) [b\\](javascript:x) [c\\]: y',
      },
    ],
    ['a backslash before punctuation is escaped', { given: 'a\\*b a\\b', want: 'a\\\\\\*b a\\b' }],
  ];
  it.each(prose)('%s', (_, { given, want }) => expect(mdText(given)).toBe(want));

  it('escapes pipes in table cells, even inside code spans', () => {
    expect(mdCell('a | `b|c`')).toBe('a \\| `b\\|c`');
  });

  it('makes inline code that no backtick run inside can close', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x')).toBe('`` `x ``');
    expect(inlineCode('GET /a/{id}')).toBe('`GET /a/{id}`');
  });

  it('makes fences longer than any backtick run in the code', () => {
    expect(fence('python', 'x = "```"\n')).toBe('````python\nx = "```"\n````\n');
    expect(fence('go', 'x\n')).toBe('```go\nx\n```\n');
  });

  it('writes YAML scalars that parse back to the text', () => {
    for (const text of ['a: b', 'x"y\'z', '--- #', 'tab\there', 'ctl\u0085\u2028end', '{[&*!|>%@`']) {
      expect(parseYaml(`v: ${yamlString(text)}`).v).toBe(text.replace(/\s+/g, ' '));
    }
  });

  it('quotes shell words so nothing expands', () => {
    const result = spawnSync(
      'bash',
      ['-c', `printf '%s' ${shellQuote("'; rm -rf / $(id) `x` ${HOME} \\ '")}`],
      { encoding: 'utf8' },
    );
    expect(result.stdout).toBe("'; rm -rf / $(id) `x` ${HOME} \\ '");
  });

  it('anchors headings as GitHub does', () => {
    expect(anchorOf('Create OAuth client (GET /oauth_clients/{id})')).toBe(
      'create-oauth-client-get-oauth_clientsid',
    );
  });
});

/** Nasty strings: quotes, escapes, interpolation in each language, controls, separators, non-BMP. */
const NASTY = [
  `it's "quoted"`,
  'back\\slash \\n \\u000a \\u0022 \\x41',
  '#{interp} #@ivar #$gvar ${js} $(sh) `tick` */ /*',
  'line\nbreak\r\ttab\u0000nul\u0001\u007f\u0085',
  '\u2028\u2029\ufeff',
  'ünïcødé 🎉 \u{1F600}',
  '\u00011digit after control',
];

function runLiteralProgram(command: string, args: string[], file: string, source: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'literals-'));
  writeFileSync(join(dir, file), source);
  const result = spawnSync(command, [...args, join(dir, file)], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'off' },
  });
  if (result.error) throw new Error(`${command} is not installed: ${result.error.message}`);
  expect(result.stderr.replace(/^.*warning.*$/gim, '').trim(), `${command} stderr`).toBe('');
  return JSON.parse(result.stdout);
}

// NUL cannot be in source text; the encoders drop it, so the expected value drops it too.
const expected = NASTY.map((s) => s.replace(/\0/g, ''));

describe('string literals read back by each language', () => {
  it('javascript', () => {
    expect(NASTY.map((s) => new Function(`return ${jsString(s)};`)())).toEqual(expected);
  });

  it('python', () => {
    const source = `import json\nprint(json.dumps([${NASTY.map(pyString).join(', ')}]))\n`;
    expect(runLiteralProgram('python3', [], 'p.py', source)).toEqual(expected);
  });

  it('ruby', () => {
    const source = `require "json"\nputs JSON.generate([${NASTY.map(rbString).join(', ')}])\n`;
    expect(runLiteralProgram('ruby', [], 'r.rb', source)).toEqual(expected);
  });

  it('java', () => {
    const source = `public class J {\n  public static void main(String[] a) throws Exception {\n    String[] v = { ${NASTY.map(javaString).join(', ')} };\n    StringBuilder out = new StringBuilder("[");\n    for (int i = 0; i < v.length; i++) {\n      if (i > 0) out.append(",");\n      out.append('"');\n      for (char c : v[i].toCharArray()) out.append(String.format("\\\\u%04x", (int) c));\n      out.append('"');\n    }\n    System.out.print(out.append("]"));\n  }\n}\n`;
    expect(runLiteralProgram('java', [], 'J.java', source)).toEqual(expected);
  }, 30_000);

  it('go', () => {
    const source = `package main\n\nimport (\n\t"encoding/json"\n\t"fmt"\n)\n\nfunc main() {\n\tout, _ := json.Marshal([]string{${NASTY.map(goString).join(', ')}})\n\tfmt.Print(string(out))\n}\n`;
    expect(runLiteralProgram('go', ['run'], 'g.go', source)).toEqual(expected);
  }, 60_000);
});
