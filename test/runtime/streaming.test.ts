/**
 * Server-sent events: the parser's line and field rules (including chunk boundaries), and a real
 * event-stream response consumed with `for await`, including stopping early.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EventParser,
  type ServerSentEvent,
  type Stream,
} from '../../templates/typescript/runtime/streaming.ts';
import { json, startServer, testClient, type TestServer } from './helpers.ts';

/** Parses `chunks` fed one at a time, as they would arrive from the network. */
function parse(chunks: string[]): ServerSentEvent[] {
  const parser = new EventParser();
  const events = chunks.flatMap((c) => parser.push(c));
  return [...events, ...parser.push('', true)];
}

describe('EventParser', () => {
  it.each<[string, string[], ServerSentEvent[]]>([
    ['JSON data', ['data: {"a":1}\n\n'], [{ event: null, data: { a: 1 }, id: null }]],
    ['non-JSON data stays text', ['data: hello\n\n'], [{ event: null, data: 'hello', id: null }]],
    [
      'multi-line data joined with \\n',
      ['data: line1\ndata: line2\n\n'],
      [{ event: null, data: 'line1\nline2', id: null }],
    ],
    [
      'event, id and retry fields',
      ['event: message_start\nid: 7\nretry: 1500\ndata: {"type":"message_start"}\n\n'],
      [{ event: 'message_start', data: { type: 'message_start' }, id: '7', retry: 1500 }],
    ],
    [
      'comments and unknown fields ignored',
      [': keep-alive\nfoo: bar\ndata: x\n\n'],
      [{ event: null, data: 'x', id: null }],
    ],
    [
      'an event without data is not dispatched',
      ['event: ping\n\ndata: y\n\n'],
      [{ event: null, data: 'y', id: null }],
    ],
    ['only one leading space is stripped', ['data:  two\n\n'], [{ event: null, data: ' two', id: null }]],
    [
      'CRLF and CR line endings',
      ['data: a\r\n\r\ndata: b\r\rdata: c\n\n'],
      [
        { event: null, data: 'a', id: null },
        { event: null, data: 'b', id: null },
        { event: null, data: 'c', id: null },
      ],
    ],
    [
      'a CRLF split across chunks is one line end',
      ['data: a\r', '\n\r', '\ndata: b\n\n'],
      [
        { event: null, data: 'a', id: null },
        { event: null, data: 'b', id: null },
      ],
    ],
    [
      'a field split across chunks',
      ['da', 'ta: {"x"', ':2}\n', '\n'],
      [{ event: null, data: { x: 2 }, id: null }],
    ],
    [
      'the id persists to later events',
      ['id: 1\ndata: a\n\ndata: b\n\n'],
      [
        { event: null, data: 'a', id: '1' },
        { event: null, data: 'b', id: '1' },
      ],
    ],
    [
      'a final event without its blank line is still delivered',
      ['data: last'],
      [{ event: null, data: 'last', id: null }],
    ],
  ])('%s', (_name, chunks, want) => {
    expect(parse(chunks)).toEqual(want);
  });
});

describe('event-stream responses', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('yields parsed events as they arrive, over several network writes', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: message_start\ndata: {"type":"message_start"}\n\n');
      setTimeout(() => res.write('event: content_block_delta\ndata: {"delta":{"text":"Hel'), 10);
      setTimeout(() => res.end('lo"}}\n\nevent: message_stop\ndata: {}\n\n'), 20);
    });
    const { client } = testClient(server.url);
    const stream = await client.request<Stream<Record<string, unknown>>>({
      method: 'post',
      path: '/ai/anthropic/v1/messages',
      body: { stream: true },
      responseKind: 'sse',
    });
    const events: ServerSentEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['message_start', { type: 'message_start' }],
      ['content_block_delta', { delta: { text: 'Hello' } }],
      ['message_stop', {}],
    ]);
    expect(server.requests[0]!.headers.accept).toBe('text/event-stream');
  });

  it('breaking out early closes the connection', async () => {
    let closed = false;
    server.handle((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => res.write('data: {"tick":1}\n\n'), 5);
      res.on('close', () => {
        closed = true;
        clearInterval(timer);
      });
    });
    const { client } = testClient(server.url, { timeout: 5000 });
    const stream = await client.request<Stream>({ method: 'get', path: '/ticks', responseKind: 'sse' });
    let count = 0;
    for await (const _ of stream) if (++count === 3) break;
    expect(count).toBe(3);
    await expect.poll(() => closed, { timeout: 2000 }).toBe(true);
  });

  it('the attempt timeout does not cut a long-lived stream', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' }).flushHeaders();
      setTimeout(() => res.end('data: late\n\n'), 400);
    });
    const { client } = testClient(server.url, { timeout: 150 });
    const stream = await client.request<Stream>({ method: 'get', path: '/slow', responseKind: 'sse' });
    const data: unknown[] = [];
    for await (const event of stream) data.push(event.data);
    expect(data).toEqual(['late']);
  });

  it('a plain JSON answer to a streaming call arrives as one event', async () => {
    server.handle((_req, res) => json(res, 200, { type: 'message' }));
    const { client } = testClient(server.url);
    const stream = await client.request<Stream>({
      method: 'post',
      path: '/m',
      body: {},
      responseKind: 'sse',
    });
    const events: ServerSentEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual([{ event: null, data: { type: 'message' }, id: null }]);
  });
});
