import { Buffer } from "node:buffer";
import { formatBytes, readBoundedText } from "../bounded-body.js";
import { systemClock, type ZoomClock } from "../clock.js";
import type { Redactor } from "../redact.js";
import { shorten } from "../response-text.js";
import { markRetryable, ZoomApiError } from "../zoom-api-error.js";
import type { TokenSource } from "./token-source.js";

export interface ServerToServerCredentials {
  /** The account ID of the Server-to-Server OAuth app (the master account). */
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** Default https://zoom.us/oauth/token. */
  tokenUrl?: string;
}

export interface ServerToServerTokenOptions {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  timeoutMs: number;
  clock?: ZoomClock;
  /** Told about every token obtained, so errors never show one. */
  redactor?: Redactor;
}

export const DEFAULT_TOKEN_URL = "https://zoom.us/oauth/token";
/** A token response is a few hundred bytes; anything past this is not one. */
export const MAX_TOKEN_BODY_BYTES: number = 64 * 1024;
// Zoom sends expires_in 3599; a longer claim is capped so a bad answer cannot pin a token for days.
const MAX_LIFETIME_S = 24 * 3600;
// Refresh a little early so a token does not expire between leaving here and reaching Zoom.
const MAX_REFRESH_MARGIN_MS = 60_000;
const MAX_REASON_LENGTH = 200;

/**
 * Server-to-Server OAuth (`account_credentials` grant). The token is cached until shortly before
 * `expires_in`; a response whose `expires_in` is missing, not a number, zero or negative gives a
 * token used by the callers of that one request only, never cached. Concurrent callers share one
 * in-flight request, which is cancelled when every one of them has given up. Credentials and
 * token live only in this closure: nothing reachable from the client or an error holds them.
 */
export function serverToServerTokenSource(
  credentials: ServerToServerCredentials,
  options: ServerToServerTokenOptions,
): TokenSource {
  const { accountId, clientId, clientSecret } = credentials;
  const tokenUrl = credentials.tokenUrl ?? DEFAULT_TOKEN_URL;
  const clock = options.clock ?? systemClock;
  const basic = Buffer.from(`${clientId}:${clientSecret}`, "utf8").toString("base64");
  const body = new URLSearchParams({ grant_type: "account_credentials", account_id: accountId }).toString();
  const where = describeUrl(tokenUrl);
  options.redactor?.addSecret(clientSecret);
  options.redactor?.addSecret(basic);
  options.redactor?.addUrlCredentials(tokenUrl);

  let cached: { token: string; refreshAt: number } | undefined;
  let inflight: { promise: Promise<string>; controller: AbortController; waiters: number } | undefined;

  async function requestToken(controller: AbortController): Promise<string> {
    const timer = clock.setTimeout(
      () => controller.abort(new DOMException(`no answer within ${options.timeoutMs} ms`, "TimeoutError")),
      options.timeoutMs,
    );
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(tokenUrl, {
        method: "POST",
        headers: {
          Authorization: `Basic ${basic}`,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body,
        // Its own controller, not a caller's signal: the request is shared, and one caller
        // giving up must not fail it for the others.
        signal: controller.signal,
      });
      const status = response.status;
      text = await readBoundedText(
        response,
        MAX_TOKEN_BODY_BYTES,
        () =>
          new ZoomApiError({
            status,
            message: `Zoom OAuth token response from ${where} is larger than ${formatBytes(MAX_TOKEN_BODY_BYTES)}; reading was cancelled`,
            attempts: 1,
          }),
      );
    } catch (error) {
      if (error instanceof ZoomApiError) throw error;
      throw markRetryable(
        new ZoomApiError({
          status: 0,
          message: `Zoom OAuth token request to ${where} failed (${reason(error, controller.signal)})`,
          attempts: 1,
          cause: error,
        }),
      );
    } finally {
      clock.clearTimeout(timer);
    }
    if (!response.ok) {
      const failure = new ZoomApiError({
        status: response.status,
        message: `Zoom OAuth token request failed: HTTP ${response.status} ${shorten(response.statusText, MAX_REASON_LENGTH)}${oauthReason(text)}`,
        attempts: 1,
      });
      throw response.status === 429 || response.status >= 500 ? markRetryable(failure) : failure;
    }
    const parsed = parseTokenResponse(text);
    if (parsed === undefined) {
      throw new ZoomApiError({
        status: response.status,
        message: "Zoom OAuth token response has no access_token",
        attempts: 1,
      });
    }
    options.redactor?.addToken(parsed.token);
    if (parsed.expiresInS === undefined) {
      cached = undefined;
    } else {
      const lifetimeMs = parsed.expiresInS * 1000;
      cached = {
        token: parsed.token,
        refreshAt: clock.now() + lifetimeMs - Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10),
      };
    }
    return parsed.token;
  }

  const current = (): string | undefined =>
    cached !== undefined && clock.now() < cached.refreshAt ? cached.token : undefined;

  /** Waits for the shared request; the last waiter to give up cancels it. */
  function share(request: NonNullable<typeof inflight>, signal: AbortSignal): Promise<string> {
    if (signal.aborted) return Promise.reject(signal.reason);
    request.waiters += 1;
    return new Promise<string>((resolve, reject) => {
      const onAbort = (): void => {
        request.waiters -= 1;
        if (request.waiters === 0) request.controller.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      request.promise.then(
        (token) => {
          signal.removeEventListener("abort", onAbort);
          resolve(token);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  return {
    current,
    get(signal) {
      const token = current();
      if (token !== undefined) return Promise.resolve(token);
      if (inflight === undefined) {
        const controller = new AbortController();
        const request = { controller, waiters: 0, promise: requestToken(controller) };
        inflight = request;
        request.promise.then(
          () => undefined,
          () => undefined,
        ).finally(() => {
          if (inflight === request) inflight = undefined;
        });
      }
      return share(inflight, signal);
    },
    invalidate(rejected) {
      // Several calls may fail with the same stale token; only the first drops it, the others
      // then share the refresh that one starts (or its result).
      if (cached?.token === rejected) cached = undefined;
      return true;
    },
  };
}

/** The token and its lifetime in seconds; `expiresInS` undefined means "do not cache". */
function parseTokenResponse(text: string): { token: string; expiresInS: number | undefined } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  const { access_token: token, expires_in: expiresIn } = json as Record<string, unknown>;
  if (typeof token !== "string" || token === "") return undefined;
  const usable = typeof expiresIn === "number" && Number.isFinite(expiresIn) && expiresIn > 0;
  return { token, expiresInS: usable ? Math.min(expiresIn, MAX_LIFETIME_S) : undefined };
}

/** Zoom's OAuth errors look like `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`. */
function oauthReason(text: string): string {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const parts = [json.error, json.reason ?? json.error_description]
      .filter((p): p is string => typeof p === "string")
      .map((p) => shorten(p, MAX_REASON_LENGTH));
    if (parts.length > 0) return ` (${parts.join(": ")})`;
  } catch {
    // not JSON: say nothing rather than echo an arbitrary page
  }
  return "";
}

/** Origin and path only: never userinfo or a query. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "the token URL";
  }
}

function reason(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof DOMException && signal.reason.name === "TimeoutError") return "timed out";
  if (signal.aborted) return "cancelled: every caller gave up";
  if (error instanceof Error) {
    const cause = error.cause;
    if (cause instanceof Error) return cause.message;
    return error.message;
  }
  return "unknown error";
}
