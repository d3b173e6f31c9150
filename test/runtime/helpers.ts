/**
 * A scriptable HTTP server on 127.0.0.1 (port 0) and a client wired to it with a fake clock: the
 * sleep records each requested delay and returns at once, jitter is pinned to zero.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClientCore, type ClientOptions } from '../../templates/typescript/runtime/client-core.ts';

export const API_KEY = 'KEY0123456789SECRETabcdef';

export interface Recorded {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Answers request number `index` (0-based, counting every request the server saw). */
export type Handler = (req: Recorded, res: ServerResponse, index: number) => unknown;

export interface TestServer {
  url: string;
  requests: Recorded[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  let handler: Handler = (_req, res) => res.writeHead(500).end('no handler');
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res, requests.length - 1)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export interface TestClient {
  client: ClientCore;
  /** Every delay the client asked to sleep, in ms. */
  delays: number[];
}

export function testClient(baseURL: string, options: ClientOptions = {}): TestClient {
  const delays: number[] = [];
  const client = new ClientCore({
    apiKey: API_KEY,
    baseURL,
    logLevel: 'off',
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0,
    ...options,
  });
  return { client, delays };
}

/** A loopback URL with nothing listening, so connecting is refused. */
export async function refusedURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The rejection of a promise, failing the test when it resolves. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the promise to reject, but it resolved');
}
