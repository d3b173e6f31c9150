/**
 * Every Python, Ruby and JavaScript example of the generated skills, executed (issue 10, point 7):
 * Python with the official Python SDK and Ruby with the official Ruby SDK (the 2026-07-16 sources in
 * ../shared/reference, on Debian's packages), JavaScript with the generated package, all against the
 * shared Prism through a recording proxy (support/exec/proxy.ts). One process per language runs every
 * example in a fresh namespace with its own timeout (support/exec/runner.*); the example text is
 * never changed: the SDKs read TELNYX_BASE_URL, which the runner points at the proxy, and a block that
 * uses the skill's `client` runs after the skill's setup block, as the docs tell the reader.
 *
 * Go and Java are not executed: the registries refuse the official releases of this spec (below);
 * their blocks keep today's checks in checkers.test.ts (gofmt and imports, javac parse).
 *
 * The assertions are a ratchet per language: operations passed at or above the floor measured and
 * at or above the goal, 98% of every operation of the spec; failures blamed on the examples
 * themselves at or below the ceiling measured (the goal is 0); and every operation's example run. Each failure is classified
 * (support/exec/classify.ts) and listed in `.cache/skills-exec-report.md` (also printed).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../generator/config.ts';
import { loadSpec, resolveSpecSource } from '../../generator/load/index.ts';
import { ROOT } from '../support/cli.ts';
import { lintRulesByOperation } from '../support/prism-report.ts';
import { mockURL } from '../support/prism.ts';
import { accessorsFromApiMd, classifyExample, ignoredNote } from './support/exec/classify.ts';
import { EXECUTED, readExamples, type Example, type Language } from './support/exec/examples.ts';
import { PYTHON_SDK, runExamples } from './support/exec/languages.ts';
import { startExamplesProxy, type ExamplesProxy } from './support/exec/proxy.ts';
import { counts, renderExecReport, type LanguageResult } from './support/exec/report.ts';

const out = inject('generatedDir');

/** Per example, in the runner; the SDKs retry 5xx twice with backoff, Prism answers in milliseconds. */
const TIMEOUT_SECONDS = 30;

// Operations whose example passed, of all 1103 (the two WebSocket operations are not run), measured
// 2026-11-30 after the examples took the official SDKs' shapes (issue 10 leftovers: their keyword
// spellings, compat wrappers and aliases, compat.releaseBodies, unpaged lists printed whole); before,
// 1073, 1063 and 1100. What is missing is listed by cause in the report; none is the docs'.
const OPERATIONS_PASSED_FLOOR: Record<Language, number> = {
  python: 1087,
  ruby: 1081,
  javascript: 1100,
};
/** The goal for each language, of every operation of the spec. */
const GOAL_SHARE = 0.98;
// Failures classified `docs` (the example itself), measured 2026-11-30; the goal is 0.
const DOCS_FAILURE_CEILING: Record<Language, number> = {
  python: 0,
  ruby: 0,
  javascript: 0,
};

const SDKS: Record<Language, string> = {
  python: 'official telnyx-python (2026-07-16 sources)',
  ruby: 'official telnyx-ruby (2026-07-16 sources)',
  javascript: 'the generated package',
};

/**
 * What the registries answered when asked for the official releases of this spec (asked twice,
 * 2026-11-30, the same answers). The blocks name those releases (telnyx-skills.test.ts: the Go
 * imports carry `/v4`, the Java setup installs com.telnyx.sdk:telnyx).
 */
const NOT_EXECUTED = [
  {
    language: 'go',
    reason:
      'The Go module proxy refuses `github.com/team-telnyx/telnyx-go/v4@v4.89.0` (`go get`: "reading .../github.com/team-telnyx/telnyx-go/v4/@v/v4.89.0.info: 403 Forbidden; server response: This module version is not available."; `go list -m -versions` of the module: the same 403 for `@v/list`). The blocks keep gofmt and the import check, the official module path included (checkers.test.ts, telnyx-skills.test.ts).',
  },
  {
    language: 'java',
    reason:
      'Maven Central does not serve `com.telnyx.sdk:telnyx:6.82.0` (`mvn dependency:get`: "Missing POM for com.telnyx.sdk:telnyx:jar:6.82.0 ... Couldn\'t download artifact"). The blocks keep the javac parse (checkers.test.ts).',
  },
];

