/**
 * File uploads. `toFile()` turns whatever the caller has (a Blob or File, bytes, a web
 * ReadableStream, any async iterable of bytes such as Node's `fs.createReadStream()`, a fetch
 * Response) into a web `File`, without importing anything Node-specific. Stream contents are
 * buffered once so that a retried request can send the same bytes again.
 */
import { TelnyxError } from './errors.js';
import { formatScalar, isPlainObject } from './query.js';

/** Bytes a caller can hand to `toFile()` or directly to a multipart/binary body. */
export type FileSource =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Response;

export interface ToFileOptions {
  /** MIME type; defaults to the source's own type, else none (the server sniffs or assumes binary). */
  type?: string;
  lastModified?: number;
}

const DEFAULT_NAME = 'upload';

/**
 * Wraps bytes as a `File`. The name defaults to the source's own (`File.name`, the basename of an
 * `fs.ReadStream`'s `path`, the last segment of a Response URL), else `upload`.
 */
export async function toFile(
  source: FileSource | PromiseLike<FileSource>,
  name?: string | null,
  options: ToFileOptions = {},
): Promise<File> {
  const value = await source;
  const fileName = name ?? nameOf(value) ?? DEFAULT_NAME;
  if (value instanceof File && fileName === value.name && (options.type ?? value.type) === value.type)
    return value;
  const type = options.type ?? (value instanceof Blob ? value.type : undefined);
  const parts = await toParts(value);
  const bag: FilePropertyBag = {};
  if (type !== undefined) bag.type = type;
  if (options.lastModified !== undefined) bag.lastModified = options.lastModified;
  return new File(parts, fileName, bag);
}

/** True for values that must be sent as file parts rather than text fields. */
export function isFileSource(value: unknown): value is FileSource {
  if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
  if (value instanceof Response || value instanceof ReadableStream) return true;
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

async function toParts(value: FileSource): Promise<BlobPart[]> {
  if (value instanceof Blob) return [value];
  if (value instanceof Response) return [await value.blob()];
  // TypeScript 5.9 types BlobPart views as ArrayBuffer-backed; Node's Buffer views qualify at runtime.
  if (value instanceof ArrayBuffer) return [value];
  if (ArrayBuffer.isView(value)) return [value as ArrayBufferView<ArrayBuffer>];
  if (value instanceof ReadableStream) return collect(streamChunks(value));
  if (Symbol.asyncIterator in value) return collect(value);
  throw new TelnyxError(
    `toFile() cannot read a ${typeof value}; pass a Blob, bytes, a stream or an async iterable.`,
  );
}

async function collect(chunks: AsyncIterable<Uint8Array | string>): Promise<BlobPart[]> {
  const parts: BlobPart[] = [];
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') parts.push(chunk);
    else if (ArrayBuffer.isView(chunk)) parts.push(chunk as Uint8Array<ArrayBuffer>);
    else
      throw new TelnyxError(`toFile() got a ${typeof chunk} chunk from a stream; expected bytes or strings.`);
  }
  return parts;
}

/** ReadableStream is async-iterable in Node but not yet in every browser, so read it by hand. */
async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
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

function nameOf(value: unknown): string | undefined {
  if (value instanceof File) return value.name || undefined;
  if (value instanceof Response) return basename(new URL(value.url || 'x:/').pathname);
  // Node's fs.ReadStream carries the path it was opened with; duck-typed so nothing Node is imported.
  const path: unknown =
    typeof value === 'object' && value !== null ? (value as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? basename(path) : undefined;
}

function basename(path: string): string | undefined {
  const last = path.split(/[\\/]/).pop();
  return last ? last : undefined;
}

/**
 * A multipart/form-data body. Files (and any byte source, via `toFile`) become file parts; arrays
 * repeat their field once per item (OpenAPI's default for multipart arrays); nested objects are sent
 * as JSON text; `null`/`undefined` fields are left out.
 */
export async function toMultipartForm(body: Readonly<Record<string, unknown>>): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) await appendField(form, name, item);
  }
  return form;
}

async function appendField(form: FormData, name: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) return;
  if (isFileSource(value)) {
    const file = await toFile(value);
    form.append(name, file, file.name);
  } else if (isPlainObject(value) || Array.isArray(value)) {
    form.append(name, JSON.stringify(value));
  } else {
    form.append(name, formatScalar(value, name));
  }
}
