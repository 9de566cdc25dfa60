// A lone surrogate cannot be percent-encoded (encodeURIComponent throws on it).
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Checks a path parameter before any request is built. openapi-fetch would put an empty value
 * in as is, giving `/accounts//webinars/` (the source page's own curl example does that), and
 * an `undefined` one as the literal text `{accountId}`; Zoom answers both with a confusing error.
 * `.` and `..` survive percent-encoding and are then resolved by the URL parser as dot
 * segments, which would send the request (and its bearer token) outside the path template.
 */
export function requirePathParam(operation: string, name: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new TypeError(`${operation}: \`${name}\` must be a non-empty string, got ${typeof value}`);
  }
  if (value.trim() === "") {
    throw new TypeError(`${operation}: \`${name}\` must not be empty or whitespace only`);
  }
  if (value === "." || value === "..") {
    throw new TypeError(`${operation}: \`${name}\` must not be "." or "..", which would leave the request path`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new TypeError(`${operation}: \`${name}\` contains a lone surrogate, which cannot be sent in a URL`);
  }
  return value;
}

/**
 * The webinarId to hand to openapi-fetch. A webinar instance UUID is Base64 and may contain
 * `/`; when it starts with `/` or contains `//`, Zoom requires it encoded twice. openapi-fetch
 * encodes path parameters once (encodeURIComponent), so those UUIDs are encoded once here and
 * arrive as e.g. `%252F`. Every other id is left to openapi-fetch's single encoding.
 */
export function webinarIdForPath(webinarId: string): string {
  return webinarId.startsWith("/") || webinarId.includes("//") ? encodeURIComponent(webinarId) : webinarId;
}

/** A numeric webinar ID (as `Webinar["id"]` holds it) written as the path expects it. */
export function webinarNumberForPath(operation: string, name: string, webinarId: number): string {
  if (!Number.isSafeInteger(webinarId) || webinarId <= 0) {
    throw new TypeError(`${operation}: a numeric \`${name}\` must be a positive safe integer, got ${webinarId}`);
  }
  return String(webinarId);
}
