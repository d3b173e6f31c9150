/**
 * A paging style and a query style the Telnyx spec does not use (test/fixtures/new-styles.yml), end
 * to end: the generated client pages with offset/limit against a local server and sends the object
 * parameter pipe-delimited, and the curl skill sends the same query. Supporting them took one table
 * row (generator/model/pagination.ts), the style's name (model/types.ts) and the runtime
 * (page-styles.ts, query.ts); no emitter changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, FIXTURES, tempFiles } from '../support/cli.ts';
import { startServer, type TestServer } from '../runtime/helpers.ts';

const out = join(tempFiles({}), 'out');
let server: TestServer;

beforeAll(async () => {
  await runPipeline({ spec: join(FIXTURES, 'new-styles.yml'), config: FIXTURE_CONFIG, out, cache: false });
  server = await startServer();
});
afterAll(() => server?.close());

describe('offset/limit paging and a pipe-delimited object', () => {
  it('are detected and laid out from the model', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.operations[0].pagination).toBe('offset-limit');
    const resource = readFileSync(join(out, 'typescript/src/resources/widgets.ts'), 'utf8');
    expect(resource).toContain(
      'list(params: WidgetListParams, options?: RequestOptions): PagePromise<WidgetListPage>;',
    );
    expect(resource).toContain("    page: OffsetPagination,\n    items: 'data',\n");
    expect(resource).toContain("color: { style: 'pipeDelimited', explode: false }");
  });

  it('the generated client walks every page and sends the object with pipes', async () => {
    const total = 5;
    server.handle((req, res) => {
      const query = new URL(req.url, server.url).searchParams;
      const offset = Number(query.get('offset') ?? 0);
      const limit = Number(query.get('limit'));
      const data = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
        id: offset + i,
      }));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data, meta: { total } }));
    });
    const { default: Client } = await import(join(out, 'typescript/src/index.ts'));
    const client = new Client({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
    const ids: number[] = [];
    for await (const widget of client.widgets.list({ color: { R: 100, G: 200 }, limit: 2 }))
      ids.push(widget.id);
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    expect(server.requests.map((r) => decodeURIComponent(r.url))).toEqual([
      '/widgets?color=R|100|G|200&limit=2',
      '/widgets?color=R|100|G|200&limit=2&offset=2',
      '/widgets?color=R|100|G|200&limit=2&offset=4',
    ]);
  });

  it('the curl skill sends the same query', () => {
    const skill = readFileSync(join(out, 'skills/telnyx-pets-curl/SKILL.md'), 'utf8');
    expect(skill).toContain("--data-urlencode 'color=R|100|G|200'");
  });
});
