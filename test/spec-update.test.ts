/**
 * `npm run spec:update` through the real command, against a local stand-in for GitHub (node:http on
 * 127.0.0.1, reached through SPEC_UPDATE_API_URL and SPEC_UPDATE_RAW_URL): the branch followed or a
 * --ref, the change report against the old pin, the config rewritten in place (comments and layout
 * kept) and the new bytes cached for `generate`; every failure exits 2 with a located message and a
 * fix, and changes nothing. Plus the pin URL rules and the file edits as given/want tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { changelogText, movePinText } from '../generator/spec-update/files.ts';
import { branchPinProblem, parseGithubPin } from '../generator/util/github-pin.ts';
import { sha256 } from '../generator/util/hash.ts';
import { FIXTURES, ROOT, hasStackTrace, tempFiles } from './support/cli.ts';

const OLD_SHA = 'a'.repeat(40);
const NEW_SHA = '0123456789abcdef0123456789abcdef01234567';
const BROKEN_SHA = 'b'.repeat(40); // serves a spec with a YAML syntax error
const MISSING_SHA = 'c'.repeat(40); // the API knows it, the raw host has no file there
const SAME_BYTES_SHA = 'd'.repeat(40); // a later commit that left the spec file as it was
const oldSpec = readFileSync(join(FIXTURES, 'diff/query-param.old.yml'));
const newSpec = readFileSync(join(FIXTURES, 'diff/query-param.new.yml'));
const rawUrl = (sha: string) => `https://raw.githubusercontent.com/acme/specs/${sha}/openapi/spec.yml`;

/** The stand-in: ref -> commit for the API, commit -> bytes for raw content. */
const commits: Record<string, string> = {
  main: NEW_SHA,
  [OLD_SHA]: OLD_SHA,
  [NEW_SHA]: NEW_SHA,
  [BROKEN_SHA]: BROKEN_SHA,
  [MISSING_SHA]: MISSING_SHA,
  [SAME_BYTES_SHA]: SAME_BYTES_SHA,
  'not-a-sha': 'v1.2',
};
const files: Record<string, Buffer> = {
  [OLD_SHA]: oldSpec,
  [SAME_BYTES_SHA]: oldSpec,
  [NEW_SHA]: newSpec,
  [BROKEN_SHA]: Buffer.from('openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /x: [unclosed\n'),
};
const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const api = /^\/api\/repos\/acme\/specs\/commits\/([^/]+)$/.exec(req.url ?? '');
    const raw = /^\/raw\/acme\/specs\/([0-9a-f]{40})\/openapi\/spec\.yml$/.exec(req.url ?? '');
    const sha = api ? commits[decodeURIComponent(api[1])] : undefined;
    if (sha) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ sha, commit: { committer: { date: '2026-07-01T10:00:00Z' } } }));
    } else if (raw && files[raw[1]]) res.end(files[raw[1]]);
    else res.writeHead(404).end('{"message":"Not Found"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** A temp config pinning `url`, its local copy the old fixture (as ../shared holds the pinned spec). */
function pinnedConfig(url = rawUrl(OLD_SHA), sha = sha256(oldSpec)) {
  const dir = tempFiles({
    'config.yml': [
      '# A test pin; every comment and the layout must survive the move.',
      'spec:',
      '  # where the spec comes from',
      `  url: ${url} # the pin`,
      `  sha256: '${sha}'`,
      '  branch: main',
      `  localCopies: [${join(FIXTURES, 'diff/query-param.old.yml')}]`,
      '  cacheDir: CACHE',
      'names: { from: none }',
      'products: test/fixtures/products.yml',
      'package: { name: fixture-sdk, version: 0.0.1 }',
      '',
    ].join('\n'),
  });
  const config = join(dir, 'config.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('CACHE', join(dir, 'cache')));
  return { dir, config, text: readFileSync(config, 'utf8') };
}

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, script), ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DEBUG: '',
          SPEC_UPDATE_API_URL: `${base}/api`,
          SPEC_UPDATE_RAW_URL: `${base}/raw/`,
          ...env,
        },
      },
      (_error, stdout, stderr) => done({ code: child.exitCode ?? -1, stdout, stderr }),
    );
  });
}
const update = (config: string, ...args: string[]) =>
  run('generator/spec-update/cli.ts', ['--config', config, '--no-cache', ...args]);

