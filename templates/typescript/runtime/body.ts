/**
 * Request bodies per content kind. Bodies of generated operations are always replayable (a string,
 * Blob or FormData), because the retry loop may send them more than once: streams are buffered by
 * `toFile` first. Generic requests (`client.post(path, { body })`, kind `auto`) send what they are
 * given as the official SDK does, streams included; a streamed body is sent once and never retried.
 */
import { TelnyxError } from './errors.js';
import { isPlainObject, stringifyQuery } from './query.js';
import { isFileSource, toFile, toMultipartForm } from './uploads.js';

/** The request content type an operation declares; `auto` infers it from the value (generic requests). */
export type BodyKind = 'json' | 'multipart' | 'form' | 'binary' | 'auto';

/**
 * What fetch accepts as a body, spelled through `RequestInit` because `BodyInit` is no global name
 * under @types/node (a consumer without lib DOM would not resolve it in our declarations).
 */
export type RequestBody = NonNullable<RequestInit['body']>;

export interface EncodedBody {
  body: RequestBody | undefined;
  /** Undefined for multipart (fetch writes the header with the boundary) and for raw bodies. */
  contentType: string | undefined;
  /** False for a stream: it can be read once, so the request cannot be retried. */
  replayable: boolean;
}

const NONE: EncodedBody = { body: undefined, contentType: undefined, replayable: true };

/** `contentType`: the Content-Type the caller set, which decides how an `auto` object is encoded. */
export async function encodeBody(
  kind: BodyKind,
  body: unknown,
  contentType?: string | null,
): Promise<EncodedBody> {
  if (body === undefined) return NONE;
  switch (kind) {
    case 'json':
      return { body: JSON.stringify(body), contentType: 'application/json', replayable: true };
    case 'multipart':
      return {
        body: await toMultipartForm(expectObject(body, kind)),
        contentType: undefined,
        replayable: true,
      };
    case 'form':
      return formBody(expectObject(body, kind));
    case 'binary':
      return encodeBinary(body);
    case 'auto':
      return encodeAuto(body, contentType ?? undefined);
  }
}

/**
 * Same rules as the query string: nested objects as `a[b]=c`, arrays of values as repeated keys
 * (TeXML's StatusCallbackEvent), arrays of objects with indices (`CustomHeaders[0][name]=X-A`), which
 * is what the form-encoded Telnyx endpoints parse.
 */
function formBody(body: Readonly<Record<string, unknown>>): EncodedBody {
  return { body: stringifyQuery(body), contentType: 'application/x-www-form-urlencoded', replayable: true };
}

async function encodeBinary(body: unknown): Promise<EncodedBody> {
  if (typeof body === 'string') return { body, contentType: 'application/octet-stream', replayable: true };
  if (!isFileSource(body)) {
    throw new TelnyxError(
      'A binary request body must be a Blob, bytes, a ReadableStream or an async iterable.',
    );
  }
  const file = await toFile(body);
  return { body: file, contentType: file.type || 'application/octet-stream', replayable: true };
}

/** A generic request's body, by what it is (the official SDK's rules). */
function encodeAuto(body: unknown, contentType: string | undefined): EncodedBody {
  if (body === null) return NONE;
  const raw = (value: RequestBody, replayable = true): EncodedBody => ({
    body: value,
    contentType: undefined,
    replayable,
  });
  if (typeof body === 'string' && contentType) return raw(body);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return raw(body as Uint8Array<ArrayBuffer>);
  if (body instanceof Blob || body instanceof FormData || body instanceof URLSearchParams) return raw(body);
  // A stream of bytes, as fetch requires (narrowing gives ReadableStream<unknown>).
  if (body instanceof ReadableStream) return raw(body as ReadableStream<Uint8Array>, false);
  if (isIterator(body)) return raw(streamOf(body), false);
  if (typeof body === 'object' && contentType?.split(';')[0]?.trim() === 'application/x-www-form-urlencoded')
    return formBody(body as Record<string, unknown>);
  return { body: JSON.stringify(body), contentType: 'application/json', replayable: true };
}

/** An async iterable, or a started sync iterator (a generator): chunks to stream. */
function isIterator(value: unknown): value is AsyncIterable<unknown> | Iterator<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Symbol.asyncIterator in value) return true;
  return Symbol.iterator in value && typeof (value as { next?: unknown }).next === 'function';
}

function streamOf(source: AsyncIterable<unknown> | Iterator<unknown>): ReadableStream<Uint8Array> {
  const iterator: AsyncIterator<unknown> | Iterator<unknown> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) return controller.close();
      if (typeof value === 'string') controller.enqueue(encoder.encode(value));
      else if (value instanceof ArrayBuffer) controller.enqueue(new Uint8Array(value));
      else if (ArrayBuffer.isView(value))
        controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      else
        controller.error(
          new TelnyxError(`A streamed request body yielded a ${typeof value}; expected bytes or strings.`),
        );
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function expectObject(body: unknown, kind: BodyKind): Record<string, unknown> {
  if (isPlainObject(body)) return body;
  throw new TelnyxError(`A ${kind} request body must be a plain object of fields, got ${typeof body}.`);
}
