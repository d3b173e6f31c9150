/**
 * The public surface of the runtime core. Generated code imports from the individual modules;
 * users get these through the package's main entry.
 */
export { APIPromise, type WithResponse } from './api-promise.js';
export type { BodyKind } from './body.js';
export {
  ClientCore,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
} from './client-core.js';
// Every error class: errors.ts exports nothing else (error.ts, the official module name, adds one alias).
export * from './errors.js';
export type { TelnyxErrorDetail } from './error-text.js';
export type { HeadersLike } from './headers.js';
export type { Logger, LogLevel } from './log.js';
export {
  CursorLimitPagination,
  CursorPagination,
  DefaultPagination,
  OffsetPagination,
  PageCursorPagination,
  PageNumberSizePagination,
  PagePageSizePagination,
  PerPagePagination,
  RecordsPagination,
  TeXMLPagination,
} from './page-styles.js';
export { AbstractPage, PagePromise, type PageItem } from './pagination.js';
export { buildPath } from './path.js';
export { stringifyQuery, type QueryStyle, type QueryStyles } from './query.js';
export type { HTTPMethod, RequestDescription, RequestOptions } from './request.js';
export type { ResponseKind } from './responses.js';
export type { Sleep } from './retries.js';
export { Stream, type ServerSentEvent } from './streaming.js';
export type { Fetch } from './transport.js';
export { toFile, type FileSource, type ToFileOptions } from './uploads.js';
export { verifyWebhook, type VerifyWebhookOptions, type WebhookHeaders } from './webhooks.js';
