import { isRecord } from "../util/json-pointer.js";
import { clientSettings, type ClientSettings } from "./client-settings.js";
import type { ZoomClient } from "./create-zoom-client.js";
import { errorFromResponse } from "./error-from-response.js";
import type { CallOptions, OperationDescriptor, OperationId } from "./operation-types.js";
import { requirePathParam, webinarIdForPath, webinarNumberForPath } from "./path-params.js";
import { readRateLimitHeaders } from "./rate-limit-headers.js";
import { requestHeaders } from "./request-headers.js";
import { attemptsOf, describeUrl, releaseAttempt } from "./resilient-fetch.js";
import { textSnippet } from "./response-text.js";
import { checkResponse, type ResponseValidator } from "./response-validator.js";
import { ZoomApiError } from "./zoom-api-error.js";

// Path parameters that may hold a webinar instance UUID, which Zoom wants encoded twice when it
// starts with `/` or contains `//` (see webinarIdForPath).
const UUID_PARAMS = new Set(["webinarId", "WebinarUUID"]);

/** The request an operation sends, built from the caller's arguments; TypeError when they are invalid. */
interface PreparedRequest {
  path: Record<string, string>;
  query: Record<string, string | number | boolean>;
  headers: Headers | undefined;
}

/**
 * Calls one operation: the arguments are checked before anything is sent (TypeError), the
 * request goes through the client's auth, timeouts and retries, and every failure after that
 * rejects with one redacted ZoomApiError. Resolves with the parsed 2xx body, or undefined when
 * the operation documents none (204).
 */
export async function callOperation<K extends OperationId>(
  client: ZoomClient,
  operation: OperationDescriptor<K>,
  params: unknown,
  body: unknown,
  options: CallOptions = {},
): Promise<unknown> {
  const prepared = prepareRequest(operation, params, options);
  if (operation.body === "json" && !isRecord(body)) {
    throw new TypeError(`${operation.id}: the request body must be an object`);
  }
  // An upload is read and checked here, outside the try below: a refused file is a TypeError
  // and nothing is sent. Its module loads on the first upload only, like a validator.
  const sent =
    operation.body === "multipart" && operation.upload !== undefined
      ? await (await import("./upload-form.js")).uploadForm({ ...operation, upload: operation.upload }, body)
      : body;
  const settings = clientSettings(client);
  try {
    return await send(client, settings, operation, prepared, sent, options.signal);
  } catch (error) {
    throw settings.redactor.error(asZoomApiError(error, options.signal, `${operation.method} ${operation.path}`));
  }
}

/** Throws the TypeError `callOperation` would for these arguments (for `paginate`, which checks up front). */
export function checkCallArguments(operation: OperationDescriptor, params: unknown, options: CallOptions): void {
  prepareRequest(operation, params, options);
}

/** A TypeError for the first key of `params` not in `known`: a misspelt parameter would otherwise be dropped without a word. */
export function refuseUnknownParams(operationId: string, params: Record<string, unknown>, known: ReadonlySet<string>): void {
  for (const name of Object.keys(params)) {
    if (!known.has(name)) throw new TypeError(`${operationId}: unknown parameter \`${name}\`; it takes ${[...known].map((n) => `\`${n}\``).join(", ")}`);
  }
}

// Built once per operation: every call checks its keys against it.
const parameterSets = new WeakMap<OperationDescriptor, ReadonlySet<string>>();

function parameterNames(operation: OperationDescriptor): ReadonlySet<string> {
  let names = parameterSets.get(operation);
  if (names === undefined) {
    names = new Set([...operation.pathParams, ...operation.query]);
    parameterSets.set(operation, names);
  }
  return names;
}

function prepareRequest(operation: OperationDescriptor, params: unknown, options: CallOptions): PreparedRequest {
  if (!isRecord(params)) throw new TypeError(`${operation.id}: \`params\` must be an object`);
  refuseUnknownParams(operation.id, params, parameterNames(operation));
  const path: Record<string, string> = {};
  for (const name of operation.pathParams) {
    const value = params[name];
    if (typeof value === "number" && UUID_PARAMS.has(name)) path[name] = webinarNumberForPath(operation.id, name, value);
    else {
      const text = requirePathParam(operation.id, name, value);
      path[name] = UUID_PARAMS.has(name) ? webinarIdForPath(text) : text;
    }
  }
  const query: Record<string, string | number | boolean> = {};
  for (const name of operation.query) {
    const value = params[name];
    if (value === undefined) continue;
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
      query[name] = value;
    } else {
      throw new TypeError(`${operation.id}: \`${name}\` must be a string, a finite number or a boolean`);
    }
  }
  const headers = options.headers === undefined ? undefined : requestHeaders(operation.id, options.headers);
  return { path, query, headers };
}

