import type { Sleep, ZoomClock } from "./clock.js";
import { isDailyLimit } from "./rate-limit-headers.js";
import type { Redactor } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { isRetryable, markRetryable, withAttempts, ZoomApiError } from "./zoom-api-error.js";

/**
 * Sends one attempt of `request`; `signal` aborts on the attempt's timeout or the caller's abort.
 * A ZoomApiError it throws must come from its own work (the token endpoint), before the request
 * went out or after Zoom refused it as unauthenticated: the loop takes it as proof that Zoom did
 * not act on the request.
 */
export type AttemptSender = (request: Request, signal: AbortSignal) => Promise<Response>;

export interface RetryPolicy {
  /** Extra attempts after the first; which failures earn one depends on the method (see IDEMPOTENT_METHODS). */
  retries: number;
  /** Upper bound of any single wait, whether from Retry-After or from backoff. */
  maxDelayMs: number;
  /** First backoff window; it doubles with every attempt (full jitter picks a point inside). */
  baseDelayMs: number;
  /** A number in [0, 1); injectable so tests get fixed delays. */
  random: () => number;
  sleep: Sleep;
}

export interface ResilientFetchOptions {
  /** Per attempt, not per call: a single timer for the whole call would starve the retries. */
  timeoutMs: number;
  retry: RetryPolicy;
  clock: ZoomClock;
  /** Applied to every error thrown from here. */
  redactor: Redactor;
}

interface Outcome {
  attempts: number;
  release?: () => void;
}

// openapi-fetch hands the caller the Response (or the caller's abort reason) itself, so what
// the retry loop knows about it travels in a WeakMap rather than on the immutable response.
const outcomes = new WeakMap<object, Outcome>();

/** How many attempts led to this response or abort reason, when it came through a resilient fetch. */
export function attemptsOf(outcome: object): number | undefined {
  return outcomes.get(outcome)?.attempts;
}

/**
 * Ends the attempt that produced `response`: its timer stays armed after the headers arrive so
 * that it also bounds reading the body, and whoever reads the body says when that is done.
 * The operation functions do; for a bare `client.GET` the timer simply expires later (it is unref'd and
 * its abort is a no-op once the body has been read).
 */
export function releaseAttempt(response: Response): void {
  outcomes.get(response)?.release?.();
}

function record<T>(outcome: T, attempts: number, release?: () => void): T {
  if (typeof outcome === "object" && outcome !== null) outcomes.set(outcome, { attempts, release });
  return outcome;
}

/**
 * A `fetch` for openapi-fetch's `createClient` that owns timeout and retry. It lives below
 * openapi-fetch rather than in middleware because middleware cannot re-send a request
 * (openapi-fetch #2075), and a client-level `AbortSignal.timeout` would start only once
 * (openapi-fetch #2567).
 *
 * It returns the last response even when it is an error (429/5xx after the last retry), so
 * `client.GET` keeps its `{ data, error, response }` contract. It throws `ZoomApiError`
 * (status 0) when no response arrived, and the caller's own abort reason unchanged.
 */
export function createResilientFetch(
  send: AttemptSender,
  options: ResilientFetchOptions,
): (request: Request) => Promise<Response> {
  const { timeoutMs, retry, clock, redactor } = options;

  return async function resilientFetch(request: Request): Promise<Response> {
    const caller = request.signal;
    const { retries } = retry;
    const idempotent = IDEMPOTENT_METHODS.has(request.method);

    for (let attempt = 1; ; attempt++) {
      const timer = new AttemptTimer(caller, timeoutMs, clock);
      let delayMs: number;
      try {
        // fetch leaves a Request's body used even when the connection was refused, so every
        // attempt that may be followed by another sends a copy and keeps `request` unread.
        const response = await send(attempt <= retries && request.body !== null ? request.clone() : request, timer.signal);
        delayMs = idempotent || response.status === 429 ? retryDelay(response, attempt, retries, retry, clock.now()) : -1;
        if (delayMs < 0) return record(response, attempt, timer.release);
        // Drain the discarded answer under the same timer so its connection can be reused.
        await response.arrayBuffer().catch(() => undefined);
        timer.release();
      } catch (error) {
        timer.release();
        if (caller.aborted) throw record(caller.reason, attempt);
        const failure = toAttemptFailure(error, request, timer.timedOut ? timeoutMs : undefined);
        const again = isRetryable(failure) && (idempotent || (!timer.timedOut && neverSent(error)));
        if (attempt > retries || !again) throw redactor.error(withAttempts(failure, attempt));
        delayMs = backoff(attempt, retry);
      }
      try {
        await retry.sleep(delayMs, caller);
      } catch (error) {
        throw record(caller.aborted ? caller.reason : error, attempt);
      }
    }
  };
}

