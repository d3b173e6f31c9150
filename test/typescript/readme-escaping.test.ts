/**
 * Spec text in the package README is escaped for where it lands: `info.title` in a markdown heading
 * and prose (it was printed raw: `# </script><script>alert(1)</script> TypeScript client`), the
 * server URL in a code span in a table cell, and the server in client.ts's doc comment.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, tempFiles } from '../support/cli.ts';

const title = '</script><script>alert(1)</script> *bold* [x](javascript:alert(1)) <!-- ##';
const server = 'https://api.example.com/v2?a=`b`|c*/';

describe('the package README', () => {
  it('escapes the title and the server for markdown, and the server for a doc comment', async () => {
    const spec = `openapi: 3.1.0\ninfo: { title: ${JSON.stringify(title)}, version: "1" }\nservers: [{ url: ${JSON.stringify(server)} }]\npaths:\n  /pets:\n    get:\n      tags: [Pets]\n      responses: { '200': { description: ok } }\n`;
    const dir = tempFiles({ 'spec.yml': spec });
    const out = join(dir, 'out');
    await runPipeline({
      spec: join(dir, 'spec.yml'),
      config: FIXTURE_CONFIG,
      out,
      cache: false,
      only: ['typescript'],
    });
    const readme = readFileSync(join(out, 'typescript/README.md'), 'utf8');
    const heading = readme.split('\n')[1];
    expect(heading).toBe(
      '# \\</script>\\<script>alert(1)\\</script> \\*bold\\* [x\\](javascript:alert(1)) \\<!-- \\## TypeScript client',
    );
    // No tag, comment or link from the spec anywhere in the file: each `<` and `](` it brought is escaped.
    const body = readme.slice(readme.indexOf('\n')); // after the generator's own <!-- --> line
    expect(body).not.toMatch(/(?<!\\)<(script|\/script|!--)/);
    expect(body).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(readme).toContain(
      '| `baseURL` | `TELNYX_BASE_URL`, else ``https://api.example.com/v2?a=`b`\\|c*/`` |',
    );
    const client = readFileSync(join(out, 'typescript/src/client.ts'), 'utf8');
    expect(client).toContain('https://api.example.com/v2?a=`b`|c*\\/');
  });
});
