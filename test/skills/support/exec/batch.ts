/**
 * Drives one batch runner process (runner.py, runner.rb, runner.ts) over a list of examples: the
 * runner reports on file descriptor 3, one JSON line per event (`ready`, then `start`/`done` per
 * example). A runner that dies inside an example (`os._exit`, a crash) or stops answering (a hang
 * past its own timeout) is killed if needed, that example is recorded as such, and a new runner
 * starts from the next example: one bad example never costs the others their run.
 */
import { spawn } from 'node:child_process';

export interface Outcome {
  ok: boolean;
  error?: { type: string; message: string; at?: string };
  ms: number;
  /** The tail of what the example printed. */
  output: string;
  /** Keyword arguments the SDK did not take (the Ruby runner reports them even when the example passed). */
  ignored?: ParamsSeen[];
}

/** What the Ruby runner saw of one call's keyword arguments (its probe on the official SDK). */
export interface ParamsSeen {
  /** The params model (or `Class#method` for a method that reads no params model). */
  model: string;
  /** Keys the example passed that are not fields of the model. */
  unknown: string[];
  known: string[];
  required: string[];
  /** The method's positional parameters (path parameters), not part of the keyword arguments. */
  positional?: string[];
  /** Fields the example passed that the SDK's dump keys by their wire name instead: [name, wire]. */
  renamed?: [string, string][];
}

export interface BatchResult {
  outcomes: Outcome[];
  seconds: number;
  /** Time to load the SDK in the first runner, in ms. */
  importMs: number;
  /** Runners started (1 when no example killed its runner). */
  runners: number;
}

export interface BatchOptions {
  command: string;
  /** The runner's arguments, starting at example `start`. */
  args: (start: number) => string[];
  count: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The runner's own per-example timeout; the watchdog allows a margin over it. */
  timeoutSeconds: number;
}

interface Event {
  event: 'ready' | 'start' | 'done';
  index?: number;
  import_ms?: number;
  ok?: boolean;
  error?: Outcome['error'];
  ms?: number;
  output?: string;
  ignored?: ParamsSeen[];
}

function runOnce(
  options: BatchOptions,
  start: number,
  onEvent: (e: Event) => void,
): Promise<{ status: number | null; signal: string | null; stderr: string; watchdog?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.command, options.args(start), {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let watchdog: string | undefined;
    let startedAt = Date.now();
    let ready = false;
    let buffered = '';
    child.stdout!.on('data', () => {}); // the examples print to their own captured streams; drain strays
    child.stderr!.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-8000)));
    const events = child.stdio[3] as NodeJS.ReadableStream;
    events.setEncoding('utf8');
    events.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line) as Event;
        if (event.event === 'ready') ready = true;
        startedAt = Date.now();
        onEvent(event);
      }
    });
    const timer = setInterval(() => {
      const limit = ready ? (options.timeoutSeconds + 20) * 1000 : 180_000;
      if (Date.now() - startedAt > limit) {
        watchdog = ready
          ? `no answer ${limit / 1000} s after the example started (killed)`
          : `the runner did not load the SDK within ${limit / 1000} s (killed)`;
        child.kill('SIGKILL');
      }
    }, 1000);
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('close', (status, signal) => {
      clearInterval(timer);
      resolve({ status, signal, stderr, watchdog });
    });
  });
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const outcomes: (Outcome | undefined)[] = new Array(options.count).fill(undefined);
  const began = Date.now();
  let importMs = -1;
  let runners = 0;
  let next = 0;
  while (next < options.count) {
    let current = -1;
    let loaded = false;
    runners++;
    const exit = await runOnce(options, next, (e) => {
      if (e.event === 'ready') {
        loaded = true;
        if (importMs < 0) importMs = e.import_ms ?? 0;
      } else if (e.event === 'start') current = e.index!;
      else if (e.event === 'done') {
        outcomes[e.index!] = {
          ok: !!e.ok,
          error: e.error ?? undefined,
          ms: e.ms ?? 0,
          output: e.output ?? '',
          ...(e.ignored?.length ? { ignored: e.ignored } : {}),
        };
        current = -1;
        next = e.index! + 1;
      }
    });
    if (next >= options.count) break;
    const how = exit.watchdog ?? `the runner exited (${exit.signal ?? `status ${exit.status}`})`;
    if (!loaded)
      throw new Error(
        `${options.command} could not start its batch runner: ${how}\n${exit.stderr.slice(-3000)}`,
      );
    const at = current >= 0 ? current : next;
    outcomes[at] = {
      ok: false,
      error: {
        type: exit.watchdog ? 'Timeout' : 'RunnerExit',
        message: `${how} in this example; ${exit.stderr.trim().split('\n').slice(-3).join(' ')}`.slice(
          0,
          600,
        ),
      },
      ms: 0,
      output: '',
    };
    next = at + 1;
  }
  return {
    outcomes: outcomes.map(
      (o) => o ?? { ok: false, error: { type: 'Missing', message: 'not run' }, ms: 0, output: '' },
    ),
    seconds: (Date.now() - began) / 1000,
    importMs,
    runners,
  };
}
