/**
 * The CI recipe users copy (`examples/ci/regenerate.yml`, README "CI recipe") cannot rot: every
 * `npm run` it runs names a script of package.json, and that script's command accepts the exact
 * flags the workflow passes (each command is run with them plus `--help`: its strict argument
 * parser refuses an unknown flag with exit 2 before `--help` is looked at). It also does what the
 * README says: scheduled and by hand, pin moved, output regenerated and checked, a pull request
 * whose body and CHANGELOG section are the change report.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/cli.ts';

const WORKFLOW = join(ROOT, 'examples/ci/regenerate.yml');
const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
};
const scripts: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;

/** Every `run:` script of every job, one entry per line (continuations joined). */
const runLines = Object.values(workflow.jobs).flatMap((job) =>
  job.steps.flatMap((step) => (step.run ? step.run.replace(/\\\n/g, ' ').split('\n') : [])),
);

interface NpmCommand {
  line: string;
  script: string;
  args: string[];
}

/**
 * The `npm run <script> -- <args>` commands of a shell line, with shell variables stood in for by a
 * value (`${X:+words}` expands its words, as when X is set) and the words after a redirection, a
 * pipe, `;`, `&&`, `||` or a comment left out.
 */
function npmCommands(line: string): NpmCommand[] {
  const expanded = line
    .replace(/\$\{\w+:\+([^}]*)\}/g, '$1')
    .replace(/"?\$\{?\w+\}?"?/g, 'VALUE')
    .replace(/\s#.*$/, '');
  const found: NpmCommand[] = [];
  for (const part of expanded.split(/&&|\|\||;|\|/)) {
    const words = part.split(/>|</)[0].trim().split(/\s+/);
    if (words[0] !== 'npm' || words[1] !== 'run') continue;
    const rest = words.slice(2).filter((w) => w !== '--silent');
    const [script, separator, ...args] = rest;
    found.push({ line, script, args: separator === '--' ? args : [] });
  }
  return found;
}

const commands = runLines.flatMap(npmCommands);
/** Each distinct command once, for the flags check. */
const distinct = [...new Map(commands.map((c) => [[c.script, ...c.args].join(' '), c])).values()];

describe('the example workflow', () => {
  it('is outside .github/workflows, so it never runs as this repository’s workflow', () => {
    expect(WORKFLOW).not.toMatch(/\.github[/\\]workflows/);
  });

  it('runs on a schedule and by hand, and checks pull requests', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'schedule', 'workflow_dispatch']);
  });

  it('runs the commands the recipe promises', () => {
    const run = commands.map((c) => [c.script, ...c.args].join(' '));
    expect(run).toContain('spec:update --ref VALUE --changelog CHANGELOG.md');
    expect(run).toContain('generate --check');
    expect(run).toContain('generate');
    expect(runLines.some((l) => /gh pr create .*--body-file change-report\.md/.test(l))).toBe(true);
    expect(runLines.some((l) => /spec:update .*> change-report\.md$/.test(l))).toBe(true);
  });

  it.each(distinct.map((c) => [`npm run ${c.script} ${c.args.join(' ')}`.trim(), c] as const))(
    '%s: the script exists and takes these flags',
    (_name, { script, args }) => {
      expect(Object.keys(scripts)).toContain(script);
      const entry = /(\S+\.ts)\b/.exec(scripts[script])?.[1];
      expect(entry, `script ${script} runs a TypeScript entry point`).toBeDefined();
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, entry!), ...args, '--help'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DEBUG: '' },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^usage: npm run /);
    },
  );
});

describe('the shell-line reader', () => {
  it.each<[string, { given: string; want: [string, string[]][] }]>([
    ['plain', { given: 'npm run generate -- --check', want: [['generate', ['--check']]] }],
    [
      'silent, a variable and a redirection',
      {
        given: 'npm run --silent spec:update -- ${REF:+--ref "$REF"} --changelog C.md > r.md',
        want: [['spec:update', ['--ref', 'VALUE', '--changelog', 'C.md']]],
      },
    ],
    ['a comment', { given: 'npm run generate -- --check # again', want: [['generate', ['--check']]] }],
    ['no separator', { given: 'npm run generate', want: [['generate', []]] }],
    [
      'two commands',
      { given: 'npm ci && npm run diff -- a b --format md', want: [['diff', ['a', 'b', '--format', 'md']]] },
    ],
    ['not npm run', { given: 'git add output', want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(npmCommands(given).map((c) => [c.script, c.args])).toEqual(want);
  });

  it('a flag the command does not take fails the check (the check can fail)', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'generator/spec-update/cli.ts'), '--no-such-flag', '--help'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
  });
});
