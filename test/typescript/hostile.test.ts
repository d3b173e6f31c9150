/**
 * A hostile spec (comment terminators, template literals, quotes, reserved words, digit-led names,
 * names of JS globals) must generate a package that compiles and runs, with every string intact.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../generator/pipeline.ts';
import { FIXTURE_CONFIG, FIXTURES, ROOT, tempFiles } from '../support/cli.ts';

const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

// Starts a local server, calls the generated client, prints what the server received.
const SCRIPT = `
import http from 'node:http';
import Sdk from 'fixture-sdk';
const seen = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, header: req.headers['x-weird-header'], body });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ class: 'c*/d' }));
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const client = new Sdk({ apiKey: 'k', baseURL: 'http://127.0.0.1:' + server.address().port });
const result = await client.imports.update('a/b c', { default: "it's", 'X-Weird-Header': 'v', constructor: '*/', '1st': 1, 'foo-bar': '\${x}' });
server.close();
console.log(JSON.stringify({ result, seen, pwned: globalThis.pwned ?? null }));
`;

describe('hostile fixture spec', () => {
  it('generates a package that compiles and runs with every string intact', async () => {
    const dir = tempFiles({ 'run.mjs': SCRIPT, 'package.json': '{ "type": "module" }' });
    const out = join(dir, 'out');
    await runPipeline({ spec: join(FIXTURES, 'hostile.yml'), config: FIXTURE_CONFIG, out, cache: false });
    const pkg = join(out, 'typescript');
    const build = run('npm', ['run', '-s', 'build'], pkg);
    expect(build.out).toBe('');
    expect(build.code).toBe(0);
    // Comment terminators from the spec are escaped, never live.
    const resource = readFileSync(join(pkg, 'src/resources/imports.ts'), 'utf8');
    expect(resource).toContain('Ends a comment *\\/ then');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(pkg, join(dir, 'node_modules/fixture-sdk'));
    const called = run(process.execPath, ['run.mjs'], dir);
    expect(called.code, called.out).toBe(0);
    const { result, seen, pwned } = JSON.parse(called.out.trim().split('\n').pop()!);
    expect(pwned).toBeNull();
    expect(result).toEqual({ class: 'c*/d' });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/import/a%2Fb%20c?default=it%27s',
        header: 'v',
        body: JSON.stringify({ constructor: '*/', '1st': 1, 'foo-bar': '${x}' }),
      },
    ]);
  }, 120_000);
});
