/**
 * The checkers themselves: each one must fail on a broken block (a checker that passes everything
 * proves nothing), and pass a good one. Java is parsed only: an unknown SDK class is not an error.
 */
import { describe, expect, it } from 'vitest';
import type { CodeBlock } from './support/blocks.ts';
import { codeBlocks } from './support/blocks.ts';
import {
  checkBash,
  checkGo,
  checkJava,
  checkJavaScript,
  checkPython,
  checkRuby,
  type CheckResult,
} from './support/checkers.ts';
import { curlFailures, goImportFailures, jsStandaloneFailures } from './support/skills.ts';

const block = (lang: string, code: string): CodeBlock => ({
  file: `x/telnyx-x-${lang}/SKILL.md`,
  line: 1,
  lang,
  code,
  section: 'test',
});

const cases: [string, (b: CodeBlock[]) => CheckResult, { good: string; bad: string }][] = [
  [
    'python',
    checkPython,
    { good: 'response = client.calls.dial(to="+1")\n', bad: 'response = client.calls.dial(to="+1"\n' },
  ],
  ['ruby', checkRuby, { good: 'client.calls.dial(to: "+1")\n', bad: 'client.calls.dial(to: "+1"\nend\n' }],
  [
    'go',
    checkGo,
    {
      good: 'package main\n\nfunc main() {\n\tx := T{A: 1}\n\t_ = x\n}\n',
      bad: 'package main\n\nfunc main() {\n\tx := T{A: 1\n}\n',
    },
  ],
  [
    'java',
    checkJava,
    {
      good: 'import com.telnyx.sdk.Unknown;\n\nvar r = client.calls().dial(Unknown.builder().to("+1").build());\n',
      bad: 'var r = client.calls().dial(;\n',
    },
  ],
  ['bash', checkBash, { good: "curl 'https://x' \\\n  -H 'a: b'\n", bad: "curl 'https://x\n" }],
  [
    'javascript',
    checkJavaScript,
    {
      good: "const r = await client.calls.dial({ to: '+1' });\n",
      bad: "const r = await client.calls.dial({ to: '+1' );\n",
    },
  ],
];

describe('code block checkers', () => {
  it.each(cases)('%s: passes a good block, fails a broken one', (lang, check, { good, bad }) => {
    const result = check([block(lang, good), block(lang, bad)]);
    expect(result.checked).toBe(2);
    expect([...new Set(result.failures.map((f) => f.block.code))]).toEqual([bad]);
  });

  it('go: flags a block that parses but is not in gofmt layout', () => {
    const misaligned = 'package main\n\nfunc main() {\n\tx := T{\n\t\tA: 1,\n\t\tBbb: 2,\n\t}\n\t_ = x\n}\n';
    expect(checkGo([block('go', misaligned)]).failures.map((f) => f.message)).toEqual([
      'not in gofmt layout (gofmt would rewrite it)',
    ]);
  });

  it('curl: flags unfilled path parameters, raw brackets in URLs, and -F mixed with -d', () => {
    const flagged = curlFailures([
      block('bash', "curl 'https://api.telnyx.com/v2/calls/{id}'\n"),
      block('bash', "curl 'https://api.telnyx.com/v2/calls?filter[a]=b'\n"),
      block('bash', "curl -X POST 'https://x' \\\n  -F 'file=@a' \\\n  -d '{}'\n"),
      block('bash', "curl 'https://x' \\\n  -G \\\n  --data-urlencode 'filter[a]=b'\n"),
    ]);
    expect(flagged.map((f) => f.message)).toEqual([
      "unfilled path parameter in 'https://api.telnyx.com/v2/calls/{id}'",
      "raw brackets (a curl glob) in 'https://api.telnyx.com/v2/calls?filter[a]=b'",
      'mixes -F with -d',
    ]);
  });

  it('go: flags an unused import and a package used without its import', () => {
    const code = 'package main\n\nimport (\n\t"fmt"\n\t"io"\n)\n\nfunc main() {\n\tfmt.Println(os.Args)\n}\n';
    expect(goImportFailures([block('go', code)]).map((f) => f.message)).toEqual([
      'imports io without using it',
      'uses os without importing it',
    ]);
  });

  it('go: flags an SDK import outside the official module of this spec (no /v4)', () => {
    const program = (module: string) =>
      `package main\n\nimport (\n\t"os"\n\n\t"${module}"\n\t"${module}/option"\n)\n\nfunc main() {\n\t_ = telnyx.NewClient(option.WithAPIKey(os.Getenv("K")))\n}\n`;
    expect(goImportFailures([block('go', program('github.com/team-telnyx/telnyx-go/v4'))])).toEqual([]);
    expect(
      goImportFailures([block('go', program('github.com/team-telnyx/telnyx-go'))]).map((f) => f.message),
    ).toEqual([
      'imports github.com/team-telnyx/telnyx-go, outside the official module github.com/team-telnyx/telnyx-go/v4',
      'imports github.com/team-telnyx/telnyx-go/option, outside the official module github.com/team-telnyx/telnyx-go/v4',
    ]);
  });

  it('javascript: flags an example that uses client without importing and constructing it', () => {
    const alone =
      "import Telnyx from 'telnyx';\n\nconst client = new Telnyx({ apiKey: process.env.TELNYX_API_KEY });\n\nawait client.calls.dial();\n";
    const fragment = 'await client.calls.dial();\n';
    expect(
      jsStandaloneFailures([block('javascript', alone), block('javascript', fragment)]).map(
        (f) => f.block.code,
      ),
    ).toEqual([fragment]);
  });

  it('blocks: a fence is closed only by a fence at least as long', () => {
    const md = '# T\n\n````python\nx = """\n```\n"""\n````\n\n## S\n\n```bash\necho\n```\n';
    expect(codeBlocks('f.md', md).map((b) => [b.lang, b.code, b.section])).toEqual([
      ['python', 'x = """\n```\n"""\n', ''],
      ['bash', 'echo\n', 'S'],
    ]);
    expect(() => codeBlocks('f.md', '```go\nx\n')).toThrow(/never closed/);
  });
});
