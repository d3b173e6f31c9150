/**
 * Turning a successful response into what the method returns, per the operation's response kind:
 * JSON -> parsed value, text/CSV -> string, binary -> the raw `Response` (PDFs, audio and images
 * are read by the caller, as a stream or blob), event stream -> `Stream`, none/204 -> undefined.
 */
import { APIResponseParseError } from './errors.js';
import { redactResponseHeaders } from './headers.js';
import { Stream } from './streaming.js';
import type { CompletedResponse } from './completed-response.js';

/** `auto` (generic requests): JSON when the response says it is JSON, else text; 204 is undefined. */
export type ResponseKind = 'json' | 'binary' | 'text' | 'csv' | 'sse' | 'none' | 'auto';

/** Kinds whose body is read inside the attempt, under its timeout. */
export function isBufferedKind(kind: ResponseKind): boolean {
  return kind !== 'binary' && kind !== 'sse';
}

/** The value a call resolves to; the generated method's signature states its type. */
export function parseResponse(completed: CompletedResponse, kind: ResponseKind): unknown {
  const { text } = completed;
  switch (kind) {
    case 'none':
      return undefined;
    case 'binary':
      return completed.response;
    case 'sse':
      return new Stream(completed.response, completed.controller);
    case 'text':
    case 'csv':
      return text ?? '';
    case 'json':
      return parseJSONBody(completed, text ?? '');
    case 'auto':
      if (completed.status === 204) return undefined;
      return isJSONType(completed.headers.get('content-type'))
        ? parseJSONBody(completed, text ?? '')
        : (text ?? '');
  }
}

function isJSONType(contentType: string | null): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media.endsWith('+json');
}

function parseJSONBody(completed: CompletedResponse, text: string): unknown {
  if (completed.status === 204 || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const type = completed.headers.get('content-type') ?? 'no content type';
    return failParse(completed, (completed.redact ?? String)(text), type, completed.redact);
  }
}

function failParse(
  response: Pick<CompletedResponse, 'status' | 'headers'>,
  text: string,
  type: string,
  redact: ((text: string) => string) | undefined,
): never {
  const snippet = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  throw new APIResponseParseError(
    response.status,
    text,
    `Expected a JSON body but could not parse it (${type}): ${snippet}`,
    redact ? redactResponseHeaders(response.headers, redact) : response.headers,
  );
}
