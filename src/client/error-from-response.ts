import { isDailyLimit, readRateLimitHeaders } from "./rate-limit-headers.js";
import { cutText, MAX_TEXT_INPUT, shorten, textSnippet } from "./response-text.js";
import { parseRetryAfter } from "./retry-after.js";
import { ZoomApiError, type ZoomErrorDetail } from "./zoom-api-error.js";

const MAX_MESSAGE = 500;
const MAX_DETAILS = 20;
const MAX_DETAIL_TEXT = 200;
const MAX_STATUS_TEXT = 100;

/**
 * Turns a non-2xx response into a ZoomApiError. `body` is what openapi-fetch made of it (at most
 * the first 64 KiB, see maxBodyBytes): the parsed JSON when it was JSON, else the raw text (an
 * HTML 502 page from a proxy, say), which is reduced to a short readable snippet. Every string
 * taken from the response is cut to a small bound before it is looked at.
 */
export function errorFromResponse(
  response: Response,
  body: unknown,
  attempts: number,
  target: string,
  now: number,
  maxDelayMs?: number,
): ZoomApiError {
  const statusText = shorten(response.statusText, MAX_STATUS_TEXT);
  const status = `HTTP ${response.status}${statusText ? ` ${statusText}` : ""}`;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const zoom = asZoomError(body);
  let message: string;
  if (zoom !== undefined) {
    message = `${target} → ${status}: ${zoom.message || "(no message)"} (Zoom code ${zoom.code})`;
  } else {
    const snippet = textSnippet(typeof body === "string" ? body : body === undefined ? "" : cutText(JSON.stringify(body), MAX_TEXT_INPUT));
    message = snippet ? `${target} → ${status}: ${snippet}` : `${target} → ${status}`;
  }
  if (response.status === 429 && isDailyLimit(response.headers)) {
    message += retryAfterMs === undefined ? "; daily limit reached" : `; daily limit reached, retry in ${Math.ceil(retryAfterMs / 1000)} s`;
  } else if (retryAfterMs !== undefined && maxDelayMs !== undefined && retryAfterMs > maxDelayMs) {
    message += `; Retry-After asks for ${Math.ceil(retryAfterMs / 1000)} s, more than retry.maxDelayMs allows, so the call was not retried`;
  }
  return new ZoomApiError({
    status: response.status,
    message,
    attempts,
    code: zoom?.code,
    retryAfterMs,
    rateLimit: readRateLimitHeaders(response.headers),
    errors: zoom?.errors,
  });
}

function asZoomError(body: unknown): { code: number; message: string; errors?: ZoomErrorDetail[] } | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { code, message, errors } = body as Record<string, unknown>;
  if (typeof code !== "number") return undefined;
  return {
    code,
    message: typeof message === "string" ? shorten(cutText(message, MAX_TEXT_INPUT).replace(/\s+/g, " ").trim(), MAX_MESSAGE) : "",
    ...(Array.isArray(errors) ? { errors: errors.slice(0, MAX_DETAILS).map(toDetail) } : {}),
  };
}

/** Only the two documented string fields, each cut short. */
function toDetail(entry: unknown): ZoomErrorDetail {
  const detail: ZoomErrorDetail = {};
  if (typeof entry !== "object" || entry === null) return detail;
  const { field, message } = entry as Record<string, unknown>;
  if (typeof field === "string") detail.field = shorten(field, MAX_DETAIL_TEXT);
  if (typeof message === "string") detail.message = shorten(message, MAX_DETAIL_TEXT);
  return detail;
}
