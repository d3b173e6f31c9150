/**
 * Reads the two runs of the official endpoint tests (vitest JSON, one per SDK) and reports the gap:
 * every test that passes with the official SDK and fails with ours, by cause. The cause comes from
 * the error message and from the requests the test made (recorded by unskip.ts in the test's meta):
 * - `method missing`: `x is not a function`, or a property read on an undefined resource accessor;
 * - `type/shape`: Prism rejected the request (422/400 with `sl-violations`: request validation);
 * - `wrong endpoint`: Prism answered 404/405 (no route for the method and path we sent);
 * - `runtime TypeError`: any other TypeError;
 * - `other`: the rest (assertions, client-side argument checks, request options not honoured).
 */
import type { TypeCheck } from './typecheck.ts';
import type { RecordedRequest } from './unskip.ts';

export interface TestOutcome {
  /** `<file under tests/api-resources> > <describe> <test>` */
  id: string;
  passed: boolean;
  /** First line of the first failure (or of the file's load error). */
  message: string;
  requests: RecordedRequest[];
}

export interface Run {
  label: string;
  tests: Map<string, TestOutcome>;
  /** Files that failed before any test ran (import errors), file -> message. */
  brokenFiles: Map<string, string>;
  seconds: number;
}

export function readRun(label: string, report: any, testsDir: string, seconds: number): Run {
  const tests = new Map<string, TestOutcome>();
  const brokenFiles = new Map<string, string>();
  for (const file of report.testResults ?? []) {
    const rel = String(file.name).startsWith(`${testsDir}/`)
      ? file.name.slice(testsDir.length + 1)
      : file.name;
    if (!file.assertionResults?.length && file.message) brokenFiles.set(rel, firstLine(file.message));
    for (const t of file.assertionResults ?? []) {
      const id = `${rel} > ${t.fullName}`;
      tests.set(id, {
        id,
        passed: t.status === 'passed',
        message: t.status === 'passed' ? '' : firstLine(t.failureMessages?.[0] ?? `status ${t.status}`),
        requests: t.meta?.requests ?? [],
      });
    }
  }
  return { label, tests, brokenFiles, seconds };
}

const firstLine = (text: string) => String(text).split('\n')[0]!.slice(0, 400);

export const CAUSES = [
  'method missing',
  'type/shape',
  'wrong endpoint',
  'runtime TypeError',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];

export interface Gap extends TestOutcome {
  cause: Cause;
  /** What the failures of one kind share: the missing accessor, the violation, the message's shape. */
  pattern: string;
  detail: string;
}

const UNKNOWN_PATH = '/_stainless_unknown_path';

export function classify(t: TestOutcome): Omit<Gap, keyof TestOutcome> {
  const m = t.message;
  // Prism also reports its own response's violations (location `response`): those do not reject a call.
  const requestViolations = (r: RecordedRequest) => [
    ...new Set(
      (r.violations ?? [])
        .filter((v) => isError(v) && v.location?.[0] === 'request')
        .map((v) => v.message ?? ''),
    ),
  ];
  const rejected = t.requests.find(
    (r) => r.status === 422 || r.status === 400 || requestViolations(r).length,
  );
  const unrouted = t.requests.find(
    (r) => (r.status === 404 || r.status === 405) && !r.path.startsWith(UNKNOWN_PATH),
  );
  const calls = t.requests.map((r) => `${r.method} ${r.path.split('?')[0]} -> ${r.status}`).join(', ');
  const missing = /^TypeError: (\S+) is not a function/.exec(m);
  if (missing) return { cause: 'method missing', pattern: `${missing[1]}()`, detail: m };
  const undefinedRead = /^TypeError: Cannot read properties of undefined \(reading '([^']*)'\)/.exec(m);
  if (undefinedRead && !t.requests.length) {
    // The test's describe names the resource whose accessor is undefined: `> resource templates list`.
    const resource = /> resource (\S+) /.exec(t.id)?.[1];
    const file = t.id.split(' > ')[0]!;
    return {
      cause: 'method missing',
      pattern: resource ? `resource \`${resource}\` undefined (${file})` : normalize(m),
      detail: m,
    };
  }
  if (rejected) {
    const violations = requestViolations(rejected);
    return {
      cause: 'type/shape',
      pattern: violations.length
        ? normalize(violations[0]!)
        : `status ${rejected.status} without sl-violations`,
      detail: `${rejected.method} ${rejected.path.split('?')[0]} -> ${rejected.status}: ${violations.join('; ') || m}`,
    };
  }
  if (unrouted)
    return {
      cause: 'wrong endpoint',
      pattern: `${unrouted.status} from Prism`,
      detail: `${unrouted.method} ${unrouted.path.split('?')[0]} -> ${unrouted.status}: ${m}`,
    };
  if (/^TypeError\b/.test(m)) return { cause: 'runtime TypeError', pattern: normalize(m), detail: m };
  if (
    /request options and params are passed correctly$/.test(t.id) &&
    !t.requests.some((r) => r.path.startsWith(UNKNOWN_PATH))
  )
    return {
      cause: 'other',
      pattern: `request option \`path\` not honoured (the test expects Telnyx.NotFoundError from ${UNKNOWN_PATH})`,
      detail: `${calls || 'no request'}: ${m}`,
    };
  return { cause: 'other', pattern: normalize(m), detail: calls ? `${calls}: ${m}` : m };
}

