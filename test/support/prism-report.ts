/**
 * Turns the generated per-operation suite's results (vitest JSON) into a pass rate and a list of
 * failures by cause. A cause is `spec` when the spec itself is wrong (and lint says so), `mock` when
 * Prism cannot accept any request for the operation, and `client` when our request was rejected.
 */
export interface OperationResult {
  title: string;
  passed: boolean;
  status?: string;
  violations?: { location?: (string | number)[]; message?: string }[];
  message?: string;
}

export interface Classified extends OperationResult {
  cause: 'spec' | 'mock' | 'client';
  why: string;
}

export function readResults(report: any): OperationResult[] {
  return report.testResults.flatMap((file: any) =>
    file.assertionResults.map((test: any): OperationResult => {
      if (test.status === 'passed') return { title: test.title, passed: true };
      const first = String(test.failureMessages?.[0] ?? '').split('\n')[0];
      const m = /status (\S+); sl-violations: (.*?): expected false to be true/.exec(first);
      let violations: OperationResult['violations'];
      try {
        violations = m && m[2] !== 'none' ? JSON.parse(m[2]) : undefined;
      } catch {
        violations = undefined;
      }
      return { title: test.title, passed: false, status: m?.[1], violations, message: first.slice(0, 300) };
    }),
  );
}

/** Rule names of the lint findings at or under each operation's pointer, keyed by "METHOD /path". */
/**
 * Lint rules that concern each operation ("METHOD /path" -> rules): findings at or under the
 * operation, or under any component its definition reaches through `$ref`s (a response schema's
 * invalid default is the operation's problem too).
 */
export function lintRulesByOperation(manifest: any, lint: any, spec: any): Map<string, Set<string>> {
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const refsUnder = new Map<string, Set<string>>(); // pointer -> component pointers it refers to
  const reach = (pointer: string, node: unknown, found: Set<string>) => {
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const ref = (value as { $ref?: unknown }).$ref;
        if (typeof ref === 'string' && ref.startsWith('#/') && !found.has(ref.slice(1))) {
          found.add(ref.slice(1));
          walk(
            ref
              .slice(2)
              .split('/')
              .reduce((n: any, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec),
          );
        }
        Object.values(value).forEach(walk);
      }
    };
    walk(node);
    refsUnder.set(pointer, found);
  };
  const rules = new Map<string, Set<string>>();
  for (const op of manifest.operations) {
    const pointer = `/paths/${escape(op.path)}/${op.method.toLowerCase()}`;
    const reached = new Set<string>([pointer]);
    reach(pointer, spec.paths?.[op.path]?.[op.method.toLowerCase()], reached);
    const concerns = (f: { pointer: string }) =>
      [...reached].some((p) => f.pointer === p || f.pointer.startsWith(`${p}/`));
    rules.set(`${op.method} ${op.path}`, new Set(lint.findings.filter(concerns).map((f: any) => f.rule)));
  }
  return rules;
}

/** Rules whose findings explain a mock answering with a body invalid for the operation's schema. */
const RESPONSE_RULES = ['mock-response-invalid', 'invalid-default', 'invalid-example', 'unknown-format'];

/** `lintRules`: rule names found at or under each operation's pointer, keyed by "METHOD /path". */
export function classify(result: OperationResult, lintRules: Map<string, Set<string>>): Classified {
  const key = result.title.replace(/ \(\w+\)$/, '');
  const rules = lintRules.get(key) ?? new Set<string>();
  const messages = (result.violations ?? []).map((v) => v.message ?? '').join('; ');
  const where = new Set((result.violations ?? []).map((v) => v.location?.[0]));
  if (rules.has('websocket-operation'))
    return { ...result, cause: 'spec', why: 'websocket-operation: not an HTTP endpoint' };
  if (rules.has('invalid-media-type'))
    return { ...result, cause: 'spec', why: `invalid-media-type: ${messages}` };
  if (where.size === 1 && where.has('response')) {
    const linted = RESPONSE_RULES.filter((r) => rules.has(r));
    // A response the mock built from the spec is the spec's doing; lint must have said where.
    return linted.length
      ? {
          ...result,
          cause: 'spec',
          why: `lint ${linted.join(', ')}: the mock's response from the spec is invalid (Prism: ${messages})`,
        }
      : {
          ...result,
          cause: 'client',
          why: `response violations no lint finding explains (Prism: ${messages})`,
        };
  }
  if (/required property '[^']*%5b/i.test(messages)) {
    return {
      ...result,
      cause: 'mock',
      why: `Prism cannot match required query names with brackets (${messages})`,
    };
  }
  return { ...result, cause: 'client', why: `status ${result.status}: ${messages || result.message}` };
}

/**
 * `notRun`: operations of the spec the suite could not run (counted in the total, not as accepted),
 * with why; the percentage is of every operation.
 */
export function renderReport(
  results: Classified[],
  total: number,
  title = 'Per-operation suite against Prism',
  notRun?: { count: number; why: string },
): string {
  const failed = results.filter((r) => !r.passed);
  const all = total + (notRun?.count ?? 0);
  const lines = [
    `# ${title}`,
    '',
    `${total - failed.length} of ${all} operations accepted (${((100 * (total - failed.length)) / all).toFixed(1)}%)` +
      (notRun ? `; ${notRun.count} not run: ${notRun.why}.` : '.'),
    '',
  ];
  for (const cause of ['spec', 'mock', 'client'] as const) {
    const group = failed.filter((r) => r.cause === cause);
    if (!group.length) continue;
    lines.push(`## ${cause} (${group.length})`, '');
    for (const r of group) lines.push(`- ${r.title}: ${r.why}`);
    lines.push('');
  }
  return lines.join('\n');
}
