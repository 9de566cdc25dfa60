// The real client against Prism serving the bundled contract: every response example the
// contract names must come back through getWebinar as the typed result (200) or as a
// ZoomApiError with the example's status and Zoom code, and every body Prism sends must fit the
// contract. The example list is read from generated/openapi.json, so a new example is tested
// the moment it is bundled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError, type ZoomClientOptions } from "../../src/index.js";
import { fetchPreferring, parameterExample, responseExamples, startPrismMock, type PrismMock, type PrismPreference, type ResponseExample } from "../../tools/mock/index.js";
import { compileSchema, createOpenApiAjv, formatAjvErrors } from "../../tools/spec/openapi-ajv.js";
import { loadBundledContract } from "./support/contract.js";

const document = loadBundledContract();
const ajv = createOpenApiAjv(document);
const examples = responseExamples(document);
const okExamples = examples.filter((example) => example.status >= 200 && example.status < 300);
const errorExamples = examples.filter((example) => example.status >= 400);
const accountId = parameterExample(document, "AccountId");
const webinarId = parameterExample(document, "WebinarId");

interface Exchange {
  status: number;
  headers: Headers;
  body: string;
}

let mock: PrismMock | undefined;
const prismLog: string[] = [];

beforeAll(async () => {
  const started = performance.now();
  // --errors: a request of the client that breaks the contract gets an error, not an answer.
  mock = await startPrismMock({ errors: true, onOutput: (line) => prismLog.push(line) });
  console.log(`contract: Prism ready on ${mock.baseUrl} in ${Math.round(performance.now() - started)} ms`);
}, 60_000);

afterAll(async () => {
  await mock?.stop();
});

/** A client asking the mock for one example; every exchange is recorded as it came off the wire. */
function clientFor(preference: PrismPreference, overrides: Partial<ZoomClientOptions> = {}) {
  if (mock === undefined) throw new Error("Prism did not start (see beforeAll)");
  const exchanges: Exchange[] = [];
  const preferring = fetchPreferring(preference);
  const recording: typeof fetch = async (input, init) => {
    const response = await preferring(input, init);
    exchanges.push({ status: response.status, headers: response.headers, body: await response.clone().text() });
    return response;
  };
  const zoom = createZoomClient({
    // Under /v2, the production base path, as the client's default base URL has it.
    baseUrl: `${mock.baseUrl}${mock.basePath}`,
    // Prism checks that the security scheme is used, not the token's value.
    accessToken: "contract-test-token",
    validateResponses: true,
    timeoutMs: 10_000,
    fetch: recording,
    ...overrides,
    // Zoom's 429 is retried by default; here each example must map to exactly one answer.
    retry: { retries: 0, ...overrides.retry },
  });
  return { zoom, exchanges };
}

/** The body fits the schema the contract gives for its status, and Prism saw no violation. */
function expectOnContract(exchange: Exchange | undefined, example: ResponseExample): void {
  expect(exchange, "a response was recorded").toBeDefined();
  if (exchange === undefined) return;
  expect(exchange.status).toBe(example.status);
  // Prism lists what broke the contract in either direction (request or its own response) here.
  expect(exchange.headers.get("sl-violations"), "Prism's contract violations").toBeNull();
  const validate = compileSchema(ajv, example.schemaPointer);
  const body: unknown = JSON.parse(exchange.body);
  expect(validate(body) ? [] : formatAjvErrors(validate.errors), `body against ${example.schemaPointer}`).toEqual([]);
}

function rateLimitFrom(headers: Headers) {
  const number = (name: string) => (headers.has(name) ? Number(headers.get(name)) : undefined);
  return Object.fromEntries(
    Object.entries({
      category: headers.get("x-ratelimit-category") ?? undefined,
      type: headers.get("x-ratelimit-type") ?? undefined,
      limit: number("x-ratelimit-limit"),
      remaining: number("x-ratelimit-remaining"),
    }).filter(([, value]) => value !== undefined),
  );
}