const isError = (v: { severity?: string }) => v.severity === undefined || v.severity === 'Error';

/** A message with its particulars (quoted values, numbers, array indices) blanked, to group by. */
export function normalize(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 200);
}

export interface Comparison {
  total: number;
  official: number;
  ours: number;
  /** Pass with the official SDK, fail with ours. */
  gaps: Gap[];
  /** Pass with ours, fail with the official SDK. */
  oursOnly: string[];
  bothFail: number;
}

export function compare(official: Run, ours: Run): Comparison {
  const ids = [...official.tests.keys()];
  for (const id of ours.tests.keys()) if (!official.tests.has(id)) ids.push(id);
  const outcome = (run: Run, id: string): TestOutcome => {
    const found = run.tests.get(id);
    if (found) return found;
    const file = id.split(' > ')[0]!;
    return { id, passed: false, message: run.brokenFiles.get(file) ?? 'not run', requests: [] };
  };
  const gaps: Gap[] = [];
  const oursOnly: string[] = [];
  let bothFail = 0;
  for (const id of ids) {
    const [o, u] = [outcome(official, id), outcome(ours, id)];
    if (o.passed && !u.passed) gaps.push({ ...u, ...classify(u) });
    else if (!o.passed && u.passed) oursOnly.push(id);
    else if (!o.passed && !u.passed) bothFail++;
  }
  const passes = (run: Run) => ids.filter((id) => run.tests.get(id)?.passed).length;
  return { total: ids.length, official: passes(official), ours: passes(ours), gaps, oursOnly, bothFail };
}

export interface TypeSummary {
  ours: TypeCheck;
  official: TypeCheck;
}

