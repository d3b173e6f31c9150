/**
 * The report of the executed examples (`.cache/skills-exec-report.md`, also printed): per language
 * the examples run, passed and failed, the operations' pass rate against its floor, the time, and
 * every failure with its cause.
 */
import type { Cause, Verdict } from './classify.ts';
import type { Example, Language } from './examples.ts';
import type { LanguageRun } from './languages.ts';
import type { RecordedRequest } from './proxy.ts';

export interface LanguageResult {
  /** Requests the proxy saw, per example (same order as examples). */
  requests: RecordedRequest[][];
  language: Language;
  sdk: string;
  examples: Example[];
  verdicts: Verdict[];
  run: LanguageRun;
  floor: number;
  /** Webhook handlers found and not run. */
  webhooks: number;
  /** WebSocket operations' examples found and not run (an HTTP mock cannot answer a socket). */
  sockets: number;
  /** Passed, but the official SDK ignored keyword arguments the example passed (Ruby). */
  ignored: { example: Example; what: string }[];
}

export const CAUSES: Cause[] = ['spec', 'sdk', 'mock', 'docs'];
const CAUSE_TITLES: Record<Cause, string> = {
  spec: 'spec: a lint finding explains it',
  sdk: 'sdk: the official SDK release lacks the operation or shapes it differently',
  mock: 'mock: a Prism limitation',
  docs: 'docs: the example itself (target: none)',
};

export function counts(r: LanguageResult) {
  const ops = r.verdicts.filter((_, i) => r.examples[i].kind === 'operation');
  const failed = r.verdicts.filter((v) => !v.passed);
  return {
    executed: r.verdicts.length,
    passed: r.verdicts.length - failed.length,
    failed: failed.length,
    operations: ops.length,
    operationsPassed: ops.filter((v) => v.passed).length,
    requests: r.requests.reduce((n, list) => n + list.length, 0),
    /** Examples whose list loop asked for a second page (the proxy answered it empty). */
    paged: r.requests.filter((list) => list.some((q) => q.emptied)).length,
    /** Examples stopped by the proxy's request cap (a loop the empty page did not end). */
    capped: r.requests.filter((list) =>
      list.some((q) => /request cap/.test(q.violations?.[0]?.message ?? '')),
    ).length,
    byCause: Object.fromEntries(CAUSES.map((c) => [c, failed.filter((v) => v.cause === c).length])) as Record<
      Cause,
      number
    >,
  };
}

const where = (e: Example) => `${e.block.file}:${e.block.line}`;
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;

export function renderExecReport(
  results: LanguageResult[],
  notExecuted: { language: string; reason: string }[],
): string {
  const lines = [
    '# Skill examples executed against Prism',
    '',
    'Each example runs as written with its SDK, pointed at a recording proxy in front of the shared Prism',
    '(`TELNYX_BASE_URL`, one prefix per example); list loops stop at the second page (emptied by the proxy).',
    'An example passes when it runs to its end and Prism accepted every request it made. The operations',
    'passed are counted of every operation of the spec: the WebSocket ones, not run, count as not passed.',
    '',
    '| language | SDK | executed | passed | failed | operations passed | floor | time | SDK load |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const c = counts(r);
    lines.push(
      `| ${r.language} | ${r.sdk} | ${c.executed} | ${c.passed} | ${c.failed} | ${c.operationsPassed} of ${c.operations + r.sockets} (${pct(c.operationsPassed, c.operations + r.sockets)}) | ${r.floor} | ${r.run.seconds.toFixed(1)} s | ${(r.run.importMs / 1000).toFixed(1)} s |`,
    );
  }
  lines.push('');
  for (const n of notExecuted) lines.push(`- ${n.language}: not executed. ${n.reason}`);
  if (notExecuted.length) lines.push('');
  for (const r of results) {
    const c = counts(r);
    lines.push(
      `## ${r.language}: ${c.failed} failed (${CAUSES.map((cause) => `${cause} ${c.byCause[cause]}`).join(', ')})`,
      '',
      `${c.requests} requests; ${c.paged} list loops followed a second page and stopped at it, ${c.capped} hit the request cap; ` +
        `${r.run.runners} runner process(es).`,
      '',
    );
    for (const cause of CAUSES) {
      const failed = r.examples
        .map((e, i) => [e, r.verdicts[i]] as const)
        .filter(([, v]) => !v.passed && v.cause === cause);
      if (!failed.length) continue;
      lines.push(`### ${CAUSE_TITLES[cause]} (${failed.length})`, '');
      for (const [e, v] of failed) lines.push(`- ${e.operation ?? `(${e.kind})`} (${where(e)}): ${v.why}`);
      lines.push('');
    }
    if (r.ignored.length) {
      lines.push(`Passed, but the official SDK ignored what the example passed (${r.ignored.length}):`, '');
      for (const { example, what } of r.ignored)
        lines.push(`- ${example.operation ?? example.kind} (${where(example)}): ${what}`);
      lines.push('');
    }
    if (r.webhooks)
      lines.push(
        `Not run: ${r.webhooks} webhook handler blocks (they wait for requests; checkers.test.ts parses them).`,
        '',
      );
    if (r.sockets)
      lines.push(
        `Not run: ${r.sockets} WebSocket operation examples (they open a socket Prism cannot answer; checkers.test.ts parses them).`,
        '',
      );
  }
  return lines.join('\n');
}