describe('npm run spec:update', () => {
  it('pins the newest commit of spec.branch, prints the report and keeps the file as written', async () => {
    const { dir, config, text } = pinnedConfig();
    const result = await update(config);
    expect(result.stderr).toContain(`main is commit ${NEW_SHA} (2026-07-01)`);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('## 2026-07-01');
    expect(result.stdout).toContain(`from \`${rawUrl(OLD_SHA)}\` to \`${rawUrl(NEW_SHA)}\``);
    expect(result.stdout).toContain('### Added\n\n- `client.pets.retrieve` (`GET /pets`): `limit`: added\n');
    // Only the two values changed: comments, quoting and layout are the file's own.
    expect(readFileSync(config, 'utf8')).toBe(
      text.replace(rawUrl(OLD_SHA), rawUrl(NEW_SHA)).replace(sha256(oldSpec), sha256(newSpec)),
    );
    expect(readFileSync(join(dir, 'cache', `${sha256(newSpec)}.yml`))).toEqual(newSpec);
  });

  it('generate then reads the new pin from the cache, passing over the stale local copy', async () => {
    const { dir, config } = pinnedConfig();
    expect((await update(config, '--no-report')).code).toBe(0);
    const out = join(dir, 'out');
    const generated = await run('generator/cli.ts', ['--config', config, '--only', 'manifest', '--out', out]);
    expect(generated.stderr).not.toMatch(/error/);
    expect(generated.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toContain('limit'); // the new spec's parameter
  });

  it('--ref pins that commit; --format json and --changelog carry the same report', async () => {
    const { dir, config } = pinnedConfig();
    const changelog = join(dir, 'CHANGELOG.md');
    writeFileSync(changelog, '# Changelog\n\nIntro.\n\n## 2026-01-01\n\nOlder.\n');
    const result = await update(config, '--ref', NEW_SHA, '--format', 'json', '--changelog', changelog);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect([report.from, report.to, report.bump]).toEqual([rawUrl(OLD_SHA), rawUrl(NEW_SHA), 'minor']);
    const log = readFileSync(changelog, 'utf8');
    expect(log).toMatch(
      /^# Changelog\n\nIntro\.\n\n## 2026-07-01\n\n[^]*\*\*Semver: minor\*\*[^]*\n\n## 2026-01-01\n\nOlder\.\n$/,
    );
    expect(readFileSync(config, 'utf8')).toContain(rawUrl(NEW_SHA));
  });

  it('moves a branch URL to the commit (the case the config refuses elsewhere)', async () => {
    const { config } = pinnedConfig(rawUrl('main'));
    const refused = await run('generator/cli.ts', [
      '--config',
      config,
      '--only',
      'manifest',
      '--out',
      join(tempFiles({}), 'out'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/config\.yml:4:8: spec\.url names "main", a branch or tag, not a commit/);
    expect(refused.stderr).toMatch(/\n {2}fix: run `npm run spec:update`/);
    expect(hasStackTrace(refused.stderr)).toBe(false);
    const moved = await update(config);
    expect(moved.code).toBe(0);
    expect(readFileSync(config, 'utf8')).toContain(`  url: ${rawUrl(NEW_SHA)} # the pin\n`);
  });

  it('changes nothing when the pin is already at that commit', async () => {
    const { config, text } = pinnedConfig();
    const result = await update(config, '--ref', OLD_SHA);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/already pins a{40}: nothing to change/);
    expect(result.stdout).toBe('');
    expect(readFileSync(config, 'utf8')).toBe(text);
  });

  it('changes nothing when the new commit left the spec file as it was (no daily no-op pull request)', async () => {
    const { config, text } = pinnedConfig();
    const result = await update(config, '--ref', SAME_BYTES_SHA);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/the spec at d{40} is the pinned file byte for byte: nothing to change/);
    expect(result.stdout).toBe('');
    expect(readFileSync(config, 'utf8')).toBe(text);
  });

  it('moves a branch URL to a commit even when the bytes are the same (only the URL changes)', async () => {
    const { config, text } = pinnedConfig(rawUrl('main'));
    const result = await update(config, '--ref', SAME_BYTES_SHA);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No changes to the SDK surface.');
    expect(readFileSync(config, 'utf8')).toBe(text.replace(rawUrl('main'), rawUrl(SAME_BYTES_SHA)));
  });

  it('sends GITHUB_TOKEN to GitHub only, never to a replaced host', async () => {
    const { config } = pinnedConfig();
    const seen = requests.length;
    const withToken = await run('generator/spec-update/cli.ts', ['--config', config, '--ref', OLD_SHA], {
      GITHUB_TOKEN: 'secret-token',
    });
    expect(withToken.code).toBe(0);
    expect(requests.length).toBeGreaterThan(seen); // the stand-in was asked
    expect(requests.slice(seen).some((r) => r.headers.authorization)).toBe(false);
  });

  const failures: [string, { args: string[]; url?: string; env?: Record<string, string>; want: RegExp[] }][] =
    [
      [
        'a ref the repository lacks',
        {
          args: ['--ref', 'no-such-branch'],
          want: [
            /error: --ref: acme\/specs has no commit, branch or tag "no-such-branch" \(HTTP 404\)/,
            /fix: name an existing commit/,
          ],
        },
      ],
      [
        'an API answer without a commit id',
        {
          args: ['--ref', 'not-a-sha'],
          want: [
            /error: http:\/\/127\.0\.0\.1:\d+\/api\/repos\/acme\/specs\/commits\/not-a-sha: the commits API did not answer a 40-hex commit id/,
            /fix:/,
          ],
        },
      ],
      [
        'a commit without the spec file',
        {
          args: ['--ref', MISSING_SHA],
          want: [
            /error: http:\/\/127\.0\.0\.1:\d+\/raw\/acme\/specs\/c{40}\/openapi\/spec\.yml: openapi\/spec\.yml does not exist at commit c{40}/,
            /fix:/,
          ],
        },
      ],
      [
        'a spec the generator refuses, located at its URL',
        {
          args: ['--ref', BROKEN_SHA],
          want: [
            new RegExp(`error: ${rawUrl(BROKEN_SHA).replace(/[./]/g, '\\$&')}:\\d+:\\d+: invalid YAML`),
            /fix:/,
          ],
        },
      ],
      [
        'an unreachable API',
        {
          args: [],
          env: { SPEC_UPDATE_API_URL: 'http://127.0.0.1:1' },
          want: [
            /error: http:\/\/127\.0\.0\.1:1\/repos\/acme\/specs\/commits\/main: could not resolve the ref: cannot connect/,
            /fix: check the network/,
          ],
        },
      ],
      [
        'a pin that is not a raw GitHub URL',
        {
          args: [],
          url: 'https://example.com/spec.yml',
          want: [/config\.yml:4:8: spec\.url is not a raw GitHub URL/, /fix: set spec\.url to/],
        },
      ],
      ['a --ref left empty', { args: ['--ref', ''], want: [/error: --ref: --ref is empty/] }],
      ['an unknown flag', { args: ['--frobnicate'], want: [/usage: npm run spec:update/] }],
    ];
  it.each(failures)('exit 2 and nothing changed: %s', async (_name, { args, url, env, want }) => {
    const { dir, config, text } = pinnedConfig(url);
    const changelog = join(dir, 'CHANGELOG.md');
    const result = await run(
      'generator/spec-update/cli.ts',
      ['--config', config, '--no-cache', '--changelog', changelog, ...args],
      env,
    );
    expect(result.code).toBe(2);
    for (const pattern of want) expect(result.stderr).toMatch(pattern);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readFileSync(config, 'utf8')).toBe(text);
    expect(existsSync(changelog)).toBe(false);
    // No spec left in the cache either (the refused one is removed again).
    expect(existsSync(join(dir, 'cache')) ? readdirSync(join(dir, 'cache')) : []).toEqual([]);
  });
});

