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

/**
 * The level from the option, else `TELNYX_LOG`, else `warn`. A `TELNYX_LOG` that names no level is
 * reported through `warn` (when the option does not make it moot), not silently ignored.
 */
export function resolveLogLevel(option: LogLevel | undefined, warn?: (message: string) => void): LogLevel {
  if (option !== undefined) return option;
  const fromEnv = readEnv('TELNYX_LOG');
  if (isLogLevel(fromEnv)) return fromEnv;
  if (fromEnv !== undefined)
    warn?.(
      `TELNYX_LOG is ${JSON.stringify(fromEnv)}, which is not a log level (${Object.keys(RANK).join(', ')}); using warn.`,
    );
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

export function makeLogger(level: LogLevel, sink: Logger, redact: (text: string) => string): Logger {
  const at =
    (lineLevel: Exclude<LogLevel, 'off'>) =>
    (message: string, ...rest: unknown[]): void => {
      if (RANK[lineLevel] > RANK[level]) return;
      const clean = rest.map((arg) => (typeof arg === 'string' ? redact(arg) : arg));
      sink[lineLevel](`[telnyx] ${redact(message)}`, ...clean);
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
