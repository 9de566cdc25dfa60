import type { components } from "../../generated/schema.js";

export type ZoomErrorBody = components["schemas"]["ZoomError"];
export type ZoomErrorDetail = components["schemas"]["ZoomErrorDetail"];
type RateLimitCategory = components["headers"]["RateLimitCategory"];
type RateLimitType = components["headers"]["RateLimitType"];

/**
 * Zoom's X-RateLimit-* headers of the failed response. Values outside the contract's enums are
 * kept as sent (`string & {}` keeps editor completion for the known ones), because Zoom adds
 * categories without notice and a client should report what it saw rather than drop it.
 */
export interface RateLimitInfo {
  category?: RateLimitCategory | (string & {});
  type?: RateLimitType | (string & {});
  limit?: number;
  remaining?: number;
}

/** One mismatch between a response body and the contract, found by response validation. */
export interface ResponseMismatch {
  /** JSON pointer into the body, `""` for the body itself. */
  instancePath: string;
  /** Why the value does not fit, e.g. `must be integer`. */
  message: string;
}

export interface ZoomApiErrorInit {
  status: number;
  message: string;
  attempts: number;
  code?: number | undefined;
  retryAfterMs?: number | undefined;
  rateLimit?: RateLimitInfo | undefined;
  errors?: ZoomErrorDetail[] | undefined;
  mismatches?: ResponseMismatch[] | undefined;
  cause?: unknown;
}

/**
 * The one error type every operation function throws. `status` is 0 when no HTTP response arrived
 * (network error, timeout, abort); `cause` then holds the underlying error.
 *
 * Only plain data lives on the instance: the client keeps tokens and secrets in closures, so
 * nothing here can leak them through `JSON.stringify`, `util.inspect` or a logger.
 */
export class ZoomApiError extends Error {
  override readonly name = "ZoomApiError";
  /** HTTP status, or 0 when the request never got a response. */
  readonly status: number;
  /** Zoom's own error code from the body (e.g. 124, 300, 3001), when the body has one. */
  readonly code?: number;
  /** How long Zoom asked the caller to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;
  readonly rateLimit?: RateLimitInfo;
  /** How many times the request was sent by the retry loop (a token refresh is not counted). */
  readonly attempts: number;
  /** Zoom's field-level problems, present on some 400 responses. */
  readonly errors?: ZoomErrorDetail[];
  /** With `validateResponses`, every place where the 2xx body breaks the contract. */
  readonly mismatches?: ResponseMismatch[];

  constructor(init: ZoomApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.attempts = init.attempts;
    // Optional fields are only set when present, so `"code" in err` and JSON output stay honest.
    if (init.code !== undefined) this.code = init.code;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.rateLimit !== undefined) this.rateLimit = init.rateLimit;
    if (init.errors !== undefined) this.errors = init.errors;
    if (init.mismatches !== undefined) this.mismatches = init.mismatches;
  }

  /** Plain data for structured logs; `Error` fields are not enumerable, so spell them out. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
      rateLimit: this.rateLimit,
      attempts: this.attempts,
      errors: this.errors,
      mismatches: this.mismatches,
    };
  }
}

/** The same error, reporting the attempt count only the retry loop knows. Not exported publicly. */
export function withAttempts(error: ZoomApiError, attempts: number): ZoomApiError {
  return new ZoomApiError({
    status: error.status,
    message: error.message,
    attempts,
    code: error.code,
    retryAfterMs: error.retryAfterMs,
    rateLimit: error.rateLimit,
    errors: error.errors,
    mismatches: error.mismatches,
    cause: error.cause,
  });
}

// Inner layers (token fetch) classify their own failures; the retry loop asks here instead of
// guessing from the status, because a token endpoint 401 must not be retried but its 503 may.
const retryable = new WeakSet<ZoomApiError>();

export function markRetryable(error: ZoomApiError): ZoomApiError {
  retryable.add(error);
  return error;
}

export function isRetryable(error: ZoomApiError): boolean {
  return retryable.has(error);
}
