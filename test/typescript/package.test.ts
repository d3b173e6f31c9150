/**
 * The generated TypeScript package as its users meet it: it type-checks under `strict`, its build
 * emits ESM, CJS and declarations, a consumer compiles against it with `nodenext` and `bundler`
 * resolution, and both `import` and `require` load it on Node.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempFiles } from '../support/cli.ts';

const pkg = join(inject('generatedDir'), 'typescript');
const TSC = join(ROOT, 'node_modules/.bin/tsc');
const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

const CONSUMER = `import Telnyx, { APIError, NotFoundError, RateLimitError, toFile, type Models } from 'telnyx';
import { TelnyxWebhook, unwrapWebhook } from 'telnyx/lib/webhooks';
import { BaseTelnyx } from 'telnyx/base-client';
import { Messages, type MessageSendParams } from 'telnyx/resources/messages';
import { Actions } from 'telnyx/resources/calls/actions';
import type { CallInitiatedWebhookEvent, UnwrapWebhookEvent } from 'telnyx/resources/webhooks';

export async function main(): Promise<void> {
  const client = new Telnyx({ apiKey: 'KEY', maxRetries: 3, timeout: 10_000 });
  const quick = client.withOptions({ timeout: 1_000 });
  const balance = await quick.balance.retrieve();
  console.log(balance);
  const answered = await client.calls.actions.answer('v3:call', { client_state: 'aGk=' }, { idempotencyKey: 'k1' });
  console.log(answered);
  for await (const number of client.phoneNumbers.list({ page: { size: 50 } })) console.log(number);
  const page = await client.phoneNumbers.list();
  if (page.hasNextPage()) await page.getNextPage();
  const { data, response } = await client.balance.retrieve().withResponse();
  console.log(data, response.status);
  const file = await toFile(new Uint8Array([1, 2, 3]), 'a.bin');
  console.log(file);
  const event = await client.webhooks.unwrap('{}', { 'telnyx-signature-ed25519': 's', 'telnyx-timestamp': '1' }, { publicKey: 'k' });
  console.log(event);
  // The official SDK's surface: its webhook call shape, types through the client namespace, error
  // classes on the client class, generic verbs, page body fields, telnyx/lib/webhooks.
  const official: Telnyx.UnwrapWebhookEvent = client.webhooks.unwrap('{}', { headers: { 'telnyx-timestamp': '1' }, key: 'k' });
  const later: Telnyx.UnwrapWebhookEvent = await client.webhooks.unwrapAsync('{}', { headers: {} });
  await new TelnyxWebhook('k').verify('{}', {});
  console.log(official, later, unwrapWebhook);
  // The webhook event types under the official names (telnyx/resources/webhooks, Telnyx.X), the
  // same types as the package's own Models names; a union of events narrows on data.event_type.
  const unwrapped: UnwrapWebhookEvent = official;
  const callEvent = unwrapped as CallInitiatedWebhookEvent | Telnyx.CallHangupWebhookEvent;
  const ours: Models.CallInitiatedEvent | Models.CallHangupEvent = callEvent;
  const callData = ours.data;
  if (callData?.event_type === 'call.initiated') {
    const initiated: Telnyx.CallInitiated = callData;
    console.log(initiated.payload?.call_control_id);
  }
  const params: Telnyx.MessageSendParams = { to: '+13125550100', from: '+13125550199', text: 'hi' };
  const filter: Telnyx.AccessIPAddressListParams.Filter = { ip_address: '10.0.0.1' };
  const calls: Telnyx.Calls = client.calls;
  const profiles: Telnyx.DefaultPagination<Telnyx.MessagingProfile> | undefined = undefined;
  console.log(calls, profiles);
  const options: Telnyx.RequestOptions = { timeout: 1_000, idempotencyKey: 'k', path: '/messages', baseURL: 'http://localhost' };
  const sent = await client.post<{ data: { id: string } }>('/messages', { body: params, ...options });
  const generic: unknown = await client.get('/balance', { query: { a: 1 }, signal: new AbortController().signal });
  const listed = await client.messagingProfiles.list();
  console.log(filter, sent.data.id, generic, listed.data.length, listed.meta.total_pages, listed.getPaginatedItems());
  try {
    await client.balance.retrieve();
  } catch (error) {
    if (error instanceof Telnyx.NotFoundError || error instanceof Telnyx.APIError) console.log(error.status);
  }
  // The base client with resources from their own entry points (what a bundler can shake).
  const base = new BaseTelnyx({ apiKey: 'KEY' });
  const lean: MessageSendParams = { to: '+13125550100', from: '+13125550199', text: 'hi' };
  const leanSent = await new Messages(base).send(lean);
  await new Actions(base).answer('v3:call', { client_state: 'aGk=' });
  const whole: Messages = client.messages;
  console.log(leanSent.data?.id, whole);
  const profile: Models.MessagingProfile | undefined = undefined;
  console.log(profile);
  try {
    await client.messages.send({ to: '+13125550100', from: '+13125550199', text: 'hi' });
  } catch (error) {
    if (error instanceof RateLimitError || error instanceof NotFoundError) console.log(error.status);
    else if (error instanceof APIError) console.log(error.status, error.message);
  }
}
`;

describe('generated TypeScript package', () => {
  beforeAll(() => {
    const build = run('npm', ['run', '-s', 'build'], pkg);
    expect(build.out, 'npm run build').toBe('');
    expect(build.code).toBe(0);
  }, 240_000);

  it('type-checks under strict with no errors', () => {
    const check = run(TSC, ['-p', 'tsconfig.json', '--noEmit'], pkg);
    expect(check.out).toBe('');
    expect(check.code).toBe(0);
  }, 120_000);

  // The package checks against its own web-globals shim (fast); the same sources must also check
  // against the real lib DOM, so the shim can never accept what real fetch/Blob/Headers types reject.
  it('type-checks against the real DOM lib as well', () => {
    const dir = tempFiles({
      'tsconfig.json': JSON.stringify({
        extends: join(pkg, 'tsconfig.json'),
        compilerOptions: { lib: ['ES2022', 'DOM', 'DOM.Iterable'] },
        include: [join(pkg, 'src')],
      }),
    });
    const check = run(TSC, ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(check.out).toBe('');
    expect(check.code).toBe(0);
  }, 120_000);

  it('builds ESM, CJS and declarations', () => {
    for (const file of [
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'dist/cjs/package.json',
    ]) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
  });

  // Declarations name web globals (Response, Headers, Blob): a consumer may get them from lib DOM or
  // from @types/node, which lacks some DOM-only names (BodyInit).
  it.each([
    ['nodenext', 'lib DOM'],
    ['bundler', 'lib DOM'],
    ['nodenext', '@types/node'],
  ])(
    'compiles a consumer with moduleResolution %s and %s',
    (resolution, globals) => {
      const dir = tempFiles({
        'consumer.ts': CONSUMER,
        'tsconfig.json': JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: resolution === 'bundler' ? 'ESNext' : 'NodeNext',
            moduleResolution: resolution,
            strict: true,
            noEmit: true,
            lib: globals === 'lib DOM' ? ['ES2022', 'DOM'] : ['ES2022'],
            types: globals === 'lib DOM' ? [] : ['node'],
          },
          files: ['consumer.ts'],
        }),
        'package.json': '{ "type": "module" }',
      });
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      symlinkSync(pkg, join(dir, 'node_modules/telnyx'));
      symlinkSync(join(ROOT, 'node_modules/@types'), join(dir, 'node_modules/@types'));
      const check = run(TSC, ['-p', 'tsconfig.json'], dir);
      expect(check.out).toBe('');
      expect(check.code).toBe(0);
    },
    120_000,
  );

  it('has README examples that type-check against the package', () => {
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    // Fragments (a bare call in the errors or pagination section) run inside a function with a client.
    const files: Record<string, string> = {};
    blocks.forEach((code, i) => {
      files[`example-${i}.ts`] = code.includes('import ')
        ? `${code}\nexport {};\n`
        : `import Telnyx from 'telnyx';\nconst client = new Telnyx();\nexport async function run(rawBody: string, request: { headers: Record<string, string> }) {\n${code}\n}\n`;
    });
    const dir = tempFiles({
      ...files,
      'package.json': '{ "type": "module" }',
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          skipLibCheck: true,
        },
        include: ['*.ts'],
      }),
    });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(pkg, join(dir, 'node_modules/telnyx'));
    symlinkSync(join(ROOT, 'node_modules/@types'), join(dir, 'node_modules/@types'));
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const check = run(TSC, ['-p', 'tsconfig.json'], dir);
    expect(check.out).toBe('');
    expect(check.code).toBe(0);
  }, 120_000);

  it('loads with import from ESM and require from CJS', () => {
    const dir = tempFiles({
      'esm.mjs':
        "import Telnyx, { APIError } from 'telnyx';\nconst c = new Telnyx({ apiKey: 'k' });\nconsole.log(typeof c.calls.actions.answer, APIError.name);\n",
      'cjs.cjs':
        "const { Telnyx, APIError } = require('telnyx');\nconst c = new Telnyx({ apiKey: 'k' });\nconsole.log(typeof c.calls.actions.answer, APIError.name);\n",
      'esm-entry.mjs':
        "import { BaseTelnyx } from 'telnyx/base-client';\nimport { Actions } from 'telnyx/resources/calls/actions';\nconsole.log(typeof new Actions(new BaseTelnyx({ apiKey: 'k' })).answer);\n",
      'cjs-entry.cjs':
        "const { BaseTelnyx } = require('telnyx/base-client');\nconst { Actions } = require('telnyx/resources/calls/actions');\nconsole.log(typeof new Actions(new BaseTelnyx({ apiKey: 'k' })).answer);\n",
    });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(pkg, join(dir, 'node_modules/telnyx'));
    const printed = {
      'esm.mjs': 'function APIError',
      'cjs.cjs': 'function APIError',
      'esm-entry.mjs': 'function',
      'cjs-entry.cjs': 'function',
    };
    for (const [file, expected] of Object.entries(printed)) {
      const r = run(process.execPath, [file], dir);
      expect(r.out.trim(), file).toBe(expected);
    }
  });

  // The official package's CommonJS build: module.exports is the class, named exports its properties.
  it.each([
    ['cjs.cjs', 'require', "const Telnyx = require('telnyx');\nconst wh = require('telnyx/lib/webhooks');"],
    ['esm.mjs', 'import', "import Telnyx from 'telnyx';\nimport * as wh from 'telnyx/lib/webhooks';"],
  ])('%s: the client is the entry, errors are statics, telnyx/lib/webhooks resolves', (file, _how, head) => {
    const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
    const dir = tempFiles({
      [file]: `${head}
let agent;
const client = new Telnyx({ apiKey: 'k', maxRetries: 0, fetch: async (_url, init) => {
  agent = init.headers.get('user-agent');
  return new Response('{"errors":[{"title":"Not Found"}]}', { status: 404, headers: { 'content-type': 'application/json' } });
} });
const checks = [Telnyx.Telnyx === Telnyx, typeof Telnyx.APIError, typeof Telnyx.toFile, typeof wh.TelnyxWebhook,
  typeof wh.unwrapWebhook, wh.TelnyxWebhookVerificationError.name];
client.balance.retrieve().catch((e) => {
  console.log(JSON.stringify([...checks, e instanceof Telnyx.NotFoundError, agent]));
});
`,
    });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(pkg, join(dir, 'node_modules/telnyx'));
    const r = run(process.execPath, [file], dir);
    expect(JSON.parse(r.out.trim()), r.out).toEqual([
      true,
      'function',
      'function',
      'function',
      'function',
      'TelnyxWebhookVerificationError',
      true,
      `Telnyx/JS ${version}`,
    ]);
  });

  it('require: named exports and the default are properties of the class', () => {
    const dir = tempFiles({
      'cjs.cjs':
        "const Telnyx = require('telnyx');\nconst { APIError, toFile, Webhooks } = Telnyx;\nconsole.log([Telnyx.default === Telnyx, APIError === Telnyx.APIError, typeof toFile, typeof Webhooks].join(' '));\n",
    });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(pkg, join(dir, 'node_modules/telnyx'));
    expect(run(process.execPath, ['cjs.cjs'], dir).out.trim()).toBe('true true function function');
  });
});
