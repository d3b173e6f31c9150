/**
 * Request bodies per content kind. Every encoded body is replayable (a string, Blob or FormData),
 * because the retry loop may send it more than once; streams are buffered by `toFile` first.
 */
import { TelnyxError } from './errors.js';
import { isPlainObject, stringifyQuery } from './query.js';
import { isFileSource, toFile, toMultipartForm } from './uploads.js';

/** The request content type an operation declares. */
export type BodyKind = 'json' | 'multipart' | 'form' | 'binary';

/**
 * What fetch accepts as a body, spelled through `RequestInit` because `BodyInit` is no global name
 * under @types/node (a consumer without lib DOM would not resolve it in our declarations).
 */
export type RequestBody = NonNullable<RequestInit['body']>;

export interface EncodedBody {
  body: RequestBody | undefined;
  /** Undefined for multipart: fetch must write the header itself, with the boundary. */
  contentType: string | undefined;
}

export async function encodeBody(kind: BodyKind, body: unknown): Promise<EncodedBody> {
  if (body === undefined) return { body: undefined, contentType: undefined };
  switch (kind) {
    case 'json':
      return { body: JSON.stringify(body), contentType: 'application/json' };
    case 'multipart':
      return { body: await toMultipartForm(expectObject(body, kind)), contentType: undefined };
    case 'form':
      // Same rules as the query string: nested objects as a[b]=c, arrays as repeated keys (TeXML's
      // StatusCallbackEvent), which is what the form-encoded Telnyx endpoints parse.
      return {
        body: stringifyQuery(expectObject(body, kind)),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'binary':
      return encodeBinary(body);
  }
}

async function encodeBinary(body: unknown): Promise<EncodedBody> {
  if (typeof body === 'string') return { body, contentType: 'application/octet-stream' };
  if (!isFileSource(body)) {
    throw new TelnyxError(
      'A binary request body must be a Blob, bytes, a ReadableStream or an async iterable.',
    );
  }
  const file = await toFile(body);
  return { body: file, contentType: file.type || 'application/octet-stream' };
}

function expectObject(body: unknown, kind: BodyKind): Record<string, unknown> {
  if (isPlainObject(body)) return body;
  throw new TelnyxError(`A ${kind} request body must be a plain object of fields, got ${typeof body}.`);
}