/**
 * Synthetic examples run through the same harness: it must pass a good one, blame a wrong accessor on
 * the example, and go on after an example that kills its runner or hangs (a harness that passes
 * everything would prove nothing).
 */
const CANARIES: Record<Language, { good: string; wrong: string; exit: string; hang: string }> = {
  python: {
    good: 'import os\n\nfrom telnyx import Telnyx\n\nclient = Telnyx(api_key=os.environ.get("TELNYX_API_KEY"))\nprint(client.balance.retrieve())\n',
    wrong:
      'import os\n\nfrom telnyx import Telnyx\n\nclient = Telnyx(api_key=os.environ.get("TELNYX_API_KEY"))\nprint(client.no_such_resource.list())\n',
    exit: 'import os\n\nos._exit(3)\n',
    hang: 'import time\n\ntime.sleep(60)\n',
  },
  ruby: {
    good: 'require "telnyx"\n\nclient = Telnyx::Client.new(api_key: ENV["TELNYX_API_KEY"])\nputs(client.balance.retrieve)\n',
    wrong:
      'require "telnyx"\n\nclient = Telnyx::Client.new(api_key: ENV["TELNYX_API_KEY"])\nputs(client.no_such_resource.list)\n',
    exit: 'exit!(3)\n',
    hang: 'sleep(60)\n',
  },
  javascript: {
    good: "import Telnyx from 'telnyx';\n\nconst client = new Telnyx({ apiKey: process.env.TELNYX_API_KEY });\nconsole.log(await client.balance.retrieve());\n",
    wrong:
      "import Telnyx from 'telnyx';\n\nconst client = new Telnyx({ apiKey: process.env.TELNYX_API_KEY });\nconsole.log(await (client as any).noSuchResource.list());\n",
    exit: 'process.exit(3);\n',
    hang: 'await new Promise((resolve) => setTimeout(resolve, 60_000));\n',
  },
};

const results = new Map<Language, LanguageResult | Error>();
let proxy: ExamplesProxy;

beforeAll(async () => {
  const source = await resolveSpecSource(undefined, loadConfig().spec);
  const spec = loadSpec(source, join(ROOT, '.cache/load')).data;
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const rules = lintRulesByOperation(
    manifest,
    JSON.parse(readFileSync(join(out, 'lint.json'), 'utf8')),
    spec,
  );
  const accessors = accessorsFromApiMd(join(PYTHON_SDK, 'api.md'));
  proxy = await startExamplesProxy(mockURL());
  // While iterating on one language: SKILLS_EXEC_LANGUAGES=python (the others then fail as not run).
  const only = process.env.SKILLS_EXEC_LANGUAGES?.split(',');
  // One language after the other: each has the machine (and Prism) to itself, so its time is its own.
  for (const language of EXECUTED.filter((l) => !only || only.includes(l))) {
    try {
      const all = readExamples(join(out, 'skills'), language);
      const examples = all.filter((e) => e.kind !== 'webhook' && e.kind !== 'socket');
      const run = await runExamples(language, examples, proxy.url, TIMEOUT_SECONDS, out);
      const verdicts = examples.map((e, i) =>
        classifyExample(e, run.outcomes[i], proxy.requests(e.id), rules, accessors),
      );
      const ignored = examples.flatMap((example, i) =>
        verdicts[i].passed && run.outcomes[i].ignored
          ? [{ example, what: run.outcomes[i].ignored!.map(ignoredNote).join('; ') }]
          : [],
      );
      results.set(language, {
        language,
        sdk: SDKS[language],
        examples,
        verdicts,
        run,
        requests: examples.map((e) => proxy.requests(e.id)),
        floor: OPERATIONS_PASSED_FLOOR[language],
        webhooks: all.filter((e) => e.kind === 'webhook').length,
        sockets: all.filter((e) => e.kind === 'socket').length,
        ignored,
      });
    } catch (error) {
      results.set(language, error instanceof Error ? error : new Error(String(error)));
    }
  }
  const done = [...results.values()].filter((r): r is LanguageResult => !(r instanceof Error));
  const failedToRun = [...results].flatMap(([language, r]) =>
    r instanceof Error ? [{ language, reason: `could not run: ${r.message.split('\n')[0]}` }] : [],
  );
  const report = renderExecReport(done, [...failedToRun, ...NOT_EXECUTED]);
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  writeFileSync(join(ROOT, '.cache/skills-exec-report.md'), report);
  console.log(report);
  for (const r of done) {
    const c = counts(r);
    if (c.operationsPassed > r.floor)
      console.log(`${r.language}: ${c.operationsPassed} operations pass: raise its floor from ${r.floor}`);
    if (c.byCause.docs < DOCS_FAILURE_CEILING[r.language])
      console.log(
        `${r.language}: ${c.byCause.docs} docs failures: lower its ceiling from ${DOCS_FAILURE_CEILING[r.language]}`,
      );
  }
}, 1_200_000);