describe("examples of the contract", () => {
  it("include 200 bodies and at least one example for every documented error status", () => {
    expect(okExamples.map((e) => e.name)).toEqual(expect.arrayContaining(["recurringWebinar", "scheduledWebinar"]));
    const operation = (document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)["/accounts/{accountId}/webinars/{webinarId}"]?.get;
    const documentedErrors = Object.keys(operation?.responses ?? {}).filter((status) => /^[45]\d\d$/.test(status)).map(Number);
    expect(documentedErrors.length).toBeGreaterThan(0);
    for (const status of documentedErrors) {
      expect(errorExamples.filter((e) => e.status === status).length, `examples for HTTP ${status}`).toBeGreaterThan(0);
    }
  });
});

describe.each(okExamples.map((example) => [`${example.status} ${example.name}`, example] as const))("Prism answers %s", (_, example) => {
  it("and getWebinar returns the example, validated against the contract", async () => {
    const { zoom, exchanges } = clientFor({ code: example.status, example: example.name });
    const webinar = await getWebinar(zoom, { accountId, webinarId });
    expect(webinar).toEqual(example.value);
    expect(exchanges).toHaveLength(1);
    expectOnContract(exchanges[0], example);
  });
});

describe.each(errorExamples.map((example) => [`${example.status} ${example.name}`, example] as const))("Prism answers %s", (_, example) => {
  const zoomError = example.value as { code: number; message: string };

  it("and getWebinar rejects with a ZoomApiError carrying the status and Zoom code", async () => {
    const { zoom, exchanges } = clientFor({ code: example.status, example: example.name });
    const error = await getWebinar(zoom, { accountId, webinarId }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ZoomApiError);
    if (!(error instanceof ZoomApiError)) return;
    expect(error.status).toBe(example.status);
    expect(error.code).toBe(zoomError.code);
    expect(error.message).toContain(zoomError.message);
    expect(error.attempts).toBe(1);
    expect(exchanges).toHaveLength(1);
    const exchange = exchanges[0];
    expectOnContract(exchange, example);
    if (exchange === undefined) return;
    expect(error.rateLimit ?? {}).toEqual(rateLimitFrom(exchange.headers));
    const retryAfter = exchange.headers.get("retry-after");
    expect(error.retryAfterMs).toBe(retryAfter === null ? undefined : Number(retryAfter) * 1000);
  });

  if (example.status === 429) {
    it("and, with one retry allowed, the client waits as Retry-After says and tries once more", async () => {
      const sleeps: number[] = [];
      const { zoom, exchanges } = clientFor(
        { code: example.status, example: example.name },
        { retry: { retries: 1, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) } },
      );
      const error = await getWebinar(zoom, { accountId, webinarId }).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ZoomApiError);
      expect((error as ZoomApiError).attempts).toBe(2);
      expect(exchanges).toHaveLength(2);
      const retryAfter = exchanges[0]?.headers.get("retry-after");
      expect(retryAfter, "the contract's 429 carries Retry-After").not.toBeNull();
      expect(sleeps).toEqual([Number(retryAfter) * 1000]);
    });
  }
});

describe("requests of the client", () => {
  it("pass Prism's request validation with every optional parameter and a UUID that needs encoding", async () => {
    const { zoom, exchanges } = clientFor({});
    await getWebinar(zoom, {
      accountId,
      webinarId: "m3W/qMkvuRXy+YqH/eKWhk9w==",
      occurrenceId: "1648194360000",
      showPreviousOccurrences: true,
    });
    expect(exchanges.map((exchange) => [exchange.status, exchange.headers.get("sl-violations")])).toEqual([[200, null]]);
  });

  it("without a token are refused by Prism as the contract's security demands", async () => {
    if (mock === undefined) throw new Error("Prism did not start (see beforeAll)");
    const response = await fetch(`${mock.baseUrl}${mock.basePath}/accounts/${accountId}/webinars/${webinarId}`);
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});
