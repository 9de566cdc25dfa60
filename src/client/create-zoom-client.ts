import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { authorizedSender } from "./auth/authorized-sender.js";
import { lazyTokenSource } from "./auth/lazy-token-source.js";
import type { ServerToServerCredentials } from "./auth/server-to-server-token.js";
import { accessTokenSource, type AccessTokenOption, type TokenSource } from "./auth/token-source.js";
import { formatBytes, limitBody } from "./bounded-body.js";
import { registerClientSettings } from "./client-settings.js";
import { defaultSleep, systemClock, type Sleep, type ZoomClock } from "./clock.js";
import { Redactor } from "./redact.js";
import { attemptsOf, createResilientFetch, describeUrl, releaseAttempt } from "./resilient-fetch.js";
import type { ResponseDrift } from "./response-validator.js";
import { ZoomApiError } from "./zoom-api-error.js";

export type ZoomClient = Client<paths, "application/json">;

export interface ZoomRetryOptions {
  /**
   * Extra attempts after the first. Default 2. Which failures earn one depends on the method:
   * - GET, PUT, DELETE (and HEAD, OPTIONS) are idempotent: network errors, timeouts, 429 and 5xx.
   * - POST, PATCH (and any other method): only 429, which Zoom refuses before acting, and network
   *   failures that prove the request never left (connection refused, unknown host, connect
   *   timeout, a failed token fetch). Never a timeout, a reset after connecting, or a 5xx: Zoom
   *   may have acted on the request, and sending it again could do it twice.
   */
  retries?: number;
  /**
   * Cap on any single wait. A Retry-After longer than this is not waited out: the call fails at
   * once with a ZoomApiError whose `retryAfterMs` says how long the server asked for. Default 60 000.
   */
  maxDelayMs?: number;
  /** First backoff window, doubled per attempt, with full jitter. Default 500. */
  baseDelayMs?: number;
  /** Random source in [0, 1) for the jitter. Default Math.random; inject for deterministic tests. */
  random?: () => number;
  /** How to wait between attempts; must reject when the signal aborts. Default `node:timers/promises` setTimeout. */
  sleep?: Sleep;
}

export interface ZoomClientOptions {
  /** Default https://api.zoom.us/v2. */
  baseUrl?: string;
  /** A bearer token, or a function asked for one before every attempt. */
  accessToken?: AccessTokenOption;
  /**
   * Server-to-Server OAuth app credentials; the client then fetches and caches tokens itself,
   * until shortly before `expires_in` (capped at 24 h). A token response whose `expires_in` is
   * missing, not a number, zero or negative gives a token used only by the calls waiting on that
   * response, never cached: the next call asks for a new one. The token request is cancelled when
   * every call waiting on it has been aborted.
   */
  serverToServer?: ServerToServerCredentials;
  /** Per attempt, not per call. Default 30 000. */
  timeoutMs?: number;
  retry?: ZoomRetryOptions;
  /**
   * Check the 2xx body of every operation call against the contract. A wrong type or shape (a string where
   * the contract says integer, a missing required field) fails the call with a ZoomApiError
   * listing `mismatches`; drift (a value outside a documented enum, a field the contract does
   * not declare) does not: the call succeeds and `onDrift` hears about it. Default false.
   */
  validateResponses?: boolean;
  /**
   * With `validateResponses`, called once per drift found in a successful response (at most
   * 100 per response), after the body is checked and before the call resolves. Exceptions it
   * throws are ignored: drift never fails a call.
   */
  onDrift?: (drift: ResponseDrift) => void;
  /**
   * Largest response body read, in bytes. Past it the read is cancelled and the call fails with
   * a ZoomApiError saying so. Default 4 MiB: a webinar with 365 occurrences and every setting is
   * under 100 kB. Error bodies are read up to 64 KiB only (the rest is dropped: a message needs
   * the start), and token responses up to 64 KiB (a real one is a few hundred bytes).
   */
  maxBodyBytes?: number;
  /** Default globalThis.fetch (looked up at call time, so it can be replaced later). */
  fetch?: typeof fetch;
  /** Time as the client sees it (timeouts, token lifetimes, Retry-After dates). Inject for tests. */
  clock?: ZoomClock;
}

export const DEFAULT_BASE_URL = "https://api.zoom.us/v2";
export const DEFAULT_MAX_BODY_BYTES: number = 4 * 1024 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * An openapi-fetch client for the contract's `paths`, whose `fetch` adds the bearer token,
 * a fresh timeout per attempt and retries. No middleware is installed, so `client.use()`
 * stays free for the caller (their middleware runs once per call, around all attempts).
 */
