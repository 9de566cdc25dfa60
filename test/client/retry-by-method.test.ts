// Which failures each HTTP method retries (issue 15 item 2). Idempotent methods retry every
// transient failure; POST and PATCH only a 429 or a failure that proves the request never left.
// Network failures are real ones on loopback where the machine can provoke them quickly
// (refused, reset, closed, timeout); DNS failures and undici's 10 s connect timeout are injected
// in the shape Node's fetch reports them (seen on Node 20, 22 and 24: docs/decisions/0008-retries-by-method.md).
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { createResilientFetch } from "../../src/client/resilient-fetch.js";
import { Redactor } from "../../src/client/redact.js";
import { ZoomApiError, type ZoomClient } from "../../src/index.js";
import { fastClient, SUB_ACCOUNT } from "./support/clients.js";
import { destroySocket, hang, json, fakeZoomPerTest, type FakeZoom, type Responder } from "./support/fake-zoom.js";
import { manualClock } from "./support/manual-clock.js";

// Outcomes never depend on time (manual clock, recorded sleeps); the timeout is only a net for a
// machine shared by many processes.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let fake: FakeZoom;
fakeZoomPerTest((started) => (fake = started));

const WEBINAR = { accountId: SUB_ACCOUNT, webinarId: "97871060099" };
const REGISTRANT = { email: "ada@example.com", first_name: "Ada", last_name: "Lovelace" };
const TIMEOUT_MS = 2_000;
const RETRIES = 2;

type Method = "GET" | "PUT" | "DELETE" | "POST" | "PATCH";

/** One call per method through openapi-fetch, each with a JSON body where the method has one. */
const calls: Record<Method, (zoom: ZoomClient) => Promise<unknown>> = {
  GET: (zoom) => zoom.GET("/accounts/{accountId}/webinars/{webinarId}", { params: { path: WEBINAR } }),
  PUT: (zoom) =>
    zoom.request("put", "/accounts/{accountId}/webinars/{webinarId}/status", { params: { path: WEBINAR }, body: { action: "end" } }),
  DELETE: (zoom) => zoom.request("delete", "/accounts/{accountId}/webinars/{webinarId}", { params: { path: WEBINAR } }),
  POST: (zoom) => zoom.POST("/accounts/{accountId}/webinars/{webinarId}/registrants", { params: { path: WEBINAR }, body: REGISTRANT }),
  PATCH: (zoom) =>
    zoom.request("patch", "/accounts/{accountId}/webinars/{webinarId}", { params: { path: WEBINAR }, body: { topic: "Renamed" } }),
};

/** The retry loop alone, with no waits: for senders that stand in for fetch. */
function loopOptions() {
  const retry = { retries: RETRIES, maxDelayMs: 1_000, baseDelayMs: 10, random: () => 0.5, sleep: async () => undefined };
  return { timeoutMs: TIMEOUT_MS, retry, clock: manualClock().clock, redactor: new Redactor() };
}

/** fetch's own failure: TypeError "fetch failed" whose `cause` carries the code, as undici throws it. */
function fetchFailed(cause: Error): TypeError {
  return new TypeError("fetch failed", { cause });
}
function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}
/** Node's happy-eyeballs failure: one error per address, the first one's code on the aggregate. */
function everyAddress(...codes: [string, ...string[]]): Error {
  const errors = codes.map((code, i) => coded(`connect ${code} 10.0.0.${i + 1}:443`, code));
  return Object.assign(new AggregateError(errors), { code: codes[0] });
}

/** A fetch that fails like `failure` after taking the request's body, as a real failed fetch does. */
function failingFetch(failure: () => Error): typeof fetch {
  return async (input, init) => {
    await new Request(input, init).arrayBuffer();
    throw failure();
  };
}

