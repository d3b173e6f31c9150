/**
 * Runs many skill examples in one Node process (run with `--import tsx` and TSX_TSCONFIG_PATH set to
 * a tsconfig whose `paths` map `telnyx` to the generated package's `src/index.ts`).
 *
 * Usage: runner.ts EXAMPLES_JSON START PROXY_URL TIMEOUT_SECONDS
 * EXAMPLES_JSON holds [{"id": ..., "module": "<file>.ts"}]: each example is its own ES module file
 * (the block as written; top-level await), imported once with TELNYX_BASE_URL pointing at the proxy
 * under the example's own prefix, console output captured, and a timeout. One JSON line per event
 * goes to file descriptor 3, so the examples' own printing cannot corrupt it.
 */
import { readFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const emit = (fields: Record<string, unknown>) => writeSync(3, `${JSON.stringify(fields)}\n`);
// A timed-out example that fails later must not take the process (and the examples after it) down.
process.on('unhandledRejection', () => {});

const [file, startArg, proxy, timeoutArg] = process.argv.slice(2);
const examples: { id: string; module: string }[] = JSON.parse(readFileSync(file, 'utf8'));
const timeout = Number(timeoutArg) * 1000;

const began = performance.now();
// Loaded once before the clocks start (the name through a variable: it resolves only under tsx's paths).
const sdk = 'telnyx';
await import(sdk);
emit({ event: 'ready', import_ms: Math.round(performance.now() - began) });

let output = '';
const capture =
  () =>
  (...args: unknown[]) => {
    output = (output + args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ') + '\n').slice(
      -4000,
    );
  };
for (const name of ['log', 'error', 'warn', 'info', 'debug'] as const) console[name] = capture();

const describe = (error: unknown) => {
  if (error instanceof Error) {
    const frame = (error.stack ?? '').split('\n').find((l) => /\/ex\d+\.ts:\d+/.test(l));
    return {
      type: error.constructor?.name ?? 'Error',
      message: error.message.replace(/\s+/g, ' ').slice(0, 600),
      at: /(ex\d+\.ts:\d+)/.exec(frame ?? '')?.[1] ?? '',
    };
  }
  return { type: typeof error, message: String(error).slice(0, 600) };
};

for (let index = Number(startArg); index < examples.length; index++) {
  const example = examples[index];
  emit({ event: 'start', index });
  process.env.TELNYX_BASE_URL = `${proxy}/__ex/${example.id}`;
  output = '';
  let error: unknown = null;
  let timer: NodeJS.Timeout | undefined;
  const clock = performance.now();
  try {
    await Promise.race([
      import(pathToFileURL(example.module).href),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`still running after ${timeout / 1000} s`)), timeout);
      }),
    ]);
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
  }
  const failure =
    error === null
      ? null
      : error instanceof Error && /^still running after/.test(error.message)
        ? { type: 'Timeout', message: error.message }
        : describe(error);
  emit({
    event: 'done',
    index,
    ok: failure === null,
    error: failure,
    ms: Math.round(performance.now() - clock),
    output: output.slice(-400),
  });
}
// An example that timed out may still hold the event loop open.
process.exit(0);
