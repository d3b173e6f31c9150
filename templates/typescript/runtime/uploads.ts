/**
 * File uploads. `toFile()` turns whatever the caller has (a Blob or File, bytes, text, a web
 * ReadableStream, any async iterable of bytes such as Node's `fs.createReadStream()`, a fetch
 * Response or anything shaped like one) into a web `File`, without importing anything Node-specific.
 * Stream contents are buffered once so that a retried request can send the same bytes again.
 */
import { TelnyxError } from './errors.js';
import { formatScalar, isPlainObject } from './query.js';

/** Anything with a Blob's reading methods (a Blob from another realm or library). */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Anything shaped like a fetch `Response` (node-fetch, undici, a test double). */
export interface ResponseLike {
  url: string;
  blob(): Promise<BlobLike>;
}

/**
 * Bytes a caller can hand to `toFile()` or directly to a multipart/binary body. Plain strings are
 * read as the file's content at runtime, but are left out of the type, as in the official SDK: a
 * string argument is far more often a file path meant for `fs.createReadStream()`.
 */
export type FileSource =
  | Blob
  | BlobLike
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string | ArrayBuffer | Blob>
  | Response
  | ResponseLike;

export interface ToFileOptions {
  /** MIME type; defaults to the source's own type, else none (the server sniffs or assumes binary). */
  type?: string | undefined;
  lastModified?: number | undefined;
}

const DEFAULT_NAME = 'upload';

/**
 * Wraps bytes as a `File`. The name defaults to the source's own (`File.name`, the basename of an
 * `fs.ReadStream`'s `path`, the last segment of a Response URL), else `upload`. A value it cannot
 * read is a TelnyxError that names what was passed.
 */
export async function toFile(
  source: FileSource | PromiseLike<FileSource>,
  name?: string | null,
  options: ToFileOptions = {},
): Promise<File> {
  requireFileSupport();
  const value: unknown = await source;
  const fileName = name || nameOf(value) || DEFAULT_NAME;
  if (value instanceof File && fileName === value.name && (options.type ?? value.type) === value.type)
    return value;
  const type = options.type ?? typeOf(value);
  const parts = await toParts(value);
  const bag: FilePropertyBag = {};
  if (type) bag.type = type;
  if (options.lastModified !== undefined) bag.lastModified = options.lastModified;
  return new File(parts, fileName, bag);
}

/** True for values that must be sent as file parts rather than text fields. */
export function isFileSource(value: unknown): value is FileSource {
  if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return (
    value instanceof ReadableStream ||
    Symbol.asyncIterator in value ||
    isResponseLike(value) ||
    hasArrayBuffer(value)
  );
}

function requireFileSupport(): void {
  if (typeof File !== 'function') {
    throw new TelnyxError(
      'Uploads need the global `File` class, which this runtime lacks (Node >= 20, Deno, Bun and browsers ' +
        "have it); on older Node set `globalThis.File = require('node:buffer').File`.",
    );
  }
}

async function toParts(value: unknown): Promise<BlobPart[]> {
  if (typeof value === 'string' || value instanceof Blob) return [value];
  // TypeScript 5.9 types BlobPart views as ArrayBuffer-backed; Node's Buffer views qualify at runtime.
  if (value instanceof ArrayBuffer) return [value];
  if (ArrayBuffer.isView(value)) return [value as ArrayBufferView<ArrayBuffer>];
  if (isBlobLike(value)) return [await value.arrayBuffer()];
  if (isResponseLike(value)) return [await readBlob(await value.blob())];
  if (hasArrayBuffer(value)) return [await value.arrayBuffer()];
  if (value instanceof ReadableStream) return collect(streamChunks(value as ReadableStream<unknown>));
  if (typeof value === 'object' && value !== null && Symbol.asyncIterator in value)
    return collect(value as AsyncIterable<unknown>);
  throw new TelnyxError(
    `toFile() cannot read ${describeValue(value)}; pass a Blob or File, bytes, a string, a stream, an ` +
      'async iterable of bytes, or a fetch Response.',
  );
}

async function collect(chunks: AsyncIterable<unknown>): Promise<BlobPart[]> {
  const parts: BlobPart[] = [];
  for await (const chunk of chunks) {
    if (typeof chunk === 'string' || chunk instanceof Blob || chunk instanceof ArrayBuffer) parts.push(chunk);
    else if (ArrayBuffer.isView(chunk)) parts.push(chunk as ArrayBufferView<ArrayBuffer>);
    else
      throw new TelnyxError(`toFile() got ${describeValue(chunk)} from a stream; expected bytes or strings.`);
  }
  return parts;
}

async function readBlob(blob: BlobLike): Promise<BlobPart> {
  return blob instanceof Blob ? blob : blob.arrayBuffer();
}

/** ReadableStream is async-iterable in Node but not yet in every browser, so read it by hand. */
async function* streamChunks(stream: ReadableStream<unknown>): AsyncGenerator<unknown> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function isBlobLike(value: unknown): value is BlobLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof BlobLike, unknown>>;
  return typeof v.size === 'number' && typeof v.type === 'string' && typeof v.arrayBuffer === 'function';
}

function isResponseLike(value: unknown): value is ResponseLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ResponseLike, unknown>>;
  return typeof v.blob === 'function';
}

function hasArrayBuffer(value: unknown): value is { arrayBuffer(): Promise<ArrayBuffer> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { arrayBuffer?: unknown }).arrayBuffer === 'function'
  );
}

function typeOf(value: unknown): string | undefined {
  return isBlobLike(value) && value.type ? value.type : undefined;
}

/** "an object (class Foo) with keys a, b" for error messages. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const constructor = (value as { constructor?: { name?: unknown } }).constructor?.name;
  const keys = Object.getOwnPropertyNames(value);
  const shown = keys.length ? ` with keys ${keys.slice(0, 10).join(', ')}` : ' with no keys';
  return `an object${typeof constructor === 'string' && constructor ? ` (class ${constructor})` : ''}${shown}`;
}

function nameOf(value: unknown): string | undefined {
  if (value instanceof File) return value.name || undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, url, path, filename } = value as Record<string, unknown>;
  if (typeof name === 'string' && name) return basename(name);
  if (typeof url === 'string' && url) return basename(urlPath(url));
  // Node's fs.ReadStream carries the path it was opened with; duck-typed so nothing Node is imported.
  for (const candidate of [filename, path])
    if (typeof candidate === 'string' && candidate) return basename(candidate);
  return undefined;
}

function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

function basename(path: string): string | undefined {
  const last = path.split(/[\\/]/).pop();
  return last ? last : undefined;
}

/**
 * A multipart/form-data body in the official SDK's field naming: files (and any byte source, via
 * `toFile`) become file parts; nested objects become `field[key]` parts and arrays `field[]` parts,
 * recursively (`a[b][]`, `a[][c]`); `null`/`undefined` fields are left out.
 */
export async function toMultipartForm(body: Readonly<Record<string, unknown>>): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) await appendField(form, name, value);
  return form;
}

async function appendField(form: FormData, name: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) return;
  if (isFileSource(value)) {
    const file = await toFile(value);
    form.append(name, file, file.name);
  } else if (Array.isArray(value)) {
    for (const item of value) await appendField(form, `${name}[]`, item);
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) await appendField(form, `${name}[${key}]`, child);
  } else {
    form.append(name, formatScalar(value, name));
  }
}
