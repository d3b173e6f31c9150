/**
 * The generated package is tree-shakable, as its `sideEffects: false` promises: no generated module
 * does anything when imported (checked by esbuild, which keeps whatever it cannot prove free of side
 * effects, told to ignore that promise); an app that pairs the base client with one resource's entry
 * bundles no other resource; and the whole client builds each resource on first access only.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleApp, ONE_RESOURCE_APP, WHOLE_CLIENT_APP } from '../../scripts/bench-bundle.ts';

const src = join(inject('generatedDir'), 'typescript/src');
const work = mkdtempSync(join(tmpdir(), 'codegen-treeshake-'));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** What esbuild keeps of each module imported for its side effects alone (`import 'x'`), by module. */
async function keptOnImport(modules: Record<string, string>): Promise<Record<string, string>> {
  const names = Object.keys(modules);
  const result = await build({
    entryPoints: names.map((name, i) => ({ in: `entry:${i}`, out: `entry-${i}` })),
    plugins: [
      {
        name: 'entries',
        setup(b) {
          b.onResolve({ filter: /^entry:/ }, (args) => ({ path: args.path, namespace: 'entry' }));
          b.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => ({
            contents: modules[names[Number(args.path.slice('entry:'.length))]!],
            resolveDir: src,
            loader: 'ts',
          }));
        },
      },
    ],
    bundle: true,
    write: false,
    outdir: join(work, 'side-effects'),
    format: 'esm',
    platform: 'node',
    // Judge the code itself: not the package.json's `sideEffects: false` nor /* @__PURE__ */ notes.
    ignoreAnnotations: true,
    logLevel: 'silent',
  });
  return Object.fromEntries(
    result.outputFiles.map((o) => [names[Number(/entry-(\d+)\.js$/.exec(o.path)![1])]!, o.text.trim()]),
  );
}

describe('sideEffects: false', () => {
  it('holds for every generated module: importing one runs nothing', async () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(300);
    const modules = Object.fromEntries(files.map((f) => [relative(src, f), `import ${JSON.stringify(f)};`]));
    // Controls: the check sees a top-level call and a static initializer that reads a global.
    modules['control: a call'] = `export const a = 1;\nconsole.log(a);`;
    modules['control: a static initializer'] = `export class A { static n = globalThis.foo(); }`;
    const kept = await keptOnImport(modules);
    expect(kept['control: a call']).toContain('console.log');
    expect(kept['control: a static initializer']).toContain('globalThis.foo');
    delete kept['control: a call'];
    delete kept['control: a static initializer'];
    const withEffects = Object.entries(kept).filter(([, code]) => code !== '');
    expect(withEffects.map(([file, code]) => `${file}: ${code.slice(0, 200)}`)).toEqual([]);
  }, 60_000);
});

describe('an app that uses one resource', () => {
  /**
   * Every operation path of every resource file except `messages` and its children; not those the
   * client core names itself (`/oauth/token`, where it fetches OAuth tokens).
   */
  const otherPaths = () => {
    const core = sourceFiles(join(src, 'core'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    return sourceFiles(join(src, 'resources'))
      .filter((f) => !/\/resources\/messages(\/|\.ts$)/.test(f))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bpath: ('[^']*')/g)].map((m) => m[1]!))
      .filter((path) => !core.includes(path));
  };
  const bundled = (file: string) => readFileSync(file, 'utf8').replace(/"/g, "'");
  let oneResource: string;
  let wholeClient: string;

  beforeAll(async () => {
    const one = await bundleApp({ label: 'one', code: ONE_RESOURCE_APP, src }, join(work, 'one.mjs'));
    const whole = await bundleApp({ label: 'whole', code: WHOLE_CLIENT_APP, src }, join(work, 'whole.mjs'));
    oneResource = bundled(one.file);
    wholeClient = bundled(whole.file);
  }, 60_000);

  it('bundles that resource (with its children) and no other, through base-client and its entry', () => {
    // (booleans: a failure would otherwise print the whole bundle)
    expect(oneResource.includes("'/messages/group_mms'")).toBe(true);
    expect(oneResource.includes("'/messages/rcs'")).toBe(true); // messages.rcs, a child
    const paths = otherPaths();
    expect(paths.length).toBeGreaterThan(500);
    // The marker works: the whole client's bundle has every other resource's paths.
    expect(paths.filter((p) => !wholeClient.includes(p))).toEqual([]);
    expect(paths.filter((p) => oneResource.includes(p))).toEqual([]);
  });

  it('runs: the resource sends through the base client', async () => {
    const { send } = await import(join(work, 'one.mjs'));
    await expect(send()).resolves.toEqual({ data: { id: '1' } });
  });
});

describe('resources built on first access', () => {
  it('are built once, as own properties of their owner, and not before', async () => {
    const { Telnyx } = await import(join(src, 'index.ts'));
    const { Messages } = await import(join(src, 'resources/messages.ts'));
    const client = new Telnyx({ apiKey: 'KEY' });
    expect(Object.keys(client)).not.toContain('messages');
    const messages = client.messages;
    expect(messages).toBeInstanceOf(Messages);
    expect(client.messages).toBe(messages);
    expect(Object.getOwnPropertyDescriptor(client, 'messages')).toMatchObject({
      value: messages,
      writable: true,
    });
    expect(messages.rcs).toBe(messages.rcs);
    expect(Object.keys(messages)).toContain('rcs');
    // A configured copy gets resources of its own, bound to it.
    const copy = client.withOptions({ timeout: 1000 });
    expect(copy.messages).not.toBe(messages);
    expect(copy.messages._client).toBe(copy);
    expect(messages.rcs._client).toBe(client);
  });

  it('can be assigned before and after their first read, as the official fields can', async () => {
    const { Telnyx } = await import(join(src, 'index.ts'));
    const client = new Telnyx({ apiKey: 'KEY' });
    const stub = { send: () => 'stubbed' };
    client.messages = stub;
    expect(client.messages).toBe(stub);
    const rcs = new Telnyx({ apiKey: 'KEY' }).messages;
    const child = { stub: true };
    rcs.rcs = child;
    expect(rcs.rcs).toBe(child);
    client.messages = rcs;
    expect(client.messages).toBe(rcs);
  });

  it('the base client identifies itself as the whole client does', async () => {
    const { Telnyx } = await import(join(src, 'index.ts'));
    const { BaseTelnyx } = await import(join(src, 'base-client.ts'));
    const agents: string[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      agents.push(new Headers(init.headers).get('user-agent')!);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    await new Telnyx({ apiKey: 'KEY', fetch }).get('/balance');
    await new BaseTelnyx({ apiKey: 'KEY', fetch }).get('/balance');
    expect(agents[0]).toMatch(/^Telnyx\/JS /);
    expect(agents[1]).toBe(agents[0]);
    expect(new Telnyx({ apiKey: 'KEY' })).toBeInstanceOf(BaseTelnyx);
  });
});
