import { Buffer } from "node:buffer";
import { raceAbort } from "../abortable-sleep.js";
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
  now?: () => number;
}

export const DEFAULT_TOKEN_URL = "https://zoom.us/oauth/token";
// Zoom sends expires_in 3599 today; this is used only if a response leaves it out.
const FALLBACK_LIFETIME_S = 3600;
// Refresh a little early so a token does not expire between leaving here and reaching Zoom.
const MAX_REFRESH_MARGIN_MS = 60_000;

/**
 * Server-to-Server OAuth (`account_credentials` grant). The token is cached until shortly before
 * `expires_in`, and concurrent callers share one in-flight request. Credentials and token live
 * only in this closure: nothing reachable from the client or an error holds them.
 */
export function serverToServerTokenSource(
  credentials: ServerToServerCredentials,
  options: ServerToServerTokenOptions,
): TokenSource {
  const { accountId, clientId, clientSecret } = credentials;
  const tokenUrl = credentials.tokenUrl ?? DEFAULT_TOKEN_URL;
  const now = options.now ?? Date.now;
  const basic = Buffer.from(`${clientId}:${clientSecret}`, "utf8").toString("base64");
  const body = new URLSearchParams({ grant_type: "account_credentials", account_id: accountId }).toString();

  let cached: { token: string; refreshAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
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
        // Its own timer, not a caller's signal: the request is shared, and one caller giving
        // up must not fail it for the others.
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw markRetryable(
        new ZoomApiError({
          status: 0,
          message: `Zoom OAuth token request to ${origin(tokenUrl)} failed (${reason(error)})`,
          attempts: 1,
          cause: error,
        }),
      );
    }
    if (!response.ok) {
      const failure = new ZoomApiError({
        status: response.status,
        message: redact(
          `Zoom OAuth token request failed: HTTP ${response.status} ${response.statusText}${oauthReason(text)}`,
        ),
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
    const lifetimeMs = parsed.expiresInS * 1000;
    cached = {
      token: parsed.token,
      refreshAt: now() + lifetimeMs - Math.min(MAX_REFRESH_MARGIN_MS, lifetimeMs / 10),
    };
    return parsed.token;
  }

  // The token endpoint's answer is not ours to trust with our secrets: strip them if echoed.
  function redact(message: string): string {
    let out = message;
    for (const secret of [clientSecret, basic, cached?.token]) {
      if (secret) out = out.split(secret).join("[redacted]");
    }
    return out;
  }

  const current = (): string | undefined =>
    cached !== undefined && now() < cached.refreshAt ? cached.token : undefined;

  return {
    current,
    get(signal) {
      const token = current();
      if (token !== undefined) return Promise.resolve(token);
      inflight ??= requestToken().finally(() => {
        inflight = undefined;
      });
      return raceAbort(inflight, signal);
    },
    invalidate(rejected) {
      // Several calls may fail with the same stale token; only the first drops it, the others
      // then share the refresh that one starts (or its result).
      if (cached?.token === rejected) cached = undefined;
      return true;
    },
  };
}

function parseTokenResponse(text: string): { token: string; expiresInS: number } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  const { access_token: token, expires_in: expiresIn } = json as Record<string, unknown>;
  if (typeof token !== "string" || token === "") return undefined;
  const expiresInS = typeof expiresIn === "number" && expiresIn > 0 ? expiresIn : FALLBACK_LIFETIME_S;
  return { token, expiresInS };
}

/** Zoom's OAuth errors look like `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`. */
function oauthReason(text: string): string {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const parts = [json.error, json.reason ?? json.error_description].filter((p) => typeof p === "string");
    if (parts.length > 0) return ` (${parts.join(": ")})`;
  } catch {
    // not JSON: say nothing rather than echo an arbitrary page
  }
  return "";
}

function origin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "the token URL";
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = error.cause;
    if (cause instanceof Error) return cause.message;
    return error.message;
  }
  return "unknown error";
}