describe('the pin URL', () => {
  it.each<[string, { url: string; ref: string | undefined; problem: boolean }]>([
    ['a commit', { url: rawUrl(NEW_SHA), ref: NEW_SHA, problem: false }],
    ['a branch', { url: rawUrl('master'), ref: 'master', problem: true }],
    [
      'refs/heads/<branch>',
      {
        url: 'https://raw.githubusercontent.com/o/r/refs/heads/main/a/b.yml',
        ref: 'refs/heads/main',
        problem: true,
      },
    ],
    [
      'a short sha',
      { url: 'https://raw.githubusercontent.com/o/r/0123abc/spec.yml', ref: '0123abc', problem: true },
    ],
    [
      'an upper-case sha (GitHub ids are lower case)',
      { url: rawUrl(NEW_SHA.toUpperCase()), ref: NEW_SHA.toUpperCase(), problem: true },
    ],
    ['another host, taken as it is', { url: 'https://example.com/spec.yml', ref: undefined, problem: false }],
    [
      'a raw URL without a file',
      { url: 'https://raw.githubusercontent.com/o/r/main', ref: undefined, problem: false },
    ],
  ])('%s', (_name, { url, ref, problem }) => {
    expect(parseGithubPin(url)?.ref).toBe(ref);
    expect(branchPinProblem(url) !== undefined).toBe(problem);
  });

  it('the repository config pins a commit', () => {
    const text = readFileSync(join(ROOT, 'specs/telnyx.yml'), 'utf8');
    const url = /^ {2}url: (\S+)$/m.exec(text)?.[1];
    expect(url && parseGithubPin(url)?.ref).toMatch(/^[0-9a-f]{40}$/);
    expect(branchPinProblem(url!)).toBeUndefined();
  });
});

