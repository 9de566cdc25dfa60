/**
 * Reads a Retry-After header as a delay in milliseconds. Zoom sends whole seconds for the
 * per-second limit and an HTTP date (the next UTC midnight) for the daily limit, so both forms
 * are accepted. Returns undefined for a missing or unreadable value, so the caller falls back
 * to its own backoff instead of guessing.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  // A real value is a number of seconds or a 29-character date: anything long is not one.
  if (value === null || value.length > 64) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only a date-looking value goes to Date.parse: it also accepts strings like "1.5", which
  // would then be read as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
