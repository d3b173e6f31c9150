/**
 * Levelled logging for the client. Everything the client logs goes through `makeLogger`, which
 * drops lines below the configured level and scrubs the API key from every string argument, so
 * a debug log can be pasted into a support ticket as is.
 */
import { readEnv } from './env.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** The subset of `console` the client needs; pass pino, winston or console itself. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** Invalid levels already reported, per logger sink, so that a process creating many clients warns once. */
const REPORTED = new WeakMap<object, Set<string>>();

/**
 * The level from the option, else `TELNYX_LOG`, else `warn`. A value that names no level (a typo,
 * `DEBUG` in capitals) is reported through `warn`, once per sink and value, then skipped: an invalid
 * option falls back to `TELNYX_LOG`, an invalid `TELNYX_LOG` to `warn`, as the official client does.
 */
export function resolveLogLevel(option: unknown, sink: object, warn: (message: string) => void): LogLevel {
  for (const [value, source] of [
    [option, 'The logLevel option'],
    [readEnv('TELNYX_LOG'), 'TELNYX_LOG'],
  ] as const) {
    if (value === undefined || value === null) continue;
    if (isLogLevel(value)) return value;
    const text = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    const reported = REPORTED.get(sink) ?? new Set<string>();
    REPORTED.set(sink, reported);
    if (reported.has(`${source} ${text}`)) continue;
    reported.add(`${source} ${text}`);
    warn(`${source} is ${text}, which is not a log level (${Object.keys(RANK).join(', ')}); ignored.`);
  }
  return 'warn';
}

const LOGGERS = new WeakMap<object, Logger>();

/** Records the levelled logger of a client, for code that holds only the client (`APIPromise`). */
export function registerLogger(client: object, logger: Logger): void {
  LOGGERS.set(client, logger);
}

/** The levelled logger of a client, or one that logs nothing. */
export function loggerFor(client: object): Logger {
  return LOGGERS.get(client) ?? SILENT;
}

const SILENT: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

/** A logger that knows its level, so callers can skip building a line that would be dropped. */
export interface LevelledLogger extends Logger {
  enabled(lineLevel: Exclude<LogLevel, 'off'>): boolean;
}

export function makeLogger(level: LogLevel, sink: Logger, redact: (text: string) => string): LevelledLogger {
  const enabled = (lineLevel: Exclude<LogLevel, 'off'>): boolean => RANK[lineLevel] <= RANK[level];
  const at =
    (lineLevel: Exclude<LogLevel, 'off'>) =>
    (message: string, ...rest: unknown[]): void => {
      if (!enabled(lineLevel)) return;
      const clean = rest.map((arg) => (typeof arg === 'string' ? redact(arg) : arg));
      sink[lineLevel](`[telnyx] ${redact(message)}`, ...clean);
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), enabled };
}