export function createZoomClient(options: ZoomClientOptions): ZoomClient {
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = positiveNumber("timeoutMs", options.timeoutMs, 30_000);
  const maxBodyBytes = positiveInteger("maxBodyBytes", options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  const retry = {
    retries: countOption("retry.retries", options.retry?.retries, 2),
    maxDelayMs: nonNegativeNumber("retry.maxDelayMs", options.retry?.maxDelayMs, 60_000),
    baseDelayMs: nonNegativeNumber("retry.baseDelayMs", options.retry?.baseDelayMs, 500),
    random: options.retry?.random ?? Math.random,
    sleep: options.retry?.sleep ?? defaultSleep,
  };
  if (options.onDrift !== undefined && typeof options.onDrift !== "function") {
    throw new TypeError("createZoomClient: `onDrift` must be a function");
  }
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  refuseCredentialsInUrl("baseUrl", baseUrl);
  if (options.serverToServer?.tokenUrl !== undefined) {
    refuseCredentialsInUrl("serverToServer.tokenUrl", options.serverToServer.tokenUrl);
  }
  const clock = options.clock ?? systemClock;
  const redactor = new Redactor();

  const tokens = tokenSourceFor(options, fetchFn, timeoutMs, clock, redactor);
  const bodyTooLarge = tooLarge(maxBodyBytes);
  const boundedFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    fetchFn(input, init).then((response) =>
      response.ok
        ? limitBody(response, maxBodyBytes, bodyTooLarge)
        : limitBody(response, MAX_ERROR_BODY_BYTES, bodyTooLarge, true),
    );
  const resilientFetch = createResilientFetch(authorizedSender(tokens, boundedFetch), { timeoutMs, retry, clock, redactor });
  const client = createClient<paths, "application/json">({ baseUrl, fetch: resilientFetch });
  registerClientSettings(client, {
    validateResponses: options.validateResponses === true,
    onDrift: options.onDrift,
    redactor,
    clock,
    maxDelayMs: retry.maxDelayMs,
  });
  return client;
}

/** The error a body past `limit` fails with, raised while the caller reads the body. */
function tooLarge(limit: number): (limited: Response) => ZoomApiError {
  return (limited) => {
    releaseAttempt(limited);
    return new ZoomApiError({
      status: limited.status,
      message: `${describeUrl(limited.url)} → HTTP ${limited.status} but the body is larger than ${formatBytes(limit)} (maxBodyBytes); reading was cancelled`,
      attempts: attemptsOf(limited) ?? 1,
    });
  };
}

/**
 * fetch refuses URLs with credentials and quotes them in its error; Zoom takes none. Refused
 * here, naming the option and never its value.
 */
function refuseCredentialsInUrl(name: string, url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`createZoomClient: \`${name}\` must be an absolute http(s) URL`);
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new TypeError(`createZoomClient: \`${name}\` must not contain credentials (user:password@); Zoom takes them as a token`);
  }
}

function tokenSourceFor(
  options: ZoomClientOptions,
  fetchFn: typeof fetch,
  timeoutMs: number,
  clock: ZoomClock,
  redactor: Redactor,
): TokenSource {
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
    return accessTokenSource(accessToken, redactor);
  }
  const credentials = serverToServer as ServerToServerCredentials;
  for (const field of ["accountId", "clientId", "clientSecret"] as const) {
    const value: unknown = credentials[field];
    // Names the field, never its value: this one may be the secret.
    if (typeof value !== "string" || value.trim() === "") {
      throw new TypeError(`createZoomClient: \`serverToServer.${field}\` must be a non-empty string`);
    }
  }
  // The secret is redacted from the start; the OAuth code itself loads with the first token.
  // A copy, so a later change to the caller's object cannot change the client.
  redactor.addSecret(credentials.clientSecret);
  const snapshot: ServerToServerCredentials = { ...credentials };
  return lazyTokenSource(async () => {
    const { serverToServerTokenSource } = await import("./auth/server-to-server-token.js");
    return serverToServerTokenSource(snapshot, { fetch: fetchFn, timeoutMs, clock, redactor });
  });
}

function positiveNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`createZoomClient: \`${name}\` must be a positive number of milliseconds`);
  }
  return value;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`createZoomClient: \`${name}\` must be a positive integer`);
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
