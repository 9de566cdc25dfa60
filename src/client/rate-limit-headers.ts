import { shorten } from "./response-text.js";
import type { RateLimitInfo } from "./zoom-api-error.js";

// Zoom's values are single words; anything longer is cut before it reaches an error.
const MAX_HEADER_TEXT = 64;

/** Collects Zoom's X-RateLimit-* headers; undefined when the response carries none of them. */
export function readRateLimitHeaders(headers: Headers): RateLimitInfo | undefined {
  const category = cut(headers.get("x-ratelimit-category"));
  const type = cut(headers.get("x-ratelimit-type"));
  const limit = toCount(headers.get("x-ratelimit-limit"));
  const remaining = toCount(headers.get("x-ratelimit-remaining"));
  if (category === null && type === null && limit === undefined && remaining === undefined) {
    return undefined;
  }
  const info: RateLimitInfo = {};
  if (category !== null) info.category = category;
  if (type !== null) info.type = type;
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  return info;
}

/** True when the response counts against the per-day limit, which only resets at 00:00 UTC. */
export function isDailyLimit(headers: Headers): boolean {
  return headers.get("x-ratelimit-type")?.trim().toLowerCase() === "daily-limit";
}

function cut(value: string | null): string | null {
  return value === null ? null : shorten(value, MAX_HEADER_TEXT);
}

function toCount(value: string | null): number | undefined {
  if (value === null || value.length > MAX_HEADER_TEXT || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
