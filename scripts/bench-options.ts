/**
 * What `npm run bench` runs, from its arguments (scripts/bench.ts), apart so the choice can be tested
 * without timing anything. Bad arguments throw BenchUsageError, which the bench prints with a `fix:`
 * line and exit code 2.
 */
import { parseArgs } from 'node:util';

export interface BenchPlan {
  runs: number;
  scaleRuns: number;
  /**
   * `--only` values of the cold and warm figures (undefined: every part); empty: none. The first that
   * generates the TypeScript part also gets the type-check and bundle figures.
   */
  configs: (string | undefined)[];
  /** Regeneration after a one-operation change and with none. */
  regeneration: boolean;
  /** Generation beside hey-api (scripts/bench-peers.ts). */
  peers: boolean;
  scale: boolean;
  against?: string;
}

export class BenchUsageError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

function count(value: string | undefined, fallback: number, flag: string, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new BenchUsageError(
      `${flag} ${JSON.stringify(value)} is not a whole number >= ${min}`,
      `${flag} ${Math.max(min, 3)}`,
    );
  return n;
}

export function benchPlan(args: string[]): BenchPlan {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        runs: { type: 'string' },
        only: { type: 'string' },
        against: { type: 'string' },
        /** Only the regeneration figures (one-operation change, no change). */
        incremental: { type: 'boolean' },
        'scale-runs': { type: 'string' },
        'only-scale': { type: 'boolean' },
        'only-peers': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError(
      (error as Error).message,
      'npm run bench -- [--runs N] [--only P] [--only-peers] [--only-scale]',
    );
  }
  const runs = count(values.runs, 5, '--runs', 1);
  const scaleRuns = count(values['scale-runs'], 3, '--scale-runs', 0);
  // --only-scale and --only-peers pick sections (both together: both); neither: everything.
  const picked = Boolean(values['only-scale'] || values['only-peers']);
  const everything = !picked && !values.only && !values.incremental;
  const configs = picked ? [] : values.only ? [values.only] : ['manifest,typescript', undefined];
  return {
    runs,
    scaleRuns,
    configs: values.incremental ? [] : configs,
    regeneration: !picked && !values.only,
    peers: Boolean(values['only-peers']) || everything,
    scale: scaleRuns > 0 && !values.incremental && (Boolean(values['only-scale']) || !picked),
    against: values.against,
  };
}
