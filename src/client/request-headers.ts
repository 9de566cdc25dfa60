/** The caller's headers as a Headers object; a TypeError (before sending) when they are invalid. */
export function requestHeaders(operation: string, init: HeadersInit): Headers {
  let headers: Headers;
  try {
    headers = new Headers(init);
  } catch {
    // undici's message quotes the offending value, which may be anything the caller holds.
    throw new TypeError(`${operation}: \`headers\` must be valid HTTP header names and values`);
  }
  if (headers.has("authorization")) {
    throw new TypeError(`${operation}: \`headers\` must not set Authorization; the client sets it from its credentials`);
  }
  return headers;
}
