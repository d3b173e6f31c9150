/**
 * The error classes and `toFile` as statics of the client class, as the official client has them
 * (`Telnyx.NotFoundError`, `Telnyx.toFile`), for code that reaches them through the class it imported.
 * ClientCore extends this class, so every client class has them.
 */
import { DEFAULT_TIMEOUT_MS } from './client-options.js';
import * as Errors from './errors.js';
import { toFile } from './uploads.js';

export class ClientStatics {
  static readonly DEFAULT_TIMEOUT = DEFAULT_TIMEOUT_MS;
  static readonly TelnyxError = Errors.TelnyxError;
  static readonly APIError = Errors.APIError;
  static readonly APIConnectionError = Errors.APIConnectionError;
  static readonly APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static readonly APIUserAbortError = Errors.APIUserAbortError;
  static readonly NotFoundError = Errors.NotFoundError;
  static readonly ConflictError = Errors.ConflictError;
  static readonly RateLimitError = Errors.RateLimitError;
  static readonly BadRequestError = Errors.BadRequestError;
  static readonly AuthenticationError = Errors.AuthenticationError;
  static readonly InternalServerError = Errors.InternalServerError;
  static readonly PermissionDeniedError = Errors.PermissionDeniedError;
  static readonly UnprocessableEntityError = Errors.UnprocessableEntityError;
  static readonly APIResponseParseError = Errors.APIResponseParseError;
  static readonly TelnyxWebhookVerificationError = Errors.WebhookVerificationError;
  static readonly toFile = toFile;
}
