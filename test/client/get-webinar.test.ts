import { Buffer } from "node:buffer";
import { describe, expect, it, vi } from "vitest";
import { defaultSleep } from "../../src/client/clock.js";
import { createZoomClient, getWebinar, ZoomApiError } from "../../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, fastClient, MASTER_ACCOUNT, SUB_ACCOUNT } from "./support/clients.js";
import { destroySocket, gated, hang, json, fakeZoomPerTest, text, type FakeZoom } from "./support/fake-zoom.js";
import { CLOCK_START } from "./support/manual-clock.js";
import { example, recurringWebinar } from "./support/spec-examples.js";

// Outcomes never depend on time (manual clock, gated answers); the timeout is only a net for a
// machine shared by many processes.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let fake: FakeZoom;
fakeZoomPerTest((started) => (fake = started));

/** The rejection of `promise`, asserted to be a ZoomApiError. */
async function zoomError(promise: Promise<unknown>): Promise<ZoomApiError> {
  const error = await promise.then(
    () => expect.fail("expected a rejection"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

const WEBINAR_PATH = `/v2/accounts/${SUB_ACCOUNT}/webinars/97871060099`;

describe("200: typed round trip", () => {
  it("sends the exact request and returns the example webinar", async () => {
    fake.api(json(200, recurringWebinar(), { "X-RateLimit-Category": "Light" }));
    const { zoom } = fastClient(fake);

    const webinar = await getWebinar(zoom, {
      accountId: SUB_ACCOUNT,
      webinarId: "97871060099",
      occurrenceId: "1648194360000",
      showPreviousOccurrences: true,
    });

    expect(webinar).toEqual(recurringWebinar());
    expect(webinar.settings?.audio).toBe("both");

    expect(fake.tokenRequests).toHaveLength(1);
    const [tokenRequest] = fake.tokenRequests;
    expect(tokenRequest?.method).toBe("POST");
    expect(tokenRequest?.rawUrl).toBe("/oauth/token");
    expect(tokenRequest?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(tokenRequest?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
    );
    expect(tokenRequest?.body).toBe(`grant_type=account_credentials&account_id=${MASTER_ACCOUNT}`);

    expect(fake.apiRequests).toHaveLength(1);
    const [request] = fake.apiRequests;
    expect(request?.method).toBe("GET");
    expect(request?.rawUrl).toBe(`${WEBINAR_PATH}?occurrence_id=1648194360000&show_previous_occurrences=true`);
    expect(request?.headers.authorization).toBe("Bearer token-1");
    expect(request?.body).toBe("");
  });

  it("serialises show_previous_occurrences=false as the text false, and omits absent query params", async () => {
    fake.api(json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: 97871060099, showPreviousOccurrences: false });
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    expect(fake.apiRequests.map((r) => r.rawUrl)).toEqual([
      `${WEBINAR_PATH}?show_previous_occurrences=false`,
      WEBINAR_PATH,
    ]);
    // One token for both calls: it is cached.
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it("uses a static access token, or asks a token function before each attempt", async () => {
    fake.api(json(200, recurringWebinar()));
    const fixed = createZoomClient({ baseUrl: fake.baseUrl, accessToken: "static-token" });
    await getWebinar(fixed, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    let n = 0;
    const fromFunction = createZoomClient({ baseUrl: fake.baseUrl, accessToken: async () => `fn-token-${++n}` });
    await getWebinar(fromFunction, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    expect(fake.apiRequests.map((r) => r.headers.authorization)).toEqual(["Bearer static-token", "Bearer fn-token-1"]);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it("keeps openapi-fetch's { data, error, response } contract for zoom.GET", async () => {
    fake.api(json(200, recurringWebinar()), json(404, example("ErrorWebinarNotFound")));
    const { zoom } = fastClient(fake);
    const path = { accountId: SUB_ACCOUNT, webinarId: "97871060099" };
    const ok = await zoom.GET("/accounts/{accountId}/webinars/{webinarId}", { params: { path } });
    expect(ok.error).toBeUndefined();
    expect(ok.data?.topic).toBe("My Webinar");
    expect(ok.response.status).toBe(200);
    expect(ok.response.url).toBe(`${fake.baseUrl}/accounts/${SUB_ACCOUNT}/webinars/97871060099`);
    const missing = await zoom.GET("/accounts/{accountId}/webinars/{webinarId}", { params: { path } });
    expect(missing.data).toBeUndefined();
    expect(missing.error).toEqual({ code: 3001, message: "Webinar does not exist: 97871060099." });
    expect(missing.response.status).toBe(404);
  });
});

describe("HTTP errors become ZoomApiError", () => {
  it("400 with Zoom code 300, not retried", async () => {
    fake.api(json(400, example("ErrorInvalidWebinarId"), { "X-RateLimit-Category": "Light", "X-RateLimit-Type": "QPS", "X-RateLimit-Limit": "30", "X-RateLimit-Remaining": "29" }));
    const { zoom, sleeps } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" }));
    expect(error).toMatchObject({ status: 400, code: 300, attempts: 1 });
    expect(error.message).toContain("HTTP 400 Bad Request: Invalid Webinar ID. (Zoom code 300)");
    expect(error.rateLimit).toEqual({ category: "Light", type: "QPS", limit: 30, remaining: 29 });
    expect(fake.apiRequests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("404 with Zoom code 3001", async () => {
    fake.api(json(404, example("ErrorWebinarNotFound")));
    const { zoom } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toMatchObject({ status: 404, code: 3001, attempts: 1, name: "ZoomApiError" });
    expect(error.message).toContain("Webinar does not exist: 97871060099.");
    expect(error.message).toContain(`GET ${fake.baseUrl}/accounts/${SUB_ACCOUNT}/webinars/97871060099`);
  });

  it("401 code 124: drops the token, fetches one new token, resends once and succeeds", async () => {
    fake.api(json(401, example("ErrorInvalidAccessToken")), json(200, recurringWebinar()));
    const { zoom, sleeps } = fastClient(fake);
    const webinar = await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    expect(webinar.id).toBe(97871060099);
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.apiRequests.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(sleeps).toEqual([]);
  });

  it("401 code 124 twice: one refresh only, then the error", async () => {
    fake.api(json(401, example("ErrorInvalidAccessToken")));
    const { zoom } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toMatchObject({ status: 401, code: 124 });
    expect(fake.apiRequests).toHaveLength(2);
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("401 with another code (missing scopes) is not a token problem: no refresh", async () => {
    fake.api(json(401, example("ErrorMissingScopes")));
    const { zoom } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toMatchObject({ status: 401, code: 4711 });
    expect(fake.apiRequests).toHaveLength(1);
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it("502 with an HTML page: status text and a readable snippet, after the retries", async () => {
    const page = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    fake.api(text(502, page));
    const { zoom, sleeps } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error.status).toBe(502);
    expect(error.code).toBeUndefined();
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/HTTP 502 Bad Gateway: 502 Bad Gateway 502 Bad Gateway nginx$/);
    expect(error.message).not.toContain("<");
    expect(sleeps).toEqual([250, 500]); // full jitter at 0.5 of 500 ms, then of 1000 ms
  });

  it("a 200 whose body is not JSON", async () => {
    fake.api(text(200, "<html><body>Service temporarily unavailable</body></html>"));
    const { zoom } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error.status).toBe(200);
    expect(error.message).toContain("the body is not JSON: Service temporarily unavailable");
  });

  it("a 200 whose JSON is not an object", async () => {
    fake.api(json(200, ["not", "a", "webinar"]));
    const { zoom } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error.status).toBe(200);
    expect(error.message).toContain("not a JSON object");
  });
});

describe("retries", () => {
  it("500 then 200: retried after a jittered backoff", async () => {
    fake.api(json(500, { code: 500, message: "Internal error" }), json(200, recurringWebinar()));
    const { zoom, sleeps } = fastClient(fake);
    const webinar = await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    expect(webinar.topic).toBe("My Webinar");
    expect(fake.apiRequests).toHaveLength(2);
    expect(sleeps).toEqual([250]);
  });

  it("429 with Retry-After: 1 waits one second (recorded, not slept) and succeeds", async () => {
    fake.api(
      json(429, example("ErrorRateLimited"), { "Retry-After": "1", "X-RateLimit-Type": "QPS", "X-RateLimit-Category": "Light" }),
      json(200, recurringWebinar()),
    );
    const { zoom, sleeps } = fastClient(fake);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    expect(sleeps).toEqual([1000]);
    expect(fake.apiRequests).toHaveLength(2);
  });

  it("429 with Retry-After as an HTTP date waits until then, by the client's clock", async () => {
    const inFiveSeconds = new Date(CLOCK_START + 5000).toUTCString();
    fake.api(json(429, example("ErrorRateLimited"), { "Retry-After": inFiveSeconds }), json(200, recurringWebinar()));
    const { zoom, sleeps } = fastClient(fake);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    expect(sleeps).toEqual([5000]);
  });

  it("429 with a Retry-After beyond the cap ends the call at once, with retryAfterMs set", async () => {
    fake.api(json(429, example("ErrorRateLimited"), { "Retry-After": "3600" }), json(200, recurringWebinar()));
    const { zoom, sleeps } = fastClient(fake, { retry: { maxDelayMs: 2000 } });
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toMatchObject({ status: 429, attempts: 1, retryAfterMs: 3_600_000 });
    expect(error.message).toContain("Retry-After asks for 3600 s, more than retry.maxDelayMs allows");
    expect(sleeps).toEqual([]);
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("429 daily limit with Retry-After at the next UTC midnight fails at once", async () => {
    // The client's clock stands 30 s before midnight UTC, whatever the time of the machine.
    const midnight = new Date(CLOCK_START + 30_000);
    fake.api(
      json(429, example("ErrorDailyLimit"), {
        "Retry-After": midnight.toUTCString(),
        "X-RateLimit-Type": "Daily-limit",
        "X-RateLimit-Category": "Light",
        "X-RateLimit-Limit": "2000",
        "X-RateLimit-Remaining": "0",
      }),
      json(200, recurringWebinar()),
    );
    const { zoom, sleeps } = fastClient(fake, { retry: { maxDelayMs: 1000 } });
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(sleeps).toEqual([]);
    expect(fake.apiRequests).toHaveLength(1);
    expect(error).toMatchObject({
      status: 429,
      code: 429,
      attempts: 1,
      rateLimit: { category: "Light", type: "Daily-limit", limit: 2000, remaining: 0 },
    });
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.message).toContain("daily limit reached, retry in 30 s");
  });

  it("gives up after the configured retries and reports the attempts", async () => {
    fake.api(json(429, example("ErrorRateLimited"), { "Retry-After": "1" }));
    const { zoom, sleeps } = fastClient(fake, { retry: { retries: 3 } });
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toMatchObject({ status: 429, attempts: 4, retryAfterMs: 1000 });
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it("a connection reset (socket destroyed) is retried, then reported with status 0 and a cause", async () => {
    fake.api(destroySocket);
    const { zoom, sleeps } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error.status).toBe(0);
    expect(error.attempts).toBe(3);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toContain("network error");
    expect(fake.apiRequests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it("a connection reset then a 200 succeeds", async () => {
    fake.api(destroySocket, json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    await expect(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" })).resolves.toMatchObject({
      id: 97871060099,
    });
  });
});

describe("timeouts and aborts (on the client's manual clock)", () => {
  it("a server that never answers: each attempt gets its own timer, then status 0", async () => {
    fake.api(hang);
    const { zoom, time } = fastClient(fake, { timeoutMs: 40, retry: { retries: 1 } });
    const call = zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    await fake.apiArrived(1);
    expect(time.armed()).toEqual([40]);
    time.advance(40);
    await fake.apiArrived(2);
    // A fresh 40 ms timer for the retry, not what was left of one shared timer.
    expect(time.armed()).toEqual([40]);
    time.advance(40);
    const error = await call;
    expect(error.status).toBe(0);
    expect(error.attempts).toBe(2);
    expect(error.message).toContain("no response within 40 ms");
    expect((error.cause as Error).name).toBe("TimeoutError");
    expect(fake.apiRequests).toHaveLength(2);
    expect(time.armed()).toEqual([]);
  });

  it("a slow first answer times out and the retry, with a fresh timer, succeeds", async () => {
    fake.api(hang, json(200, recurringWebinar()));
    const { zoom, time } = fastClient(fake, { timeoutMs: 60 });
    const call = getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    await fake.apiArrived(1);
    time.advance(60);
    await expect(call).resolves.toMatchObject({ id: 97871060099 });
    expect(fake.apiRequests).toHaveLength(2);
  });

  it("the attempt's timer also bounds reading the body", async () => {
    fake.api((res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"id": 97871060099, "topic": "stalls here');
    });
    let headersIn!: () => void;
    const headersArrived = new Promise<void>((resolve) => (headersIn = resolve));
    const { zoom, time } = fastClient(fake, {
      serverToServer: undefined,
      accessToken: "t",
      timeoutMs: 40,
      retry: { retries: 0 },
      fetch: (input, init) => globalThis.fetch(input, init).then((r) => (headersIn(), r)),
    });
    const call = zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    await headersArrived;
    time.advance(40);
    const error = await call;
    expect(error.status).toBe(0);
    expect(error.message).toContain("timed out after 40 ms");
  });

  it("the caller's abort is honoured at once and not retried", async () => {
    fake.api(hang);
    const { zoom, sleeps } = fastClient(fake);
    const controller = new AbortController();
    const call = getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }, { signal: controller.signal });
    await fake.apiArrived(1);
    controller.abort();
    const error = await zoomError(call);
    expect(error.status).toBe(0);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain("aborted by the caller");
    expect((error.cause as Error).name).toBe("AbortError");
    // The request was cancelled on the wire, and the loop that would resend it has ended.
    await fake.apiRequests[0]?.closed;
    expect(fake.apiRequests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("an abort during the wait before a retry ends the wait (the default sleep)", async () => {
    fake.api(json(503, { code: 503, message: "busy" }, { "Retry-After": "30" }));
    const controller = new AbortController();
    let sleeping!: (ms: number) => void;
    const waitStarted = new Promise<number>((resolve) => (sleeping = resolve));
    const zoom = createZoomClient({
      baseUrl: fake.baseUrl,
      accessToken: "t",
      retry: { sleep: (ms, signal) => (sleeping(ms), defaultSleep(ms, signal)) },
    });
    const call = getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }, { signal: controller.signal });
    expect(await waitStarted).toBe(30_000);
    controller.abort();
    const error = await zoomError(call);
    expect(error.message).toContain("aborted by the caller");
    expect(error.attempts).toBe(1);
    expect(fake.apiRequests).toHaveLength(1);
  });
});

describe("Server-to-Server tokens", () => {
  it("concurrent calls share one token request", async () => {
    const tokenAnswer = gated(json(200, { access_token: "shared-token", expires_in: 3599 }));
    fake.token(tokenAnswer);
    fake.api(json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    const calls = Array.from({ length: 8 }, () => getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    await fake.tokenArrived(1);
    tokenAnswer.release();
    await Promise.all(calls);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.apiRequests).toHaveLength(8);
    expect(new Set(fake.apiRequests.map((r) => r.headers.authorization))).toEqual(new Set(["Bearer shared-token"]));
  });

  it("concurrent 401s with the same stale token trigger one refresh", async () => {
    const { zoom } = fastClient(fake);
    fake.api(json(200, recurringWebinar()));
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" });
    fake.api(
      json(401, example("ErrorInvalidAccessToken")),
      json(401, example("ErrorInvalidAccessToken")),
      json(401, example("ErrorInvalidAccessToken")),
      json(200, recurringWebinar()),
    );
    const refresh = gated(json(200, { access_token: "fresh", expires_in: 3599 }));
    fake.token(refresh);
    const calls = [1, 2, 3].map(() => getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    // The refresh is held until all three stale calls have had their 401.
    await fake.apiArrived(4);
    await fake.tokenArrived(2);
    refresh.release();
    await Promise.all(calls);
    expect(fake.tokenRequests).toHaveLength(2); // the first token, then one refresh
  });

  it("a rejected client secret is a ZoomApiError from the token endpoint, not retried", async () => {
    fake.token(json(401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }));
    const { zoom, sleeps } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error.status).toBe(401);
    expect(error.message).toContain("Zoom OAuth token request failed: HTTP 401 Unauthorized (invalid_client: Invalid client_id or client_secret)");
    expect(fake.apiRequests).toHaveLength(0);
    expect(sleeps).toEqual([]);
  });

  it("a token endpoint that echoes the secret has it redacted", async () => {
    fake.token((res, req) => json(400, { error: "invalid_request", reason: `bad header ${req.headers.authorization} / ${CLIENT_SECRET}` })(res, req));
    const { zoom } = fastClient(fake);
    const error = await zoomError(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error.message).toContain("[redacted]");
    expect(error.message).not.toContain(CLIENT_SECRET);
    expect(error.message).not.toContain(Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64"));
  });
});

describe("path parameters", () => {
  it.each([
    ["accountId", { accountId: "", webinarId: "1" }],
    ["accountId", { accountId: "   ", webinarId: "1" }],
    ["webinarId", { accountId: SUB_ACCOUNT, webinarId: "" }],
    ["webinarId", { accountId: SUB_ACCOUNT, webinarId: " \t\n" }],
  ])("rejects an empty or whitespace %s with a TypeError before any request", async (name, params) => {
    const { zoom } = fastClient(fake);
    const call = getWebinar(zoom, params);
    await expect(call).rejects.toBeInstanceOf(TypeError);
    await expect(call).rejects.toThrow(name);
    expect(fake.apiRequests).toHaveLength(0);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it("rejects a missing id from untyped callers instead of sending the literal {accountId}", async () => {
    const { zoom } = fastClient(fake);
    const untyped = { webinarId: "1" } as unknown as Parameters<typeof getWebinar>[1];
    await expect(getWebinar(zoom, untyped)).rejects.toThrow(TypeError);
    expect(fake.apiRequests).toHaveLength(0);
  });

  it.each([
    // [uuid, bytes on the wire]
    ["/ajXp112QmuoKj4854875==", "%252FajXp112QmuoKj4854875%253D%253D"], // starts with "/": twice
    ["Qb8f//h3nSSe8Ek9cI2mb0Q==", "Qb8f%252F%252Fh3nSSe8Ek9cI2mb0Q%253D%253D"], // contains "//": twice
    ["m3WqMkvuRXyYqH+eKWhk9w==", "m3WqMkvuRXyYqH%2BeKWhk9w%3D%3D"], // ordinary UUID: once
    ["Qb8f/h3nSSe8Ek9cI2mb0Q==", "Qb8f%2Fh3nSSe8Ek9cI2mb0Q%3D%3D"], // a single inner "/": once
  ])("encodes UUID %s as %s on the wire", async (uuid, wire) => {
    fake.api(json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: uuid });
    expect(fake.apiRequests[0]?.rawUrl).toBe(`/v2/accounts/${SUB_ACCOUNT}/webinars/${wire}`);
    // Zoom decodes the path once per layer; two decodes must give the UUID back.
    const twice = decodeURIComponent(decodeURIComponent(wire));
    const once = decodeURIComponent(wire);
    expect(uuid.startsWith("/") || uuid.includes("//") ? twice : once).toBe(uuid);
  });
});

describe("per-call headers", () => {
  it("are sent with the request (e.g. Prefer for the mock), beside the client's Authorization", async () => {
    fake.api(json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }, { headers: { Prefer: "code=200, example=RecurringWebinar", "X-Trace": "abc" } });
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }, { headers: new Headers([["prefer", "dynamic=true"]]) });
    expect(fake.apiRequests.map((r) => r.headers.prefer)).toEqual(["code=200, example=RecurringWebinar", "dynamic=true"]);
    expect(fake.apiRequests[0]?.headers["x-trace"]).toBe("abc");
    expect(fake.apiRequests.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-1"]);
  });

  it.each<[string, HeadersInit]>([
    ["an Authorization header", { Authorization: "Bearer someone-else" }],
    ["an invalid header name", { "bad name": "x" }],
    ["an invalid header value", { "X-Ok": "line\nbreak" }],
  ])("refuse %s with a TypeError before anything is sent", async (_name, headers) => {
    const { zoom } = fastClient(fake);
    const error = await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" }, { headers }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).not.toContain("someone-else");
    expect(fake.apiRequests).toHaveLength(0);
    expect(fake.tokenRequests).toHaveLength(0);
  });
});
