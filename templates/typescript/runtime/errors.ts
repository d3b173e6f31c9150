/**
 * The error hierarchy every call can throw.
 *
 *   TelnyxError
 *   └── APIError                      (status, headers, parsed body, request id)
 *       ├── BadRequestError 400 … InternalServerError >= 500
 *       ├── APIResponseParseError     (a 2xx whose body is not the promised JSON)
 *       ├── APIConnectionError        (no HTTP response at all)
 *       │   └── APIConnectionTimeoutError
 *       └── APIUserAbortError         (the caller's AbortSignal fired)
 *
 * Messages carry Telnyx's own explanation (`{errors: [{code, title, detail, source}]}`) because
 * "422 Unprocessable Entity" alone sends users to the docs for what the server already said.
 * Callers of these constructors pass text that has already been scrubbed of the API key (see
 * `redactor()` in redact.ts), so no message can leak it. This module exports the error classes and
 * nothing else: the package entry re-exports all of it.
 */
import { describeErrorBody, extractErrors, type TelnyxErrorDetail } from './error-text.js';

/** Base of every error this SDK throws, so `catch (e) { if (e instanceof TelnyxError) … }` works. */
export class TelnyxError extends Error {
  override readonly name: string = 'TelnyxError';
}

export class APIError extends TelnyxError {
  override readonly name: string = 'APIError';
  /** HTTP status, or undefined when no response arrived (connection errors, timeouts, aborts). */
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  /** The parsed error body (JSON when it parsed, the raw text otherwise). */
  readonly error: unknown;
  /** Telnyx's structured errors, empty when the body had none. */
  readonly errors: TelnyxErrorDetail[];
  /** `x-request-id` of the response: quote it when contacting Telnyx support. */
  readonly requestID: string | null;

  constructor(
    status: number | undefined,
    error: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ) {
    super(APIError.makeMessage(status, error, message));
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.errors = extractErrors(error);
    this.requestID = headers?.get('x-request-id') ?? null;
  }

  /** "<status> <what the server said>", falling back to the caller's message or the raw body. */
  static makeMessage(status: number | undefined, error: unknown, message: string | undefined): string {
    const said = describeErrorBody(error) ?? message;
    if (status !== undefined && said) return `${status} ${said}`;
    if (status !== undefined) return `${status} status code (no body)`;
    return said ?? '(no status code or body)';
  }

  /** Picks the class for a status; `status` undefined means the request never got a response. */
  static generate(
    status: number | undefined,
    body: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    if (status === undefined) return new APIConnectionError({ message });
    const Class = STATUS_CLASSES.get(status) ?? (status >= 500 ? InternalServerError : APIError);
    return new Class(status, body, message, headers);
  }
}

export class BadRequestError extends APIError {
  override readonly name: string = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override readonly name: string = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override readonly name: string = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override readonly name: string = 'NotFoundError';
}
export class ConflictError extends APIError {
  override readonly name: string = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override readonly name: string = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override readonly name: string = 'RateLimitError';
}
export class InternalServerError extends APIError {
  override readonly name: string = 'InternalServerError';
}

const STATUS_CLASSES: ReadonlyMap<number, typeof APIError> = new Map([
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
]);

/** A 2xx response whose body could not be read as the promised JSON (a proxy page, a truncated body). */
export class APIResponseParseError extends APIError {
  override readonly name: string = 'APIResponseParseError';
}

export class APIConnectionError extends APIError {
  override readonly name: string = 'APIConnectionError';
  constructor({ message, cause }: { message?: string | undefined; cause?: unknown } = {}) {
    super(undefined, undefined, message ?? 'Connection error.', undefined);
    if (cause !== undefined) this.cause = cause;
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  override readonly name: string = 'APIConnectionTimeoutError';
  constructor({ message }: { message?: string } = {}) {
    super({ message: message ?? 'Request timed out.' });
  }
}

export class APIUserAbortError extends APIError {
  override readonly name: string = 'APIUserAbortError';
  constructor({ message }: { message?: string } = {}) {
    super(undefined, undefined, message ?? 'Request was aborted.', undefined);
  }
}

/**
 * Thrown when a webhook is not provably from Telnyx (bad signature, stale timestamp, no key); respond
 * 4xx and do not act on the payload. Named as the official SDK's `telnyx/lib/webhooks` names it;
 * `WebhookVerificationError` is the same class.
 */
class TelnyxWebhookVerificationError extends TelnyxError {
  override readonly name: string = 'TelnyxWebhookVerificationError';
}
// Exported under the second name only, so that `export * from './errors.js'` (the package entry) does
// not add the official `telnyx/lib/webhooks` name to it; error.ts and webhooks.ts export both names.
export { TelnyxWebhookVerificationError as WebhookVerificationError };
