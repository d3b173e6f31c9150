/**
 * The error classes under the official SDK's module name (`telnyx/core/error`, and the deprecated
 * `telnyx/error`), for code that imports them from there. The classes live in errors.ts.
 */
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseParseError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TelnyxError,
  TelnyxWebhookVerificationError,
  UnprocessableEntityError,
  WebhookVerificationError,
} from './errors.js';
