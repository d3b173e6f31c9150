/**
 * `npm run generate [-- --spec F --out D --names-from F|none --only manifest,typescript,skills --check]`
 * Exit codes: 0 done; 1 `--check` found drift; 2 bad input or config (no stack trace).
 */
import { parseArgs } from 'node:util';
import { InputError, runCommand } from './errors.ts';
import { PARTS, type Part } from './emit/files.ts';
import { runPipeline, type StageTiming } from './pipeline.ts';

const USAGE = `usage: npm run generate -- [--spec FILE] [--out DIR] [--config FILE] [--names-from FILE|none]
                           [--only ${PARTS.join(',')}] [--check] [--no-cache] [--verbose-lint] [--strict]`;

function parseCli(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        'names-from': { type: 'string' },
        only: { type: 'string' },
        check: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'verbose-lint': { type: 'boolean' },
        strict: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
    const only = values.only?.split(',').map((p) => p.trim()) as Part[] | undefined;
    const unknown = only?.find((p) => !PARTS.includes(p));
    if (unknown)
      throw new InputError(
        `unknown part "${unknown}" in --only`,
        '--only',
        `use a comma list of ${PARTS.join(', ')}`,
      );
    return { ...values, only };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError((error as Error).message, 'command line', USAGE);
  }
}

const formatTiming = (t: StageTiming) =>
  `${t.stage.padEnd(6)} ${(t.ms / 1000).toFixed(2).padStart(6)} s${t.note ? `  ${t.note}` : ''}`;

/** Warnings with their locations: all of them with --verbose-lint, else the first few and a tally by rule. */
const SHOWN_WARNINGS = 20;
function reportLint(findings: { rule: string; where: string; message: string }[]) {
  const verbose = process.argv.includes('--verbose-lint');
  for (const f of verbose ? findings : findings.slice(0, SHOWN_WARNINGS))
    console.warn(`warning: ${f.where}: ${f.message} [${f.rule}]`);
  if (findings.length > SHOWN_WARNINGS && !verbose) {
    const tally = new Map<string, number>();
    for (const f of findings) tally.set(f.rule, (tally.get(f.rule) ?? 0) + 1);
    const summary = [...tally]
      .sort()
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ');
    console.warn(
      `warning: ${findings.length - SHOWN_WARNINGS} more (all in lint.json, or pass --verbose-lint): ${summary}`,
    );
  }
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const result = await runPipeline(
    {
      spec: args.spec,
      out: args.out,
      config: args.config,
      namesFrom: args['names-from'],
      only: args.only,
      check: args.check,
      cache: !args['no-cache'],
      strict: args.strict === true,
    },
    (t) => console.log(formatTiming(t)),
  );
  reportLint(result.lint);
  console.log(
    formatTiming({ stage: 'total', ms: performance.now() - started, note: `${result.lint.length} warnings` }),
  );
  if (result.drift) {
    for (const file of result.drift) console.log(`drift: ${file}`);
    return result.drift.length > 0 ? 1 : 0;
  }
  return 0;
}

runCommand(main);