afterAll(async () => {
  await proxy?.close();
});

describe.each(EXECUTED)('%s examples, executed against Prism', (language) => {
  const result = () => {
    const r = results.get(language);
    if (!r) throw new Error(`${language} did not run`);
    if (r instanceof Error) throw r;
    return r;
  };

  it('runs every operation example once, and every other block that calls the API', () => {
    const r = result();
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const operations = r.examples.filter((e) => e.kind === 'operation').map((e) => e.operation);
    expect(new Set(operations).size).toBe(operations.length);
    // WebSocket operations are shown with a WebSocket client, which Prism cannot answer: not run.
    expect(operations.length + r.sockets).toBe(manifest.operations.length);
    expect(r.examples.some((e) => e.kind === 'setup')).toBe(true);
  });

  it('passes at least its floor of operations and 98% of all, each failure classified', () => {
    const r = result();
    const c = counts(r);
    expect(r.verdicts.every((v) => v.passed || v.cause)).toBe(true);
    expect(c.operationsPassed).toBeGreaterThanOrEqual(r.floor);
    expect(c.operationsPassed / (c.operations + r.sockets)).toBeGreaterThanOrEqual(GOAL_SHARE);
  });

  it('blames no more failures on the examples themselves than its recorded ceiling', () => {
    const r = result();
    const docs = r.examples
      .map((e, i) => [e, r.verdicts[i]] as const)
      .filter(([, v]) => !v.passed && v.cause === 'docs')
      .map(([e, v]) => `${e.block.file}:${e.block.line}: ${v.why}`);
    expect(docs.length, docs.join('\n')).toBeLessThanOrEqual(DOCS_FAILURE_CEILING[language]);
  });
});

describe('the harness', () => {
  // Concurrently: each waits mostly on its runner (and 20 s on the hanging example).
  it.concurrent.for([...EXECUTED])(
    '%s: passes a good example, blames a wrong one on the docs, survives an exit and a hang',
    { timeout: 120_000 },
    async (language, { expect }) => {
      const canary = CANARIES[language];
      const order = ['good', 'wrong', 'exit', 'good', 'hang', 'good'] as const;
      const examples: Example[] = order.map((name, i) => {
        const block = {
          file: `canary-${language}.md`,
          line: 10 * i,
          lang: language,
          code: canary[name],
          section: name,
        };
        return {
          id: `canary-${language}-${i}`,
          language,
          skill: `telnyx-canary-${language}`,
          kind: 'operation',
          operation: 'GET /balance',
          block,
          parts: [block],
        };
      });
      // 20 s: the first call loads the SDK's resources lazily, slow on a busy machine (10 s timed
      // out once with 8 sessions sharing 2 cores).
      const run = await runExamples(language, examples, proxy.url, 20, out);
      const accessors = accessorsFromApiMd(join(PYTHON_SDK, 'api.md'));
      const verdicts = examples.map((e, i) =>
        classifyExample(e, run.outcomes[i], proxy.requests(e.id), new Map(), accessors),
      );
      expect(
        verdicts.map((v) => v.passed),
        JSON.stringify(run.outcomes),
      ).toEqual([true, false, false, true, false, true]);
      expect(verdicts[1].cause).toBe('docs');
      expect(run.outcomes[2].error?.type).toBe('RunnerExit');
      expect(run.outcomes[4].error?.type).toBe('Timeout');
      expect(run.runners).toBe(2);
    },
  );
});
