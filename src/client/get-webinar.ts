import type { components, paths } from "../../generated/schema.js";
import { clientSettings, type ClientSettings } from "./client-settings.js";
import type { ZoomClient } from "./create-zoom-client.js";
import { errorFromResponse } from "./error-from-response.js";
import { requirePathParam, webinarIdForPath, webinarNumberForPath } from "./path-params.js";
import { readRateLimitHeaders } from "./rate-limit-headers.js";
import { attemptsOf, describeUrl, releaseAttempt } from "./resilient-fetch.js";
import { textSnippet } from "./response-text.js";
import { checkResponse } from "./response-validator.js";
import { ZoomApiError } from "./zoom-api-error.js";

export type Webinar = components["schemas"]["Webinar"];

type GetWebinarOperation = paths["/accounts/{accountId}/webinars/{webinarId}"]["get"];
type PathParams = GetWebinarOperation["parameters"]["path"];
type QueryParams = NonNullable<GetWebinarOperation["parameters"]["query"]>;

export interface GetWebinarParams {
  /** The sub account that owns the webinar. */
  accountId: PathParams["accountId"];
  /** The numeric webinar ID (as string or number) or a webinar instance UUID, unencoded. */
  webinarId: PathParams["webinarId"] | NonNullable<Webinar["id"]>;
  occurrenceId?: QueryParams["occurrence_id"];
  showPreviousOccurrences?: QueryParams["show_previous_occurrences"];
}

export interface GetWebinarOptions {
  /** Aborts the call, including any wait between retries; an abort is never retried. */
  signal?: AbortSignal;
  /**
   * Extra request headers for this call (e.g. `Prefer: code=404` for the mock). Checked before
   * anything is sent; `Authorization` is refused, since the client sets it.
   */
  headers?: HeadersInit;
}

const PATH = "/accounts/{accountId}/webinars/{webinarId}";

/**
 * Gets one webinar of a sub account. Resolves with the webinar; every failure (HTTP error,
 * network, timeout, abort, unreadable, oversized or off-contract body) rejects with
 * ZoomApiError, redacted. Only invalid arguments reject with TypeError, before anything is sent.
 */
export async function getWebinar(
  client: ZoomClient,
  params: GetWebinarParams,
  options: GetWebinarOptions = {},
): Promise<Webinar> {
  const accountId = requirePathParam("accountId", params.accountId);
  const webinarId =
    typeof params.webinarId === "number"
      ? webinarNumberForPath(params.webinarId)
      : webinarIdForPath(requirePathParam("webinarId", params.webinarId));
  const headers = options.headers === undefined ? undefined : requestHeaders(options.headers);
  const query: QueryParams = {};
  if (params.occurrenceId !== undefined) query.occurrence_id = params.occurrenceId;
  if (params.showPreviousOccurrences !== undefined) {
    query.show_previous_occurrences = params.showPreviousOccurrences;
  }
  const settings = clientSettings(client);
  try {
    return await call(client, settings, { accountId, webinarId }, query, headers, options.signal);
  } catch (error) {
    throw settings.redactor.error(asZoomApiError(error, options.signal, `GET ${PATH}`));
  }
}

async function call(
  client: ZoomClient,
  settings: ClientSettings,
  path: PathParams,
  query: QueryParams,
  headers: Headers | undefined,
  signal: AbortSignal | undefined,
): Promise<Webinar> {
  // The body is read as text and parsed here, not by openapi-fetch, so a 200 that is not JSON
  // becomes a ZoomApiError with the status and a snippet instead of a bare SyntaxError.
  const { data, error, response } = await client.GET(PATH, {
    params: { path, query },
    parseAs: "text",
    signal,
    ...(headers === undefined ? {} : { headers }),
  });
  // openapi-fetch has read the body: the attempt's timer has nothing left to guard.
  releaseAttempt(response);
  const attempts = attemptsOf(response) ?? 1;
  if (!response.ok) {
    throw errorFromResponse(response, error, attempts, describeResponse(response), settings.clock.now(), settings.maxDelayMs);
  }

  const webinar = parseBody(data, response, attempts);
  if (!settings.validateResponses) return webinar as Webinar;
  // Loaded on the first validated call only (then from the module cache): an application that
  // never validates never loads it. Standalone code from `npm run generate`: no Ajv at run time.
  const { default: validateWebinar } = await import("../../generated/validators/Webinar.js");
  const { mismatches, drift } = checkResponse(validateWebinar, webinar);
  if (mismatches.length > 0) {
    const shown = mismatches.slice(0, 5).map((m) => `${m.instancePath || "(body)"} ${m.message}`);
    const more = mismatches.length > shown.length ? `; and ${mismatches.length - shown.length} more` : "";
    throw new ZoomApiError({
      status: response.status,
      message: `${describeResponse(response)} → HTTP ${response.status} but the body does not match the Webinar schema: ${shown.join("; ")}${more}`,
      attempts,
      rateLimit: readRateLimitHeaders(response.headers),
      mismatches,
    });
  }
  if (settings.onDrift !== undefined) {
    for (const found of drift) {
      try {
        settings.onDrift(found);
      } catch {
        // Drift never fails a call, not even through the callback that hears about it.
      }
    }
  }
  return webinar as Webinar;
}

/** The caller's headers as a Headers object; a TypeError (before sending) when they are invalid. */
function requestHeaders(init: HeadersInit): Headers {
  let headers: Headers;
  try {
    headers = new Headers(init);
  } catch {
    // undici's message quotes the offending value, which may be anything the caller holds.
    throw new TypeError("getWebinar: `headers` must be valid HTTP header names and values");
  }
  if (headers.has("authorization")) {
    throw new TypeError("getWebinar: `headers` must not set Authorization; the client sets it from its credentials");
  }
  return headers;
}

function parseBody(data: string | undefined, response: Response, attempts: number): object {
  const fail = (what: string): ZoomApiError =>
    new ZoomApiError({
      status: response.status,
      message: `${describeResponse(response)} → HTTP ${response.status} but ${what}`,
      attempts,
      rateLimit: readRateLimitHeaders(response.headers),
    });
  if (data === undefined || data === "") throw fail("the body is empty");
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw fail(`the body is not JSON: ${textSnippet(data)}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw fail(`the body is not a JSON object: ${textSnippet(data)}`);
  }
  return body;
}

function asZoomApiError(error: unknown, signal: AbortSignal | undefined, target: string): ZoomApiError {
  if (error instanceof ZoomApiError) return error;
  const attempts = (typeof error === "object" && error !== null && attemptsOf(error)) || 1;
  if (signal?.aborted) {
    return new ZoomApiError({ status: 0, message: `${target}: aborted by the caller`, attempts, cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ZoomApiError({ status: 0, message: `${target}: ${reason}`, attempts, cause: error });
}

function describeResponse(response: Response): string {
  return response.url ? `GET ${describeUrl(response.url)}` : `GET ${PATH}`;
}
