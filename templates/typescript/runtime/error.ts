/**
 * The error classes under the official SDK's module name (`telnyx/core/error`, and the deprecated
 * `telnyx/error`), for code that imports them from there: every class of errors.ts, and the webhook
 * error under its `telnyx/lib/webhooks` name as well.
 */
export * from './errors.js';
export { WebhookVerificationError as TelnyxWebhookVerificationError } from './errors.js';
