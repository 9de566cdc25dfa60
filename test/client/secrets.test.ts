import { Buffer } from "node:buffer";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError } from "../../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, fastClient, SUB_ACCOUNT } from "./support/clients.js";
import { destroySocket, hang, json, startFakeZoom, text, type FakeZoom, type Responder } from "./support/fake-zoom.js";
import { example, recurringWebinar } from "./support/spec-examples.js";

// Outcomes never depend on time (manual clock, gated answers); the timeout is only a net for a
// machine shared by many processes.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ACCESS_TOKEN = "eyJhbGciOiJIUzUxMiJ9.ACCESS-TOKEN-must-not-leak.sig";
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
const SECRETS = [ACCESS_TOKEN, CLIENT_SECRET, BASIC];

let fake: FakeZoom;
beforeAll(async () => {
  fake = await startFakeZoom();
});
afterAll(async () => {
  await fake.close();
});

/** Every way an error gets printed or logged, cause chain included. */
function renderings(error: unknown): string[] {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? "",
    JSON.stringify(error),
    JSON.stringify({ error }),
    inspect(error, { depth: 10 }),
    inspect(error, { depth: 10, showHidden: true }),
    inspect((error as Error).cause, { depth: 10, showHidden: true }),
  ];
}

function expectNoSecrets(value: unknown): void {
  for (const rendering of renderings(value)) {
    for (const secret of SECRETS) expect(rendering).not.toContain(secret);
  }
}

type Options = Parameters<typeof fastClient>[1];
type Time = ReturnType<typeof fastClient>["time"];

async function failureOf(setup: () => void, options: Options = {}, drive?: (time: Time) => Promise<void>): Promise<ZoomApiError> {
  setup();
  const { zoom, time } = fastClient(fake, options);
  const call = getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }).catch((e: unknown) => e);
  await drive?.(time);
  const error = await call;
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

const tokenOk = () => fake.token(json(200, { access_token: ACCESS_TOKEN, expires_in: 3599 }));
/** An upstream that puts the request's Authorization header into its error body. */
const echoAuthorization =
  (status: number, asHtml = false): Responder =>
  (res, req) => {
    const auth = String(req.headers.authorization);
    const body = asHtml ? `<html><body><pre>Authorization: ${auth}</pre></body></html>` : JSON.stringify({ code: 124, message: `Invalid access token: ${auth}`, errors: [{ field: "Authorization", message: auth }] });
    res.writeHead(status, { "Content-Type": asHtml ? "text/html" : "application/json" });
    res.end(body);
  };

describe("the token and the client secret never appear in an error", () => {
  it.each<[string, () => void, Options?, ((time: Time) => Promise<void>)?]>([
    ["401 code 124 twice", () => (tokenOk(), fake.api(json(401, example("ErrorInvalidAccessToken"))))],
    ["404", () => (tokenOk(), fake.api(json(404, example("ErrorWebinarNotFound"))))],
    ["502 HTML", () => (tokenOk(), fake.api(text(502, "<h1>Bad Gateway</h1>")))],
    ["connection reset", () => (tokenOk(), fake.api(destroySocket))],
    ["timeout", () => (tokenOk(), fake.api(hang)), { timeoutMs: 20, retry: { retries: 0 } }, async (time) => (await fake.apiArrived(1), time.advance(20))],
    ["200 not JSON", () => (tokenOk(), fake.api(text(200, "oops")))],
    ["validation mismatch", () => (tokenOk(), fake.api(json(200, { ...recurringWebinar(), id: "x" }))), { validateResponses: true }],
    ["token endpoint rejects the secret", () => fake.token(json(401, { error: "invalid_client", reason: `bad ${CLIENT_SECRET}` }))],
    ["token endpoint 500 HTML", () => fake.token(text(500, `<p>${BASIC}</p>`))],
    ["token endpoint reset", () => fake.token(destroySocket)],
    ["token endpoint hangs", () => fake.token(hang), { timeoutMs: 20, retry: { retries: 0 } }, async (time) => (await fake.tokenArrived(1), time.advance(20))],
    ["400 echoing the Authorization header", () => (tokenOk(), fake.api(echoAuthorization(400)))],
    ["401 echoing the Authorization header", () => (tokenOk(), fake.api(echoAuthorization(401)))],
    ["502 HTML echoing the Authorization header", () => (tokenOk(), fake.api(echoAuthorization(502, true)))],
    ["token endpoint echoing the Basic header", () => fake.token((res, req) => json(400, { error: "invalid_request", reason: `bad header ${req.headers.authorization} / ${CLIENT_SECRET}` })(res, req))],
  ])("%s", async (_name, setup, options, drive) => {
    const error = await failureOf(setup, options, drive);
    expectNoSecrets(error);
  });

  it("a static token with characters no header may carry is refused without quoting it", async () => {
    fake.api(json(200, recurringWebinar()));
    const badToken = `${ACCESS_TOKEN}\n`;
    const zoom = createZoomClient({ baseUrl: fake.baseUrl, accessToken: badToken });
    const error = await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomApiError);
    expectNoSecrets(error);
  });

  it("the previous token stays redacted after a refresh", async () => {
    const OLD = "eyJhbGciOiJIUzUxMiJ9.OLD-token-replaced-by-refresh.sig";
    fake.token(json(200, { access_token: OLD, expires_in: 3599 }), json(200, { access_token: ACCESS_TOKEN, expires_in: 3599 }));
    // 124 with the old token: refresh; the new token's request then fails with a body quoting both.
    fake.api(json(401, example("ErrorInvalidAccessToken")), json(400, { code: 300, message: `was ${OLD}, now ${ACCESS_TOKEN}` }));
    const { zoom } = fastClient(fake);
    const error = await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomApiError);
    for (const rendering of renderings(error)) expect(rendering).not.toContain(OLD);
    expectNoSecrets(error);
    expect((error as ZoomApiError).message).toContain("was [redacted], now [redacted]");
  });

  it("credentials in baseUrl or tokenUrl are refused up front, without quoting them", () => {
    const password = "hunter2-url-password";
    for (const options of [
      { baseUrl: `http://user:${password}@127.0.0.1:9/v2`, accessToken: ACCESS_TOKEN },
      { serverToServer: { accountId: "a", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: `https://u:${password}@zoom.us/oauth/token` } },
    ]) {
      let thrown: unknown;
      try {
        createZoomClient(options);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect(String(thrown)).toContain("must not contain credentials");
      for (const rendering of renderings(thrown)) expect(rendering).not.toContain(password);
    }
  });

  it("the client object itself does not expose them", () => {
    const s2s = createZoomClient({
      serverToServer: { accountId: "a", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });
    const bearer = createZoomClient({ accessToken: ACCESS_TOKEN });
    for (const client of [s2s, bearer]) {
      for (const rendering of [inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), String(client)]) {
        for (const secret of SECRETS) expect(rendering).not.toContain(secret);
      }
    }
  });

  it("option errors name the field, never the value", () => {
    expect(() =>
      createZoomClient({ accessToken: ACCESS_TOKEN, serverToServer: { accountId: "a", clientId: "b", clientSecret: CLIENT_SECRET } }),
    ).toThrow(/exactly one of `accessToken`/);
    expect(() => createZoomClient({})).toThrow(TypeError);
    let thrown: unknown;
    try {
      createZoomClient({ serverToServer: { accountId: "", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
    } catch (e) {
      thrown = e;
    }
    expect(String(thrown)).toContain("serverToServer.accountId");
    expectNoSecrets(thrown);
  });
});
