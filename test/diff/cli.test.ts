/**
 * `npm run diff` through the real command: the markdown CHANGELOG section and the JSON form on a
 * fixture pair, the declarations check with --surface, and bad input (exit code 2, a located
 * message, no stack trace).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURE_CONFIG, FIXTURES, ROOT, hasStackTrace, tempFiles } from '../support/cli.ts';

const fixture = (name: string) => join(FIXTURES, 'diff', name);

function runDiff(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'generator/diff/cli.ts'),
      '--config',
      FIXTURE_CONFIG,
      '--no-cache',
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DEBUG: '' } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run diff', () => {
  it('prints a CHANGELOG section that ends with the bump', () => {
    const run = runDiff([fixture('query-param.new.yml'), fixture('query-param.old.yml'), '--title', '2.0.0']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('## 2.0.0');
    expect(run.stdout).toContain(
      '### Breaking changes\n\n- `client.pets.retrieve` (`GET /pets`): `limit`: removed\n',
    );
    expect(run.stdout).not.toContain('### Added');
    expect(lines.at(-1)).toBe('**Semver: major** (1 breaking, 0 added, 0 deprecated, 0 other changes).');
  });

  it('titles the section with the info.version when the file name has no date', () => {
    const run = runDiff([fixture('query-param.old.yml'), fixture('query-param.new.yml')]);
    expect(run.stdout.split('\n')[0]).toBe('## 1');
    expect(run.stdout).toContain('### Added\n\n- `client.pets.retrieve` (`GET /pets`): `limit`: added\n');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\*\*Semver: minor\*\*/);
  });

  it('--format json is the report as data', () => {
    const run = runDiff([fixture('webhook.new.yml'), fixture('webhook.old.yml'), '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.bump).toBe('major');
    expect(report.counts).toEqual({ 'type-removed': 1, 'webhook-removed': 1 });
    expect(report.changes).toEqual([
      {
        kind: 'webhook-removed',
        breaking: true,
        section: 'breaking',
        accessor: 'client.webhooks',
        subject: 'pet.born',
        detail: 'event removed',
      },
      {
        kind: 'type-removed',
        breaking: true,
        section: 'breaking',
        accessor: 'Models.PetBornEvent',
        detail: 'exported type removed',
      },
    ]);
  });

  it('--surface adds the declarations check before the bump line', () => {
    const run = runDiff([fixture('response-field.new.yml'), fixture('response-field.old.yml'), '--surface']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('### Public surface check (TypeScript declarations)');
    expect(run.stdout).toContain('1 breaks in the declarations, each explained by a breaking change above.');
    expect(run.stdout).toMatch(/By kind: member-removed 1\.\n\n\*\*Semver: major\*\*/);
  });
});

describe('bad input', () => {
  const bad = tempFiles({
    'bad.yml': 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /pets:\n    get: [unclosed\n',
  });
  it.each<[string, string[], RegExp[]]>([
    [
      'one spec',
      [fixture('operation.old.yml')],
      [/command line: expected two spec files \(OLD NEW\), got 1/, /fix: usage:/],
    ],
    [
      'a spec that does not exist',
      [fixture('operation.old.yml'), 'missing.yml'],
      [/missing\.yml: spec file not found/],
    ],
    [
      'an unknown format',
      [fixture('operation.old.yml'), fixture('operation.new.yml'), '--format', 'html'],
      [/--format: unknown --format "html"/],
    ],
    [
      'an unknown option',
      [fixture('operation.old.yml'), fixture('operation.new.yml'), '--colour'],
      [/command line: Unknown option '--colour'/],
    ],
    [
      'malformed YAML on one side',
      [fixture('operation.old.yml'), join(bad, 'bad.yml')],
      [/bad\.yml:\d+:\d+/, /fix:/],
    ],
  ])('%s: exit 2 with where and what', (_name, args, want) => {
    const run = runDiff(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const pattern of want) expect(run.stderr).toMatch(pattern);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
