/**
 * The curl examples of the skills, run as written against Prism mocking the same spec (issue 4's
 * smoke test): every operation's example, not a sample, since one bash process runs all of them in
 * well under a minute. Only the host changes (`https://api.telnyx.com/v2` -> the mock); the API key
 * comes from the environment as the docs say. A call passes on a 2xx with no request violation (Prism's
 * violations of its own response are the spec's, listed apart). The share is of every operation.
 */
import { beforeAll, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../generator/config.ts';
import { loadSpec, resolveSpecSource } from '../../generator/load/index.ts';
import { ROOT, tempFiles } from '../support/cli.ts';
import { mockURL } from '../support/prism.ts';
import {
  classify,
  lintRulesByOperation,
  renderReport,
  type OperationResult,
} from '../support/prism-report.ts';
import { requireTool } from './support/checkers.ts';
import {
  operationSections,
  referenceFiles,
  taskSections,
  type OperationSection,
} from './support/sections.ts';

const out = inject('generatedDir');
const HOSTS = ['https://api.telnyx.com/v2', 'https://api.telnyx.com'];
/** The spec as loaded, to follow an operation's refs to the lint findings that concern it. */
let spec: any;

beforeAll(async () => {
  const source = await resolveSpecSource(undefined, loadConfig().spec);
  spec = loadSpec(source, join(ROOT, '.cache/load')).data;
});

/** Every operation section of every curl skill (SKILL.md, then its references/ files), in file order. */
function curlSections(): OperationSection[] {
  const skills = join(out, 'skills');
  return readdirSync(skills)
    .filter((name) => name.endsWith('-curl'))
    .sort()
    .flatMap((name) => {
      const read = (file: string) => readFileSync(join(skills, name, file), 'utf8');
      const skill = read('SKILL.md');
      return ['SKILL.md', ...referenceFiles(skill)].flatMap((file) =>
        operationSections(`${name}/${file}`, file === 'SKILL.md' ? skill : read(file)),
      );
    });
}

/**
 * One bash process for all examples: `curl` is wrapped to record the status, headers and body of
 * each call (the example's own `-o file` for downloads comes after ours and only draws a warning).
 */
const RUNNER = `set -u
curl() { command curl -sS --max-time 20 -D "h$i" -o "o$i" -w '%{http_code}' "$@"; }
for f in b*.sh; do
  i=\${f#b}; i=\${i%.sh}
  status=$(. "./$f" 2>"e$i") || true
  printf '%s\\t%s\\n' "$i" "\${status:-000}"
done
`;

/** A run's result; `responseViolations`: the request passed, and Prism's answer broke the spec that often. */
type CurlResult = OperationResult & { responseViolations?: number };

function run(sections: OperationSection[], mockUrl: string): CurlResult[] {
  requireTool('curl');
  const dir = tempFiles({ 'run.sh': RUNNER, 'path/to/file': '%PDF-1.4\n' });
  sections.forEach((s, i) => {
    const code = HOSTS.reduce((text, host) => text.split(`'${host}`).join(`'${mockUrl}`), s.block.code);
    writeFileSync(join(dir, `b${i}.sh`), code);
  });
  const result = spawnSync('bash', ['run.sh'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TELNYX_API_KEY: 'test' },
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`the curl runner failed: ${result.stderr.slice(-2000)}`);
  const statuses = new Map(
    result.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t') as [string, string]),
  );
  return sections.map((s, i) => {
    const status = statuses.get(String(i)) ?? '000';
    const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '');
    const header = /^sl-violations: (.*)$/im.exec(read(`h${i}`))?.[1]?.trim();
    let violations: OperationResult['violations'];
    try {
      // Prism reports some rejections only in a problem+json body (`validation`), not in the header.
      violations = header
        ? JSON.parse(header)
        : (JSON.parse(read(`o${i}`) || 'null')?.validation ?? undefined);
    } catch {
      violations = undefined;
    }
    // Prism reports its own response's violations of the spec in the same header: they say nothing
    // of the example (curl prints whatever comes back), and are listed apart as the spec's.
    const requestViolations = (violations ?? []).filter((v) => v.location?.[0] !== 'response');
    const passed = /^2\d\d$/.test(status) && requestViolations.length === 0;
    const title = `${s.method} ${s.path} (${s.block.file}:${s.block.line})`;
    return {
      title,
      passed,
      status,
      violations,
      message: passed
        ? undefined
        : `status ${status}: ${read(`e${i}`).trim() || read(`o${i}`).slice(0, 300)}`,
      ...(header && passed ? { responseViolations: violations?.length ?? 0 } : {}),
    };
  });
}

