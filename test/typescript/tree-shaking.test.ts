/**
 * The generated package is tree-shakable, as its `sideEffects: false` promises: importing a generated
 * module does nothing but complete the classes it declares (checked by esbuild, which keeps whatever
 * it cannot prove free of side effects, told to ignore that promise); an app that pairs the base
 * client with one resource's entry bundles no other resource; and the whole client builds each
 * resource on first access only.
 */
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
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

/**
 * The one top-level effect a generated module may have: completing a class it declares itself, with
 * the methods and child getters its merged interface declares (`defineOperations(Messages,
 * OPERATIONS)`, `defineChildren(Telnyx, {...})`, runtime/define.ts). A bundler that drops a module
 * whose exports go unused drops the class with it, so `sideEffects: false` holds; these calls are
 * taken out before esbuild judges the rest, and counted. Anything else done on import is a defect.
 */
const CLASS_DEFINITION = /^define(?:Operations|Children)\((\w+), [^;]*\);\n/gm;
const definitions = { own: 0, foreign: [] as string[] };

function withoutOwnClassDefinitions(file: string): string {
  const code = readFileSync(file, 'utf8');
  return code.replace(CLASS_DEFINITION, (call, name: string) => {
    if (!new RegExp(`^export class ${name} `, 'm').test(code)) {
      definitions.foreign.push(`${relative(src, file)}: ${call.trim()}`);
      return call;
    }
    definitions.own++;
    return '';
  });
}

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
          b.onLoad({ filter: /\.ts$/ }, (args) =>
            args.path.startsWith(src)
              ? { contents: withoutOwnClassDefinitions(args.path), loader: 'ts' }
              : undefined,
          );
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
  it('holds for every generated module: importing one only completes its own classes', async () => {
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
    // Each resource class and the client was completed by its own module, none by another's.
    expect(definitions.foreign).toEqual([]);
    expect(definitions.own).toBeGreaterThan(files.filter((f) => f.includes('/resources/')).length / 2);
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

describe('methods defined from the operations table', () => {
  it('are on the prototype as a class body would put them, and send the declared arguments', async () => {
    const { Telnyx } = await import(join(src, 'index.ts'));
    const { Messages } = await import(join(src, 'resources/messages.ts'));
    const { Keys } = await import(join(src, 'resources/storage/kvs/keys.ts'));
    const send = Object.getOwnPropertyDescriptor(Messages.prototype, 'send');
    expect(send).toMatchObject({ writable: true, enumerable: false, configurable: true });
    expect(send!.value.name).toBe('send');
    expect(Object.keys(Messages.prototype)).toEqual([]);
    const sent: { url: string; method: string; body: unknown }[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      sent.push({ url, method: init.method!, body: init.body });
      return new Response('{"data":{}}', { headers: { 'content-type': 'application/json' } });
    };
    const client = new Telnyx({ apiKey: 'KEY', fetch, baseURL: 'http://api.test' });
    // A subclass override reaches the defined method through super, as with a class method.
    const Base = Messages as new (client: unknown) => { send(params: unknown, options?: unknown): unknown };
    const overridden: unknown[] = [];
    class Logged extends Base {
      override send(params: unknown, options?: unknown) {
        overridden.push(params);
        return super.send(params, options);
      }
    }
    await new Logged(client).send({ to: '+13125550001', text: 'hi' });
    expect(overridden).toHaveLength(1);
    // A spy on the prototype sees the client's calls.
    const spy = vi.spyOn(Messages.prototype, 'send').mockResolvedValue({ stubbed: true });
    await expect(client.messages.send({ to: '+13125550002', text: 'spied' })).resolves.toEqual({
      stubbed: true,
    });
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
    // Positional path argument, params and options; a whole body as its own argument.
    await client.messages.retrieve('msg-1', { headers: { 'X-A': '1' } });
    await client.messagingProfiles.list({ page: { number: 2 } });
    await new Keys(client).update('key-1', new Uint8Array([1, 2]), { id: 'ns-1', ttl_secs: 60 });
    expect(sent.map((s) => `${s.method} ${s.url.replace('http://api.test', '')}`)).toEqual([
      'POST /messages',
      'GET /messages/msg-1',
      'GET /messaging_profiles?page%5Bnumber%5D=2',
      'PUT /storage/kvs/ns-1/keys/key-1?ttl_secs=60',
    ]);
    expect(JSON.parse(String(sent[0]!.body))).toEqual({ to: '+13125550001', text: 'hi' });
    const bytes = await new Response(sent[3]!.body as BodyInit).arrayBuffer();
    expect([...new Uint8Array(bytes)]).toEqual([1, 2]);
  });
});
