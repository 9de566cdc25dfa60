export { createZoomClient, DEFAULT_BASE_URL, DEFAULT_MAX_BODY_BYTES } from "./client/create-zoom-client.js";
export type { ZoomClient, ZoomClientOptions, ZoomRetryOptions } from "./client/create-zoom-client.js";
// One function per operation, named by operationId; getWebinar keeps its camelCase parameters.
export * from "../generated/operations.js";
export { getWebinar } from "./client/get-webinar.js";
export { DEFAULT_MAX_PAGES, paginate } from "./client/paginate.js";
export type { PagedOperation, PageItem, PaginateOptions } from "./client/paginate.js";
export type { GetWebinarOptions, GetWebinarParams, Webinar } from "./client/get-webinar.js";
export type {
  CallOptions,
  OperationBody,
  OperationDescriptor,
  OperationFunction,
  OperationId,
  OperationParams,
  OperationResult,
  PageDescriptor,
  PagedDescriptor,
  UploadBody,
  UploadDescriptor,
  UploadFile,
} from "./client/operation-types.js";
export { ZoomApiError } from "./client/zoom-api-error.js";
export type { RateLimitInfo, ResponseMismatch, ZoomErrorBody, ZoomErrorDetail } from "./client/zoom-api-error.js";
export type { ResponseDrift } from "./client/response-validator.js";
export type { ServerToServerCredentials } from "./client/auth/server-to-server-token.js";
export type { AccessTokenOption } from "./client/auth/token-source.js";
export type { Sleep, ZoomClock } from "./client/clock.js";
export type { components, operations, paths } from "../generated/schema.js";
