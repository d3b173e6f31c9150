/**
 * A small recording proxy in front of the shared Prism, for running the skills' examples with real
 * SDKs. Each example gets its own base URL, `<proxy>/__ex/<id>` (the runners set `TELNYX_BASE_URL`
 * to it before the example runs, which every SDK reads), so the proxy knows which example sent each
 * request without any change to the example's text. It forwards the rest of the path to Prism and
 * records, per example, every request's method, path, status and Prism's `sl-violations`.
 *
 * It also bounds the page loops that a mock makes endless (Prism reports another page on every list
 * endpoint, so `for item in client.x.list()` never ends): from the second GET of the same path in
 * one example on (the SDK asking for the next page), the JSON body's top-level arrays come back
 * empty, and every SDK stops at an empty page. The loop still fetched two pages, so following a
 * page is exercised. Past `REQUEST_CAP` requests in one example the proxy answers 400 itself: the
 * example fails with that message instead of spinning.
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path and query as Prism saw them (the `/__ex/<id>` prefix removed). */
  path: string;
  status: number;
  /** Prism's request/response violations (the `sl-violations` header, else a problem body's `validation`). */
  violations?: { location?: (string | number)[]; message?: string; severity?: string }[];
  /** True when the proxy emptied the page (a next-page request). */
  emptied?: boolean;
}

export interface ExamplesProxy {
  url: string;
  /** The base URL an example must use (`TELNYX_BASE_URL`). */
  baseFor(id: string): string;
  requests(id: string): RecordedRequest[];
  close(): Promise<void>;
}

/** More requests than this in one example is a loop the page bound did not stop. */
export const REQUEST_CAP = 25;

const PREFIX = /^\/__ex\/([^/?]+)(.*)$/;

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function violationsOf(header: string | string[] | undefined, body: Buffer, type: string | undefined) {
  const text = Array.isArray(header) ? header[0] : header;
  try {
    if (text) return JSON.parse(text);
    // Prism reports some rejections only in a problem+json body.
    if (/json/.test(type ?? '') && body.length < 1_000_000) {
      const parsed = JSON.parse(body.toString('utf8') || 'null');
      if (parsed && typeof parsed === 'object' && Array.isArray(parsed.validation)) return parsed.validation;
    }
  } catch {
    return text ? [{ message: text }] : undefined;
  }
  return undefined;
}

/** Top-level arrays emptied (or `[]` for an array body): a page with no items, the end of the loop. */
function emptyPage(body: Buffer): Buffer | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) return Buffer.from('[]');
  if (!parsed || typeof parsed !== 'object') return undefined;
  const page = parsed as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(page))
    if (Array.isArray(value) && value.length > 0) {
      page[key] = [];
      changed = true;
    }
  return changed ? Buffer.from(JSON.stringify(page)) : undefined;
}

export async function startExamplesProxy(prismURL: string): Promise<ExamplesProxy> {
  const target = new URL(prismURL);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const log = new Map<string, RecordedRequest[]>();
  const server: Server = createServer(async (req, res) => {
    const match = PREFIX.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ detail: `harness proxy: no /__ex/<id> prefix in ${req.url}` }] }));
      return;
    }
    const [, id, rest] = match;
    const path = rest.startsWith('/') ? rest : `/${rest}`;
    const seen = log.get(id) ?? [];
    log.set(id, seen);
    const method = req.method ?? 'GET';
    try {
      const body = await readAll(req);
      if (seen.length >= REQUEST_CAP) {
        seen.push({ method, path, status: 400, violations: [{ message: 'harness request cap' }] });
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            errors: [
              { detail: `harness: more than ${REQUEST_CAP} requests in one example (an endless loop?)` },
            ],
          }),
        );
        return;
      }
      const bare = path.split('?')[0];
      const nextPage =
        method === 'GET' && seen.some((r) => r.method === 'GET' && r.path.split('?')[0] === bare);
      const headers = { ...req.headers, host: target.host };
      const answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const forward = httpRequest(
          { host: target.hostname, port: target.port, method, path, headers, agent },
          resolve,
        );
        forward.once('error', reject);
        forward.end(body);
      });
      let payload = await readAll(answer);
      const status = answer.statusCode ?? 0;
      const record: RecordedRequest = {
        method,
        path,
        status,
        violations: violationsOf(answer.headers['sl-violations'], payload, answer.headers['content-type']),
      };
      if (nextPage && status < 300 && /json/.test(answer.headers['content-type'] ?? '')) {
        const emptied = emptyPage(payload);
        if (emptied) {
          payload = emptied;
          record.emptied = true;
        }
      }
      seen.push(record);
      const out = { ...answer.headers, 'content-length': String(payload.length) };
      delete out['transfer-encoding'];
      res.writeHead(status, out);
      res.end(payload);
    } catch (error) {
      seen.push({ method, path, status: 502, violations: [{ message: String(error) }] });
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ detail: `harness proxy: ${String(error)}` }] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseFor: (id) => `${url}/__ex/${id}`,
    requests: (id) => log.get(id) ?? [],
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
