import { describe, expect, it } from "vitest";
import { textSnippet } from "../../src/client/response-text.js";
import { webinarIdForPath } from "../../src/client/path-params.js";
import { isDailyLimit, readRateLimitHeaders } from "../../src/client/rate-limit-headers.js";
import { parseRetryAfter } from "../../src/client/retry-after.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-25T23:59:30Z");
  it.each<[string | null, number | undefined]>([
    ["1", 1000],
    [" 0 ", 0],
    ["120", 120_000],
    ["Thu, 26 Nov 2026 00:00:00 GMT", 30_000],
    ["Wed, 25 Nov 2026 23:00:00 GMT", 0], // already past: no negative waits
    ["1.5", undefined],
    ["-1", undefined],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("%j → %j ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("X-RateLimit-* headers", () => {
  it("reads all four", () => {
    const headers = new Headers({
      "X-RateLimit-Category": "Light",
      "X-RateLimit-Type": "Daily-limit",
      "X-RateLimit-Limit": "2000",
      "X-RateLimit-Remaining": "0",
    });
    expect(readRateLimitHeaders(headers)).toEqual({ category: "Light", type: "Daily-limit", limit: 2000, remaining: 0 });
    expect(isDailyLimit(headers)).toBe(true);
  });
  it("is undefined without them, and skips unreadable counts", () => {
    expect(readRateLimitHeaders(new Headers())).toBeUndefined();
    expect(readRateLimitHeaders(new Headers({ "X-RateLimit-Limit": "lots" }))).toBeUndefined();
    expect(isDailyLimit(new Headers({ "X-RateLimit-Type": "QPS" }))).toBe(false);
  });
});

describe("webinarIdForPath", () => {
  it.each([
    ["97871060099", "97871060099"],
    ["m3WqMkvuRXyYqH+eKWhk9w==", "m3WqMkvuRXyYqH+eKWhk9w=="],
    ["/abc==", "%2Fabc%3D%3D"],
    ["ab//c==", "ab%2F%2Fc%3D%3D"],
  ])("%s → %s (before openapi-fetch's own encoding)", (id, expected) => {
    expect(webinarIdForPath(id)).toBe(expected);
  });
});

describe("textSnippet", () => {
  it("drops tags, scripts and extra whitespace, and cuts long text", () => {
    expect(textSnippet("<html><script>var x = '<b>'</script><h1>Bad\n\n  Gateway</h1></html>")).toBe("Bad Gateway");
    const long = textSnippet("x".repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
  });
});
