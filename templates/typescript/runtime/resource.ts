/**
 * The resource base class under the official SDK's module name (`telnyx/core/resource`, and the
 * deprecated `telnyx/resource`). It lives in operation.ts.
 */
export { APIResource } from './operation.js';