describe('the file edits', () => {
  it('moves the pin in the repository config without touching anything else', () => {
    const text = readFileSync(join(ROOT, 'specs/telnyx.yml'), 'utf8');
    const url = rawUrl(NEW_SHA);
    const moved = movePinText(text, url, 'f'.repeat(64));
    const changed = moved.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    expect(changed).toEqual([`  url: ${url}`, `  sha256: ${'f'.repeat(64)}`]);
  });

  it('adds url and sha256 when the config has none', () => {
    expect(movePinText('spec:\n  cacheDir: x # kept\n', 'U', 'S')).toBe(
      'spec:\n  cacheDir: x # kept\n  url: U\n  sha256: S\n',
    );
  });

  it.each<[string, { given: string | undefined; want: string }]>([
    ['no file', { given: undefined, want: '# Changelog\n\n## 2\n\nnew\n' }],
    ['a title only', { given: '# Changes\n', want: '# Changes\n\n## 2\n\nnew\n' }],
    [
      'above the newest section',
      { given: '# C\n\n## 1\n\nold\n', want: '# C\n\n## 2\n\nnew\n\n## 1\n\nold\n' },
    ],
  ])('a CHANGELOG section: %s', (_name, { given, want }) => {
    const dir = tempFiles(given === undefined ? {} : { 'CHANGELOG.md': given });
    expect(changelogText(join(dir, 'CHANGELOG.md'), '## 2\n\nnew\n\n')).toBe(want);
  });
});
