import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { abortableSleep, type Sleep } from "./abortable-sleep.js";
import { authorizedSender } from "./auth/authorized-sender.js";
import { serverToServerTokenSource, type ServerToServerCredentials } from "./auth/server-to-server-token.js";
import { accessTokenSource, type AccessTokenOption, type TokenSource } from "./auth/token-source.js";
import { registerClientSettings } from "./client-settings.js";
import { createResilientFetch } from "./resilient-fetch.js";

export type ZoomClient = Client<paths, "application/json">;

export interface ZoomRetryOptions {
  /** Extra attempts after the first, for GET on network errors, timeouts, 429 and 5xx. Default 2. */
  retries?: number;
  /** Cap on any single wait, Retry-After included. Default 60 000. */
  maxDelayMs?: number;
  /** First backoff window, doubled per attempt, with full jitter. Default 500. */
  baseDelayMs?: number;
  /** Random source in [0, 1) for the jitter. Default Math.random; inject for deterministic tests. */
  random?: () => number;
  /** How to wait; must reject with `signal.reason` when the signal aborts. Inject for fast tests. */
  sleep?: Sleep;
}

export interface ZoomClientOptions {
  /** Default https://api.zoom.us/v2. */
  baseUrl?: string;
  /** A bearer token, or a function asked for one before every attempt. */
  accessToken?: AccessTokenOption;
  /** Server-to-Server OAuth app credentials; the client then fetches and caches tokens itself. */
  serverToServer?: ServerToServerCredentials;
  /** Per attempt, not per call. Default 30 000. */
  timeoutMs?: number;
  retry?: ZoomRetryOptions;
  /** Check 2xx bodies of getWebinar against the contract. Default false. */
  validateResponses?: boolean;
  /** Default globalThis.fetch (looked up at call time, so it can be replaced later). */
  fetch?: typeof fetch;
}

export const DEFAULT_BASE_URL = "https://api.zoom.us/v2";

/**
 * An openapi-fetch client for the contract's `paths`, whose `fetch` adds the bearer token,
 * a fresh timeout per attempt and retries. No middleware is installed, so `client.use()`
 * stays free for the caller (their middleware runs once per call, around all attempts).
 */
export function createZoomClient(options: ZoomClientOptions): ZoomClient {
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = positiveNumber("timeoutMs", options.timeoutMs, 30_000);
  const retry = {
    retries: countOption("retry.retries", options.retry?.retries, 2),
    maxDelayMs: nonNegativeNumber("retry.maxDelayMs", options.retry?.maxDelayMs, 60_000),
    baseDelayMs: nonNegativeNumber("retry.baseDelayMs", options.retry?.baseDelayMs, 500),
    random: options.retry?.random ?? Math.random,
    sleep: options.retry?.sleep ?? abortableSleep,
  };

  const tokens = tokenSourceFor(options, fetchFn, timeoutMs);
  const resilientFetch = createResilientFetch(authorizedSender(tokens, fetchFn), { timeoutMs, retry });
  const client = createClient<paths, "application/json">({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    fetch: resilientFetch,
  });
  registerClientSettings(client, { validateResponses: options.validateResponses === true });
  return client;
}

function tokenSourceFor(options: ZoomClientOptions, fetchFn: typeof fetch, timeoutMs: number): TokenSource {
  const { accessToken, serverToServer } = options;
  if ((accessToken === undefined) === (serverToServer === undefined)) {
    throw new TypeError(
      "createZoomClient: pass exactly one of `accessToken` (a token or a function returning one) " +
        "or `serverToServer` ({ accountId, clientId, clientSecret })",
    );
  }
  if (accessToken !== undefined) {
    if (typeof accessToken === "string" ? accessToken.trim() === "" : typeof accessToken !== "function") {
      throw new TypeError("createZoomClient: `accessToken` must be a non-empty string or a function");
    }
    return accessTokenSource(accessToken);
  }
  const credentials = serverToServer as ServerToServerCredentials;
  for (const field of ["accountId", "clientId", "clientSecret"] as const) {
    const value: unknown = credentials[field];
    // Names the field, never its value: this one may be the secret.
    if (typeof value !== "string" || value.trim() === "") {
      throw new TypeError(`createZoomClient: \`serverToServer.${field}\` must be a non-empty string`);
    }
  }
  return serverToServerTokenSource(credentials, { fetch: fetchFn, timeoutMs });
}

function positiveNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`createZoomClient: \`${name}\` must be a positive number of milliseconds`);
  }
  return value;
}

function nonNegativeNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new TypeError(`createZoomClient: \`${name}\` must be a number ≥ 0`);
  }
  return value;
}

function countOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new TypeError(`createZoomClient: \`${name}\` must be an integer ≥ 0`);
  }
  return value;
}