it('runs every operation curl example against Prism: 2xx, no request violations, failures by cause', () => {
  // WebSocket operations are shown with websocat, which an HTTP mock cannot answer: counted, not run.
  const all = curlSections();
  const sockets = all.filter((s) => /^websocat /m.test(s.block.code));
  const sections = all.filter((s) => !sockets.includes(s));
  const started = Date.now();
  const results = run(sections, mockURL());
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const rules = lintRulesByOperation(
    manifest,
    JSON.parse(readFileSync(join(out, 'lint.json'), 'utf8')),
    spec,
  );
  // classify() reads the operation key from the title, before the `(where)` suffix.
  const classified = results.map((r) => ({
    ...classify({ ...r, title: r.title.replace(/ \(.*\)$/, '') }, rules),
    title: r.title,
  }));
  // Requests Prism accepted while its own response broke the spec: the spec's finding, not the example's.
  const badResponses = results.flatMap((r, i) =>
    r.passed && r.responseViolations
      ? [
          `- ${r.title}: ${classify({ ...r, passed: false, title: r.title.replace(/ \(.*\)$/, '') }, rules).why}`,
        ]
      : [],
  );
  const report = [
    renderReport(classified, classified.length, `curl examples of the skills against Prism (${seconds} s)`, {
      count: sockets.length,
      why: 'WebSocket operations, shown with websocat, which an HTTP mock cannot answer',
    }),
    `## accepted, but Prism's response broke the spec (${badResponses.length})`,
    '',
    'The example passes (Prism took the request); the mock answered with a body the spec does not allow:',
    '',
    ...badResponses,
    '',
  ].join('\n');
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(join(ROOT, '.cache/curl-prism-report.md'), report);
  console.log(report);
  expect(sections.length + sockets.length).toBe(manifest.operations.length);
  expect(sockets.map((s) => `${s.method} ${s.path}`)).toEqual([
    'GET /speech-to-text/transcription',
    'GET /text-to-speech/speech',
  ]);
  // Every failure lies in the spec or the mock (the same causes as the TypeScript suite), none in the examples.
  expect(
    classified.filter((r) => !r.passed && r.cause === 'client').map((r) => `${r.title}: ${r.why}`),
  ).toEqual([]);
  // The issue's goal, of every operation of the spec (the WebSocket ones count as not passed).
  expect(classified.filter((r) => r.passed).length / manifest.operations.length).toBeGreaterThanOrEqual(0.98);
}, 900_000);

it('runs every core task curl example against Prism: the values the config chose are accepted', () => {
  const skills = join(out, 'skills');
  const tasks = readdirSync(skills)
    .filter((name) => name.endsWith('-curl'))
    .sort()
    .flatMap((name) =>
      taskSections(`${name}/SKILL.md`, readFileSync(join(skills, name, 'SKILL.md'), 'utf8')),
    );
  expect(tasks.length).toBeGreaterThanOrEqual(2 * 38);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const rules = lintRulesByOperation(
    manifest,
    JSON.parse(readFileSync(join(out, 'lint.json'), 'utf8')),
    spec,
  );
  const results = run(tasks, mockURL()).map((r) => ({
    ...classify({ ...r, title: r.title.replace(/ \(.*\)$/, '') }, rules),
    title: r.title,
  }));
  console.log(
    `core tasks against Prism: ${results.filter((r) => r.passed).length} of ${results.length} accepted`,
  );
  expect(results.filter((r) => !r.passed && r.cause === 'client').map((r) => `${r.title}: ${r.why}`)).toEqual(
    [],
  );
}, 300_000);
