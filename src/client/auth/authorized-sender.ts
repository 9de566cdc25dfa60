import type { AttemptSender } from "../resilient-fetch.js";
import { ZoomApiError } from "../zoom-api-error.js";
import type { TokenSource } from "./token-source.js";

// Zoom's code for a missing, malformed or expired access token (with HTTP 401).
const INVALID_ACCESS_TOKEN = 124;
// What a Headers value may hold; checked up front because undici quotes the offending value
// in its TypeError, which would put the token into an error message.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Sends one attempt with `Authorization: Bearer …`. When Zoom answers 401 with code 124, the
 * token is dropped, a new one fetched and the request resent once; a second 401 is returned
 * as it is, so a revoked app fails instead of looping.
 */
export function authorizedSender(tokens: TokenSource, fetchFn: typeof fetch): AttemptSender {
  return async (request, signal) => {
    const send = (token: string, source: Request): Promise<Response> => {
      if (!HEADER_VALUE.test(token)) {
        throw new ZoomApiError({
          status: 0,
          message: "The access token contains characters that cannot be sent in an HTTP header",
          attempts: 1,
        });
      }
      // A copy: middleware that logs `request` afterwards must not find the token on it.
      const headers: [string, string][] = [["authorization", `Bearer ${token}`]];
      request.headers.forEach((value, name) => {
        if (name !== "authorization") headers.push([name, value]);
      });
      // URL and init rather than a cloned Request: fetch builds a Request from either, and
      // cloning one first costs a second construction on every call.
      if (request.body === null) {
        return fetchFn(request.url, { method: request.method, headers, signal, redirect: request.redirect });
      }
      return fetchFn(new Request(source, { headers, signal }));
    };

    // The common case (a cached or fixed token) skips a promise round trip.
    const token = tokens.current() ?? (await tokens.get(signal));
    // fetch uses up a body even when it fails, so the first send takes a copy and the original
    // stays readable for the resend after a refreshed token.
    const response = await send(token, request.body === null ? request : request.clone());
    if (response.status !== 401) return response;

    const text = await response.text();
    const replay = (): Response => {
      const copy = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
      Object.defineProperty(copy, "url", { value: response.url });
      return copy;
    };
    if (zoomCode(text) !== INVALID_ACCESS_TOKEN || !tokens.invalidate(token)) return replay();
    const fresh = await tokens.get(signal);
    if (fresh === token) return replay();
    return send(fresh, request);
  };
}

function zoomCode(text: string): number | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && "code" in body && typeof body.code === "number") {
      return body.code;
    }
  } catch {
    // an HTML 401 from a proxy is not Zoom's token error
  }
  return undefined;
}
