/**
 * Uploads and non-JSON bodies: `toFile()` from every kind of source, multipart bodies reaching a
 * server with the file bytes (also on a retry), form-urlencoded and raw binary bodies.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TelnyxError } from '../../templates/typescript/runtime/errors.ts';
import { toFile } from '../../templates/typescript/runtime/uploads.ts';
import type { Recorded } from './helpers.ts';
import { json, startServer, testClient, type TestServer } from './helpers.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const textOf = async (file: File) => new TextDecoder().decode(await file.arrayBuffer());

/** The multipart body a server received, parsed by the platform's own parser. */
async function receivedForm(req: Recorded): Promise<FormData> {
  return new Response(new Uint8Array(req.body), {
    headers: { 'content-type': String(req.headers['content-type']) },
  }).formData();
}

describe('toFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'telnyx-upload-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tempFile = () => {
    const path = join(dir, 'greeting.wav');
    writeFileSync(path, 'RIFF-audio');
    return path;
  };

  it.each<[string, () => unknown, string, string]>([
    ['a Blob', () => new Blob(['blob-bytes'], { type: 'text/plain' }), 'upload', 'blob-bytes'],
    ['a File keeps its name', () => new File(['f'], 'doc.pdf', { type: 'application/pdf' }), 'doc.pdf', 'f'],
    ['a Uint8Array', () => bytes('u8'), 'upload', 'u8'],
    ['a Node Buffer', () => Buffer.from('buf'), 'upload', 'buf'],
    ['an ArrayBuffer', () => bytes('ab').buffer, 'upload', 'ab'],
    ['a web ReadableStream', () => new Blob(['rs-bytes']).stream(), 'upload', 'rs-bytes'],
    [
      'an async iterable of bytes and strings',
      () =>
        (async function* () {
          yield bytes('one-');
          yield 'two';
        })(),
      'upload',
      'one-two',
    ],
    [
      'an fs.ReadStream, named after its path',
      () => createReadStream(tempFile()),
      'greeting.wav',
      'RIFF-audio',
    ],
    ['a fetch Response', () => new Response('resp-bytes'), 'upload', 'resp-bytes'],
    ['a string, as the content', () => 'plain text', 'upload', 'plain text'],
    [
      'anything shaped like a Response, named after its URL',
      () => ({ url: 'https://cdn.example/a/rec.mp3?sig=1', blob: async () => new Blob(['mp3']) }),
      'rec.mp3',
      'mp3',
    ],
    [
      'anything with arrayBuffer()',
      () => ({ arrayBuffer: async () => bytes('ab-like').buffer }),
      'upload',
      'ab-like',
    ],
  ])('from %s', async (_name, make, wantName, wantText) => {
    const file = await toFile(make() as Parameters<typeof toFile>[0]);
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe(wantName);
    expect(await textOf(file)).toBe(wantText);
  });

  it('rejects what it cannot read with a TelnyxError naming it, never a raw TypeError', async () => {
    class Recording {
      id = 'r1';
    }
    await expect(toFile({ foo: 'x' } as never)).rejects.toThrow(TelnyxError);
    await expect(toFile(new Recording() as never)).rejects.toThrow(/class Recording\) with keys id/);
    await expect(toFile(42 as never)).rejects.toThrow(/a number/);
  });

  it('without a global File, says what to set', async () => {
    vi.stubGlobal('File', undefined);
    try {
      await expect(toFile(bytes('x'))).rejects.toThrow(/global `File`/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('takes a name and type from the caller', async () => {
    const file = await toFile(bytes('x'), 'media.mp3', { type: 'audio/mpeg' });
    expect([file.name, file.type]).toEqual(['media.mp3', 'audio/mpeg']);
  });
});

describe('bodies on the wire', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('multipart: the file content and fields reach the server, nested fields in bracket form', async () => {
    server.handle((_req, res) => json(res, 200, { data: { id: 'doc1' } }));
    const { client } = testClient(server.url);
    const file = await toFile(bytes('%PDF-1.7 content'), 'loa.pdf', { type: 'application/pdf' });
    await client.request({
      method: 'post',
      path: '/documents',
      bodyKind: 'multipart',
      body: {
        file,
        customer_reference: 'ref-1',
        tags: ['a', 'b'],
        meta: { k: 'v', list: [{ x: 1 }] },
        skipped: undefined,
        urgent: true,
      },
      // The operation may state the content type; fetch must still write the boundary itself.
      headers: { 'Content-Type': 'multipart/form-data' },
    });
    const req = server.requests[0]!;
    expect(String(req.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const form = await receivedForm(req);
    const uploaded = form.get('file') as File;
    expect([uploaded.name, uploaded.type, await textOf(uploaded)]).toEqual([
      'loa.pdf',
      'application/pdf',
      '%PDF-1.7 content',
    ]);
    expect(form.get('customer_reference')).toBe('ref-1');
    // Nested values in the official SDK's bracket form, not as JSON text.
    expect(form.getAll('tags[]')).toEqual(['a', 'b']);
    expect([form.get('meta[k]'), form.get('meta[list][][x]')]).toEqual(['v', '1']);
    expect(form.get('urgent')).toBe('true');
    expect(form.has('skipped')).toBe(false);
  });

  it('multipart: a stream is buffered once, so a retry sends the same bytes', async () => {
    server.handle((_req, res, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, {})));
    const { client } = testClient(server.url);
    const stream = (async function* () {
      yield bytes('streamed-');
      yield bytes('audio');
    })();
    await client.request({ method: 'post', path: '/media', bodyKind: 'multipart', body: { media: stream } });
    expect(server.requests).toHaveLength(2);
    for (const req of server.requests)
      expect(await textOf((await receivedForm(req)).get('media') as File)).toBe('streamed-audio');
  });

  it('form-urlencoded: fields, repeated arrays, nested objects, arrays of objects with indices', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const { client } = testClient(server.url);
    await client.request({
      method: 'post',
      path: '/texml/Accounts/AC1/Calls',
      bodyKind: 'form',
      body: {
        To: '+13125550100',
        From: '+13125550199',
        StatusCallbackEvent: ['initiated', 'answered'],
        Record: true,
        Nested: { a: 'b c' },
        CustomHeaders: [{ name: 'X-A', value: '1' }],
        Gone: null,
      },
    });
    const req = server.requests[0]!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(req.body.toString())]).toEqual([
      ['To', '+13125550100'],
      ['From', '+13125550199'],
      ['StatusCallbackEvent', 'initiated'],
      ['StatusCallbackEvent', 'answered'],
      ['Record', 'true'],
      ['Nested[a]', 'b c'],
      ['CustomHeaders[0][name]', 'X-A'],
      ['CustomHeaders[0][value]', '1'],
    ]);
  });

  it('binary: raw bytes with their content type', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const { client } = testClient(server.url);
    await client.request({
      method: 'put',
      path: '/storage/object',
      bodyKind: 'binary',
      body: new Blob([bytes('\x00\x01binary')], { type: 'audio/wav' }),
    });
    await client.request({ method: 'put', path: '/storage/raw', bodyKind: 'binary', body: bytes('raw') });
    const [typed, raw] = server.requests;
    expect([typed!.headers['content-type'], typed!.body.toString('latin1')]).toEqual([
      'audio/wav',
      '\x00\x01binary',
    ]);
    expect([raw!.headers['content-type'], raw!.body.toString()]).toEqual(['application/octet-stream', 'raw']);
  });

  it('rejects a body of the wrong shape for its kind before sending', async () => {
    server.handle((_req, res) => json(res, 200, {}));
    const { client } = testClient(server.url);
    await expect(
      client.request({ method: 'post', path: '/x', bodyKind: 'form', body: 'a=b' }),
    ).rejects.toThrow(/form request body must be a plain object/);
    expect(server.requests).toHaveLength(0);
  });
});