export function renderReport(
  c: Comparison,
  runs: { official: Run; ours: Run },
  types: TypeSummary,
  limits: { floor: number; ceiling: number; officialMin: number },
): string {
  const pct = (n: number) => `${((100 * n) / c.total).toFixed(1)}%`;
  const byCode = (errors: { code: string }[]) =>
    Object.entries(
      errors.reduce<Record<string, number>>((acc, e) => ((acc[e.code] = (acc[e.code] ?? 0) + 1), acc), {}),
    )
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
  const lines = [
    "# Drop-in: the official SDK's own endpoint tests, run against ours",
    '',
    `The ${c.total} tests of telnyx-node 2026-07-16 \`tests/api-resources/**\` (un-skipped, files unchanged, \`telnyx\` mapped), on the shared Prism.`,
    '',
    '| SDK | passed | failed | run |',
    '| --- | --- | --- | --- |',
    `| official \`src/\` | ${c.official} (${pct(c.official)}) | ${c.total - c.official} | ${runs.official.seconds.toFixed(1)} s |`,
    `| ours | ${c.ours} (${pct(c.ours)}) | ${c.total - c.ours} | ${runs.ours.seconds.toFixed(1)} s |`,
    '',
    `**Gap: ${c.official - c.ours} tests** (ours ${c.ours} vs official ${c.official}; floor ${limits.floor}, the goal is >= official). ` +
      `${c.gaps.length} pass with the official SDK and fail with ours; ${c.oursOnly.length} pass only with ours; ${c.bothFail} fail with both.`,
    '',
    `**Type errors** (\`tsc --noEmit\` over the test files, the official tsconfig's options): ` +
      `${types.ours.inTests.length} with \`telnyx\` -> ours (ceiling ${limits.ceiling}; ${byCode(types.ours.inTests) || 'none'}), ` +
      `${types.official.inTests.length} with the official \`src/\`. Outside the test files: ours' \`src/\` ${types.ours.elsewhere.length} under these options` +
      `${types.ours.elsewhere.length ? ` (${byCode(types.ours.elsewhere)})` : ''}, the official \`src/\` ${types.official.elsewhere.length}` +
      `${types.official.elsewhere.length ? ` (${[...new Set(types.official.elsewhere.map((e) => e.message))].join('; ')})` : ''}.`,
    '',
  ];
  for (const [label, run] of Object.entries(runs))
    for (const [file, message] of run.brokenFiles) lines.push(`- ${label}: ${file} did not load: ${message}`);
  if ([...Object.values(runs)].some((r) => r.brokenFiles.size)) lines.push('');
  lines.push('## Passes with the official SDK, fails with ours, by cause', '');
  lines.push('| cause | tests | kinds |', '| --- | --- | --- |');
  for (const cause of CAUSES) {
    const group = c.gaps.filter((g) => g.cause === cause);
    lines.push(`| ${cause} | ${group.length} | ${new Set(group.map((g) => g.pattern)).size} |`);
  }
  lines.push('');
  for (const cause of CAUSES) {
    const group = c.gaps.filter((g) => g.cause === cause);
    if (!group.length) continue;
    lines.push(`### ${cause} (${group.length})`, '');
    const patterns = new Map<string, Gap[]>();
    for (const g of group) patterns.set(g.pattern, [...(patterns.get(g.pattern) ?? []), g]);
    for (const [pattern, tests] of [...patterns].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`- **${pattern}** (${tests.length})`);
      for (const t of tests) lines.push(`  - ${t.id}: ${t.detail}`);
    }
    lines.push('');
  }
  const officialFailures = [...runs.official.tests.values()]
    .filter((t) => !t.passed)
    .map((t) => ({ ...t, ...classify(t) }));
  if (officialFailures.length) {
    lines.push(`## Fails with the official SDK too (${officialFailures.length}), by kind`, '');
    const kinds = new Map<string, number>();
    for (const f of officialFailures)
      kinds.set(`${f.cause}: ${f.pattern}`, (kinds.get(`${f.cause}: ${f.pattern}`) ?? 0) + 1);
    for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) lines.push(`- ${kind} (${n})`);
    lines.push('');
  }
  if (c.oursOnly.length) {
    lines.push(
      `## Passes with ours only (${c.oursOnly.length})`,
      '',
      ...c.oursOnly.map((id) => `- ${id}`),
      '',
    );
  }
  const kinds = new Map<string, TypeCheck['inTests']>();
  for (const e of types.ours.inTests) {
    const kind = `${e.code} ${e.message.replace(/type '[^']*'/g, "type '…'")}`;
    kinds.set(kind, [...(kinds.get(kind) ?? []), e]);
  }
  lines.push(
    `## Type errors in the test files with \`telnyx\` -> ours (${types.ours.inTests.length}), the 40 commonest kinds`,
    '',
  );
  for (const [kind, errors] of [...kinds].sort((a, b) => b[1].length - a[1].length).slice(0, 40))
    lines.push(`- ${kind} (${errors.length}; e.g. ${errors[0]!.file}:${errors[0]!.line})`);
  lines.push('');
  if (types.ours.elsewhere.length) {
    lines.push(
      `## Type errors in ours' \`src/\` under the official compiler options (${types.ours.elsewhere.length})`,
      '',
    );
    for (const e of types.ours.elsewhere) lines.push(`- ${e.file}:${e.line} ${e.code} ${e.message}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Every type error in the test files with `telnyx` -> ours, for the report file (too long to print). */
export function renderTypeErrors(types: TypeSummary): string {
  return [
    `## Every type error in the test files with \`telnyx\` -> ours (${types.ours.inTests.length})`,
    '',
    ...types.ours.inTests.map((e) => `- ${e.file}:${e.line} ${e.code} ${e.message}`),
    '',
  ].join('\n');
}
