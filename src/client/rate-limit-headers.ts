import type { RateLimitInfo } from "./zoom-api-error.js";

/** Collects Zoom's X-RateLimit-* headers; undefined when the response carries none of them. */
export function readRateLimitHeaders(headers: Headers): RateLimitInfo | undefined {
  const category = headers.get("x-ratelimit-category");
  const type = headers.get("x-ratelimit-type");
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

function toCount(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
