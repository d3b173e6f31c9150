/**
 * A log level that names no level is reported, once, through the logger's warn, and skipped: an
 * invalid `logLevel` option falls back to TELNYX_LOG, an invalid TELNYX_LOG to `warn`, as the official
 * client does (it warns at every construction; here once per logger and value, so that a process
 * creating a client per request does not repeat it). An invalid option used to be taken as is and
 * log every line, debug included.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientCore } from '../../../templates/typescript/runtime/client-core.ts';
import type { LogLevel } from '../../../templates/typescript/runtime/log.ts';
import { API_KEY } from '../helpers.ts';

afterEach(() => vi.unstubAllEnvs());

const sink = () => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() });
const client = (logger: ReturnType<typeof sink>, logLevel?: unknown) =>
  new ClientCore({ apiKey: API_KEY, logger, logLevel: logLevel as LogLevel | undefined });

describe('an invalid TELNYX_LOG', () => {
  it.each(['loud', 'DEBUG', 'verbose', '2'])(
    '%j: warned once per logger, then the default (warn)',
    (value) => {
      vi.stubEnv('TELNYX_LOG', value);
      const logger = sink();
      expect([client(logger).logLevel, client(logger).logLevel]).toEqual(['warn', 'warn']);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0]![0]).toMatch(
        new RegExp(
          `TELNYX_LOG is ${JSON.stringify(value)}, which is not a log level \\(off, error, warn, info, debug\\)`,
        ),
      );
      const other = sink();
      client(other);
      expect(other.warn).toHaveBeenCalledTimes(1);
    },
  );

  it('a valid logLevel option makes it moot: no warning', () => {
    vi.stubEnv('TELNYX_LOG', 'loud');
    const logger = sink();
    expect(client(logger, 'debug').logLevel).toBe('debug');
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('a valid TELNYX_LOG is used without a word', () => {
    vi.stubEnv('TELNYX_LOG', 'info');
    const logger = sink();
    expect(client(logger).logLevel).toBe('info');
    expect(logger.warn).not.toHaveBeenCalled();
  });
});

describe('an invalid logLevel option', () => {
  it('is warned about and falls back to TELNYX_LOG, then warn; debug lines stay off', async () => {
    const logger = sink();
    const first = client(logger, 'verbose');
    expect(first.logLevel).toBe('warn');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('The logLevel option is "verbose"'));
    vi.stubEnv('TELNYX_LOG', 'error');
    expect(client(logger, 42).logLevel).toBe('error');
    expect(logger.warn).toHaveBeenLastCalledWith(expect.stringContaining('The logLevel option is number'));
    expect(logger.debug).not.toHaveBeenCalled();
  });
});