/**
 * Methods that may be sent twice with the effect of once (RFC 9110 §9.2.2): they are retried on
 * network errors, timeouts, 429 and 5xx. POST and PATCH (and any method not listed) are retried
 * only on 429, which Zoom answers before doing anything, and when `neverSent` proves the
 * request did not leave: a timeout, a reset or a 5xx may come after Zoom acted on it.
 */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * Error codes (on the `cause` chain of fetch's TypeError) of failures before a connection
 * existed, so not one byte of the request was written. Not listed on purpose: ECONNRESET and
 * UND_ERR_SOCKET ("other side closed"), which undici reports alike whether the peer dropped the
 * connection before or after reading the request, and ETIMEDOUT, which a read can raise too.
 */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED", // nothing listens there: the connection was refused
  "ENOTFOUND", // the host name does not resolve: there was no one to connect to
  "EAI_AGAIN", // DNS failed for now: there was no address to connect to
  "UND_ERR_CONNECT_TIMEOUT", // undici's connect timeout: the TCP/TLS handshake never completed
]);

/** True when `error` proves that the request never reached Zoom (see NEVER_SENT_CODES). */
function neverSent(error: unknown): boolean {
  // The sender's own failures (the token endpoint): Zoom has not acted on the request (AttemptSender).
  if (error instanceof ZoomApiError) return true;
  // fetch failed ← Error{code}; a few links at most, bounded against a cyclic chain.
  let link: unknown = error;
  for (let depth = 0; depth < 4 && link instanceof Error; depth++, link = link.cause) {
    if (hasNeverSentCode(link)) {
      // Node's happy-eyeballs AggregateError carries the first address's code: every address must qualify.
      return !(link instanceof AggregateError) || link.errors.every((inner) => inner instanceof Error && hasNeverSentCode(inner));
    }
  }
  return false;
}

function hasNeverSentCode(error: Error): boolean {
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === "string" && NEVER_SENT_CODES.has(code);
}

/**
 * A fresh timer and signal for one attempt, linked to the caller's signal by hand: AbortSignal.any
 * on Node 20 keeps every combined signal alive as long as a long-lived caller signal lives.
 * A class with handleEvent rather than closures: this runs on every call.
 */
class AttemptTimer {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal;
  readonly #timeoutMs: number;
  readonly #clock: ZoomClock;
  readonly #timer: unknown;
  #timedOut = false;

  constructor(caller: AbortSignal, timeoutMs: number, clock: ZoomClock) {
    this.#caller = caller;
    this.#timeoutMs = timeoutMs;
    this.#clock = clock;
    // It may outlive the call (see releaseAttempt); the clock's timers do not keep the process alive.
    this.#timer = clock.setTimeout(this.#expire, timeoutMs);
    if (caller.aborted) this.#controller.abort(caller.reason);
    else caller.addEventListener("abort", this, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** The caller aborted: pass its reason on. */
  handleEvent(): void {
    this.#controller.abort(this.#caller.reason);
  }

  readonly release = (): void => {
    this.#clock.clearTimeout(this.#timer);
    this.#caller.removeEventListener("abort", this);
  };

  readonly #expire = (): void => {
    this.#timedOut = true;
    this.#caller.removeEventListener("abort", this);
    this.#controller.abort(new DOMException(`The attempt timed out after ${this.#timeoutMs} ms`, "TimeoutError"));
  };
}

/** Milliseconds to wait before the next attempt, or -1 to hand this response to the caller. */
function retryDelay(response: Response, attempt: number, retries: number, retry: RetryPolicy, now: number): number {
  const { status } = response;
  if (attempt > retries || (status !== 429 && status < 500)) return -1;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  // Retrying before the server allows it only earns another refusal, and waiting longer than the
  // caller allowed is not ours to decide: a Retry-After beyond the cap ends the call at once
  // (the error carries retryAfterMs). The daily limit (until 00:00 UTC) always lands here.
  if (retryAfterMs !== undefined) return retryAfterMs > retry.maxDelayMs ? -1 : retryAfterMs;
  // An unknown wait for the daily limit: it resets only at 00:00 UTC.
  if (status === 429 && isDailyLimit(response.headers)) return -1;
  return backoff(attempt, retry);
}

/** Exponential backoff with full jitter, so many clients hit by the same outage spread out. */
function backoff(attempt: number, retry: RetryPolicy): number {
  const window = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(retry.random() * window);
}

function toAttemptFailure(error: unknown, request: Request, timedOutAfterMs: number | undefined): ZoomApiError {
  if (error instanceof ZoomApiError) return error;
  const target = describeRequest(request);
  if (timedOutAfterMs !== undefined) {
    return markRetryable(
      new ZoomApiError({
        status: 0,
        message: `${target}: no response within ${timedOutAfterMs} ms`,
        attempts: 1,
        cause: error,
      }),
    );
  }
  // Anything else thrown by the fetch itself is a network failure (fetch rejects only for
  // those); inner layers that know better throw a classified ZoomApiError instead.
  return markRetryable(
    new ZoomApiError({
      status: 0,
      message: `${target}: network error (${describeNetworkError(error)})`,
      attempts: 1,
      cause: error,
    }),
  );
}

/** Method, origin and path only: no query string, and never userinfo from a baseUrl. */
export function describeRequest(request: Request): string {
  return `${request.method} ${describeUrl(request.url)}`;
}

/** Origin and path of `url`, or "the response" when it has none. */
export function describeUrl(url: string): string {
  if (!url) return "the response";
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** undici reports every network failure as "fetch failed"; the useful part is in `cause`. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}