// openapi-fetch's `request` is typed per path and method; the descriptor holds them as plain
// strings, so it is called through this narrower signature. The operation's public types come
// from generated/schema.d.ts (operation-types.ts), not from here.
type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

async function send(
  client: ZoomClient,
  settings: ClientSettings,
  operation: OperationDescriptor,
  prepared: PreparedRequest,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const { data, error, response } = await (client.request as unknown as LooseRequest)(operation.method, operation.path, {
    params: { path: prepared.path, query: prepared.query },
    // Read as text and parsed here, so a 2xx that is not JSON becomes a ZoomApiError, not a SyntaxError.
    parseAs: "text",
    signal,
    ...(prepared.headers === undefined ? {} : { headers: prepared.headers }),
    ...(operation.body === undefined ? {} : { body }),
    // The FormData goes to fetch as it is, which sets multipart/form-data with its boundary
    // (openapi-fetch sets no Content-Type for a FormData body).
    ...(body instanceof FormData ? { bodySerializer: (form: FormData) => form } : {}),
  });
  // openapi-fetch has read the body: the attempt's timer has nothing left to guard.
  releaseAttempt(response);
  const attempts = attemptsOf(response) ?? 1;
  const target = describeResponse(operation, response);
  if (!response.ok) {
    throw errorFromResponse(response, error, attempts, target, settings.clock.now(), settings.maxDelayMs);
  }
  // An operation documented as 204 has no answer to hand back, whatever arrived.
  if (operation.validator === undefined) return undefined;
  const value = parseBody(data, response, attempts, target);
  if (!settings.validateResponses) return value;
  const { mismatches, drift } = checkResponse(validators.get(operation) ?? (await loadValidator(operation, operation.validator)), value);
  if (mismatches.length > 0) {
    const shown = mismatches.slice(0, 5).map((m) => `${m.instancePath || "(body)"} ${m.message}`);
    const more = mismatches.length > shown.length ? `; and ${mismatches.length - shown.length} more` : "";
    throw new ZoomApiError({
      status: response.status,
      message: `${target} → HTTP ${response.status} but the body does not match the ${operation.schema ?? "response"} schema: ${shown.join("; ")}${more}`,
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
  return value;
}

// Loaded validators by operation: awaiting the module's import() again costs more per call than
// checking a typical body.
const validators = new WeakMap<OperationDescriptor, ResponseValidator>();

async function loadValidator(operation: OperationDescriptor, load: NonNullable<OperationDescriptor["validator"]>): Promise<ResponseValidator> {
  // The named export: loaded by import() from the CommonJS build, a module's `default` is its
  // whole `module.exports`, while named exports come through in both formats.
  const { validate } = await load();
  validators.set(operation, validate as ResponseValidator);
  return validate as ResponseValidator;
}

function parseBody(data: unknown, response: Response, attempts: number, target: string): object {
  const fail = (what: string): ZoomApiError =>
    new ZoomApiError({
      status: response.status,
      message: `${target} → HTTP ${response.status} but ${what}`,
      attempts,
      rateLimit: readRateLimitHeaders(response.headers),
    });
  if (typeof data !== "string" || data === "") throw fail("the body is empty");
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw fail(`the body is not JSON: ${textSnippet(data)}`);
  }
  if (!isRecord(body)) throw fail(`the body is not a JSON object: ${textSnippet(data)}`);
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

function describeResponse(operation: OperationDescriptor, response: Response): string {
  return `${operation.method} ${response.url ? describeUrl(response.url) : operation.path}`;
}

