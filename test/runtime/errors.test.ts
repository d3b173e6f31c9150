/**
 * Error classes per status, Telnyx's own error detail in the message, and the API key kept out of
 * every message and log line, even when the server echoes it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TelnyxError,
  UnprocessableEntityError,
} from '../../templates/typescript/runtime/errors.ts';
import { describeErrorBody } from '../../templates/typescript/runtime/error-text.ts';
import {
  API_KEY,
  json,
  refusedURL,
  rejectionOf,
  startServer,
  testClient,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const telnyxBody = {
  errors: [
    {
      code: '10015',
      title: 'Invalid value',
      detail: "The 'to' number is not a valid E.164 number.",
      source: { pointer: '/to' },
    },
  ],
};

describe('error class per status', () => {
  it.each<[number, typeof APIError]>([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [504, InternalServerError],
    [418, APIError],
  ])('%i -> %o', async (status, Class) => {
    server.handle((_req, res) => json(res, status, telnyxBody, { 'x-request-id': 'req-abc' }));
    const { client } = testClient(server.url, { maxRetries: 0 });
    const error = await rejectionOf(client.request({ method: 'post', path: '/messages', body: { to: 'x' } }));
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(TelnyxError);
    const apiError = error as APIError;
    expect(apiError.status).toBe(status);
    expect(apiError.requestID).toBe('req-abc');
    expect(apiError.headers?.get('content-type')).toBe('application/json');
    expect(apiError.error).toEqual(telnyxBody);
    expect(apiError.errors[0]?.code).toBe('10015');
    expect(error.message).toBe(
      `${status} [10015] Invalid value: The 'to' number is not a valid E.164 number. (at /to)`,
    );
  });
});

describe('messages', () => {
  it.each<[string, unknown, string | undefined]>([
    [
      'several Telnyx errors',
      {
        errors: [
          { title: 'A', detail: 'a' },
          { code: '1', detail: 'b' },
        ],
      },
      'A: a; [1]: b',
    ],
    [
      'a Telnyx error without detail',
      { errors: [{ code: '10001', title: 'Not found' }] },
      '[10001] Not found',
    ],
    [
      'a source parameter',
      { errors: [{ detail: 'bad', source: { parameter: 'page[size]' } }] },
      'bad (at page[size])',
    ],
    ['FastAPI detail string', { detail: 'Assistant not found' }, 'Assistant not found'],
    [
      'FastAPI validation list',
      { detail: [{ loc: ['body', 'model'], msg: 'field required' }] },
      'field required (at body.model)',
    ],
    ['a message field', { message: 'Too many requests' }, 'Too many requests'],
    ['an unknown shape', { weird: true }, '{"weird":true}'],
    ['plain text', '<html>Bad Gateway</html>', '<html>Bad Gateway</html>'],
    ['nothing', undefined, undefined],
  ])('%s', (_name, body, want) => {
    expect(describeErrorBody(body)).toBe(want);
  });

  it('truncates a huge body', () => {
    expect(describeErrorBody('x'.repeat(10_000))!.length).toBeLessThan(600);
  });

  it('a non-JSON error body still gives a useful message', async () => {
    server.handle((_req, res) =>
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'),
    );
    const { client } = testClient(server.url, { maxRetries: 0 });
    const error = await rejectionOf(client.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe('502 <h1>Bad Gateway</h1>');
  });

  it('an empty error body falls back to the status text', async () => {
    server.handle((_req, res) => res.writeHead(404).end());
    const { client } = testClient(server.url, { maxRetries: 0 });
    expect((await rejectionOf(client.request({ method: 'get', path: '/x' }))).message).toBe('404 Not Found');
  });
});

describe('the API key never leaks', () => {
  it('is scrubbed from an error body that echoes it, in the message and the parsed body', async () => {
    server.handle((req, res) =>
      json(res, 401, {
        errors: [{ title: 'Unauthorized', detail: `Key ${req.headers.authorization} is revoked` }],
      }),
    );
    const lines: string[] = [];
    const capture = (message: string, ...rest: unknown[]) =>
      lines.push([message, ...rest.map((r) => JSON.stringify(r))].join(' '));
    const logger = { error: capture, warn: capture, info: capture, debug: capture };
    const { client } = testClient(server.url, { logLevel: 'debug', logger, maxRetries: 0 });
    const error = await rejectionOf(client.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401 Unauthorized: Key Bearer [redacted] is revoked');
    expect(JSON.stringify((error as APIError).error)).not.toContain(API_KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(API_KEY);
    expect(String(error.stack)).not.toContain(API_KEY);
  });

  it('is absent from connection errors and retry logs', async () => {
    const lines: string[] = [];
    const capture = (message: string) => lines.push(message);
    const logger = { error: capture, warn: capture, info: capture, debug: capture };
    const { client } = testClient(await refusedURL(), { logLevel: 'debug', logger });
    const error = await rejectionOf(client.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/Connection error \(GET \/x\)/);
    expect(lines.some((l) => l.includes('retrying in 500 ms'))).toBe(true);
    expect([error.message, ...lines].join('\n')).not.toContain(API_KEY);
  });
});
