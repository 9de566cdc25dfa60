import { isDailyLimit, readRateLimitHeaders } from "./rate-limit-headers.js";
import { parseRetryAfter } from "./retry-after.js";
import { ZoomApiError, type ZoomErrorDetail } from "./zoom-api-error.js";

const SNIPPET_LENGTH = 200;

/**
 * Turns a non-2xx response into a ZoomApiError. `body` is what openapi-fetch made of it: the
 * parsed JSON when it was JSON, else the raw text (an HTML 502 page from a proxy, say), which is
 * reduced to a short readable snippet rather than dropped.
 */
export function errorFromResponse(response: Response, body: unknown, attempts: number, target: string): ZoomApiError {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const zoom = asZoomError(body);
  let message: string;
  if (zoom !== undefined) {
    message = `${target} → ${status}: ${zoom.message || "(no message)"} (Zoom code ${zoom.code})`;
  } else {
    const snippet = textSnippet(typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body));
    message = snippet ? `${target} → ${status}: ${snippet}` : `${target} → ${status}`;
  }
  if (response.status === 429 && isDailyLimit(response.headers)) {
    message += retryAfterMs === undefined ? "; daily limit reached" : `; daily limit reached, retry in ${Math.ceil(retryAfterMs / 1000)} s`;
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
    message: typeof message === "string" ? message : "",
    ...(Array.isArray(errors) ? { errors: errors as ZoomErrorDetail[] } : {}),
  };
}

/** Readable text of a body for a message: tags and scripts dropped, whitespace collapsed, cut short. */
export function textSnippet(text: string): string {
  const readable = /<[a-z!/]/i.test(text)
    ? text
        .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
        .replace(/<[^>]*>/g, " ")
        .replace(/&nbsp;/g, " ")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
    : text;
  const collapsed = readable.replace(/\s+/g, " ").trim();
  return collapsed.length > SNIPPET_LENGTH ? `${collapsed.slice(0, SNIPPET_LENGTH - 1)}…` : collapsed;
}