/** A raw TCP listener that does `onSocket` to every connection, before reading a byte of it. */
async function rawServer(onSocket: (socket: Socket) => void): Promise<{ origin: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An origin on 127.0.0.1 where nothing listens (a port just released). */
async function closedOrigin(): Promise<string> {
  const server = await rawServer(() => undefined);
  await server.close();
  return server.origin;
}

interface Kind {
  /** Attempts expected for GET, PUT and DELETE, then for POST and PATCH. */
  idempotent: number;
  unsafe: number;
  /** Points the client at the failure; returns what to undo afterwards. */
  arrange(): Promise<{ baseUrl?: string; fetch?: typeof fetch; cleanup?: () => Promise<void> }>;
  /** Advance the manual clock by the timeout whenever a request is waiting. */
  drivesClock?: boolean;
}

const answer = (responder: Responder) => async () => (fake.api(responder), {});
const rawAnswer = (onSocket: (socket: Socket) => void) => async () => {
  const server = await rawServer(onSocket);
  return { baseUrl: `${server.origin}/v2`, cleanup: () => server.close() };
};
const injected = (failure: () => Error) => async () => ({ fetch: failingFetch(failure) });

const ALL = RETRIES + 1;
const kinds: Record<string, Kind> = {
  // Proof that nothing was sent: every method retries.
  "connection refused (closed port, ECONNREFUSED)": {
    idempotent: ALL,
    unsafe: ALL,
    arrange: async () => ({ baseUrl: `${await closedOrigin()}/v2` }),
  },
  "DNS: no such host (ENOTFOUND)": {
    idempotent: ALL,
    unsafe: ALL,
    arrange: injected(() => fetchFailed(coded("getaddrinfo ENOTFOUND api.zoom.us", "ENOTFOUND"))),
  },
  "DNS: temporary failure (EAI_AGAIN)": {
    idempotent: ALL,
    unsafe: ALL,
    arrange: injected(() => fetchFailed(coded("getaddrinfo EAI_AGAIN api.zoom.us", "EAI_AGAIN"))),
  },
  "undici connect timeout (UND_ERR_CONNECT_TIMEOUT)": {
    idempotent: ALL,
    unsafe: ALL,
    arrange: injected(() =>
      fetchFailed(coded("Connect Timeout Error (attempted address: api.zoom.us:443, timeout: 10000ms)", "UND_ERR_CONNECT_TIMEOUT")),
    ),
  },
  "every address refused (happy eyeballs AggregateError)": {
    idempotent: ALL,
    unsafe: ALL,
    arrange: injected(() => fetchFailed(everyAddress("ECONNREFUSED", "ECONNREFUSED"))),
  },
  "HTTP 429 (rejected before processing)": {
    idempotent: ALL,
    unsafe: ALL,
    arrange: answer(json(429, { code: 429, message: "Too many requests" })),
  },
  // The request may have reached Zoom: only idempotent methods retry.
  "one address refused, another timed out (AggregateError)": {
    idempotent: ALL,
    unsafe: 1,
    arrange: injected(() => fetchFailed(everyAddress("ECONNREFUSED", "ETIMEDOUT"))),
  },
  "reset after the request arrived (socket destroyed)": {
    idempotent: ALL,
    unsafe: 1,
    arrange: answer(destroySocket),
  },
  "accepted, then closed before reading (UND_ERR_SOCKET)": {
    idempotent: ALL,
    unsafe: 1,
    arrange: rawAnswer((socket) => socket.end()),
  },
  "accepted, then reset before reading (ECONNRESET, message says connect)": {
    idempotent: ALL,
    unsafe: 1,
    arrange: rawAnswer((socket) => socket.resetAndDestroy()),
  },
  "no answer within timeoutMs": {
    idempotent: ALL,
    unsafe: 1,
    drivesClock: true,
    arrange: answer(hang),
  },
  "HTTP 503": {
    idempotent: ALL,
    unsafe: 1,
    arrange: answer(json(503, { code: 503, message: "Service unavailable" })),
  },
  "HTTP 500": {
    idempotent: ALL,
    unsafe: 1,
    arrange: answer(json(500, { code: 500, message: "Internal error" })),
  },
};

const methods: Method[] = ["GET", "PUT", "DELETE", "POST", "PATCH"];
const table = Object.entries(kinds).flatMap(([kind, spec]) =>
  methods.map((method) => ({
    method,
    kind,
    spec,
    expected: method === "POST" || method === "PATCH" ? spec.unsafe : spec.idempotent,
  })),
);

describe("attempts per method and failure (retries: 2)", () => {
  it.each(table)("$method, $kind → $expected attempt(s)", async ({ method, spec, expected }) => {
    const { baseUrl, fetch: inner = (input, init) => globalThis.fetch(input, init), cleanup } = await spec.arrange();
    let sent = 0;
    const methodsSeen: string[] = [];
    const { zoom, sleeps, time } = fastClient(fake, {
      ...(baseUrl === undefined ? {} : { baseUrl }),
      serverToServer: undefined,
      accessToken: "t",
      timeoutMs: TIMEOUT_MS,
      retry: { retries: RETRIES },
      fetch: (input, init) => {
        sent += 1;
        methodsSeen.push(input instanceof Request ? input.method : (init?.method ?? "GET"));
        return inner(input, init);
      },
    });
    try {
      let settled = false;
      const call = calls[method](zoom).then(
        (result) => ((settled = true), { result }),
        (error: unknown) => ((settled = true), { error }),
      );
      if (spec.drivesClock) {
        // Fire each attempt's timer once that attempt is waiting, until the call gives up.
        for (let waiting = 1; waiting <= ALL + 1 && !settled; waiting++) {
          await Promise.race([fake.apiArrived(waiting), call]);
          if (!settled) time.advance(TIMEOUT_MS);
        }
      }
      const outcome = await call;

      expect(sent).toBe(expected);
      expect(methodsSeen).toEqual(Array.from({ length: expected }, () => method));
      expect(sleeps).toHaveLength(expected - 1);
      if ("error" in outcome) {
        expect(outcome.error).toBeInstanceOf(ZoomApiError);
        expect(outcome.error).toMatchObject({ status: 0, attempts: expected });
      }
    } finally {
      await cleanup?.();
    }
  });
});

describe("POST when the token endpoint fails", () => {
  it("a 503 from the token endpoint is retried: the API request had not been sent", async () => {
    fake
      .token(json(503, { reason: "down" }), json(200, { access_token: "tok-ok", token_type: "bearer", expires_in: 3599 }))
      .api(json(201, { id: "reg-3" }));
    const { zoom, sleeps } = fastClient(fake);

    const { response } = (await calls.POST(zoom)) as { response: Response };

    expect(response.status).toBe(201);
    expect(fake.tokenRequests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(fake.apiRequests.map((r) => [r.headers.authorization, r.body])).toEqual([["Bearer tok-ok", JSON.stringify(REGISTRANT)]]);
  });
});

describe("a request body is sent whole on every attempt", () => {
  /** Sends the first attempt to a closed port, the way a real refused fetch consumes the body. */
  async function refusedOnce(): Promise<{ fetch: typeof fetch; sent: () => number }> {
    const closed = await closedOrigin();
    const origin = new URL(fake.baseUrl).origin;
    let sent = 0;
    return {
      sent: () => sent,
      fetch: (input, init) => {
        sent += 1;
        if (sent > 1) return globalThis.fetch(input, init);
        const request = new Request(input, init);
        return globalThis.fetch(new Request(request.url.replace(origin, closed), request));
      },
    };
  }

  it("POST: refused, then 429, then 201: the same JSON body reaches the server twice", async () => {
    const created = { id: "reg-1", registrant_id: "reg-1", join_url: "https://zoom.us/w/97871060099?tk=x", topic: "T" };
    fake.api(json(429, { code: 429, message: "Too many requests" }), json(201, created));
    const network = await refusedOnce();
    const { zoom, sleeps } = fastClient(fake, { serverToServer: undefined, accessToken: "t", fetch: network.fetch });

    const { data, error, response } = await zoom.POST("/accounts/{accountId}/webinars/{webinarId}/registrants", {
      params: { path: WEBINAR },
      body: REGISTRANT,
    });

    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data).toEqual(created);
    expect(network.sent()).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(fake.apiRequests.map((r) => [r.method, r.headers["content-type"], r.body])).toEqual([
      ["POST", "application/json", JSON.stringify(REGISTRANT)],
      ["POST", "application/json", JSON.stringify(REGISTRANT)],
    ]);
  });

  it("PUT: a reset after the body arrived, then 204: the body is sent again", async () => {
    fake.api(destroySocket, (res) => res.writeHead(204).end());
    const { zoom } = fastClient(fake, { serverToServer: undefined, accessToken: "t" });

    const { response } = (await calls.PUT(zoom)) as { response: Response };

    expect(response.status).toBe(204);
    expect(fake.apiRequests.map((r) => [r.method, r.body])).toEqual([
      ["PUT", '{"action":"end"}'],
      ["PUT", '{"action":"end"}'],
    ]);
  });

  it("POST: an expired token (401, code 124) is refreshed and the body sent again", async () => {
    fake.api(json(401, { code: 124, message: "Invalid access token." }), json(201, { id: "reg-2" }));
    const { zoom, sleeps } = fastClient(fake);

    const { response } = (await calls.POST(zoom)) as { response: Response };

    expect(response.status).toBe(201);
    expect(fake.tokenRequests).toHaveLength(2);
    expect(sleeps).toEqual([]);
    expect(fake.apiRequests.map((r) => [r.headers.authorization, r.body])).toEqual([
      ["Bearer token-1", JSON.stringify(REGISTRANT)],
      ["Bearer token-2", JSON.stringify(REGISTRANT)],
    ]);
  });

  it("PUT: 401 code 124, the resend gets 503, the retry 204: one body, three times", async () => {
    fake.api(json(401, { code: 124, message: "Invalid access token." }), json(503, { code: 503, message: "Unavailable" }), (res) =>
      res.writeHead(204).end(),
    );
    const { zoom, sleeps } = fastClient(fake);

    const { response } = (await calls.PUT(zoom)) as { response: Response };

    expect(response.status).toBe(204);
    expect(sleeps).toHaveLength(1);
    expect(fake.apiRequests.map((r) => [r.headers.authorization, r.body])).toEqual([
      ["Bearer token-1", '{"action":"end"}'],
      ["Bearer token-2", '{"action":"end"}'],
      ["Bearer token-2", '{"action":"end"}'],
    ]);
  });

  it("the retry loop hands every attempt a readable body, whatever the sender does with it", async () => {
    const bodies: string[] = [];
    const resilient = createResilientFetch(
      async (request) => {
        bodies.push(await request.text()); // reads it up, as fetch does
        return new Response(null, { status: bodies.length < 3 ? 429 : 204 });
      },
      loopOptions(),
    );
    const body = JSON.stringify(REGISTRANT);
    const request = new Request("http://127.0.0.1:9/v2/x", { method: "POST", body, headers: { "content-type": "application/json" } });
    expect((await resilient(request)).status).toBe(204);
    expect(bodies).toEqual([body, body, body]);
  });

  it("POST with retries: 0 sends the caller's Request itself, once", async () => {
    fake.api(json(503, { code: 503, message: "Service unavailable" }));
    const { zoom } = fastClient(fake, { serverToServer: undefined, accessToken: "t", retry: { retries: 0 } });
    const { response } = (await calls.POST(zoom)) as { response: Response };
    expect(response.status).toBe(503);
    expect(fake.apiRequests.map((r) => r.body)).toEqual([JSON.stringify(REGISTRANT)]);
  });
});

describe("methods openapi-fetch can send but the contract does not use", () => {
  // HEAD and OPTIONS are idempotent like GET; anything unknown is treated like POST (fetch refuses TRACE itself).
  it.each([
    ["HEAD", ALL],
    ["OPTIONS", ALL],
    ["REPORT", 1],
    ["PROPFIND", 1],
  ])("%s on 503 → %i attempt(s)", async (method, expected) => {
    let sent = 0;
    const resilient = createResilientFetch(
      async () => {
        sent += 1;
        return new Response(null, { status: 503 });
      },
      loopOptions(),
    );
    const response = await resilient(new Request("http://127.0.0.1:9/v2/x", { method }));
    expect(response.status).toBe(503);
    expect(sent).toBe(expected);
  });
});
