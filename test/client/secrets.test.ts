import { Buffer } from "node:buffer";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError } from "../../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, fastClient, SUB_ACCOUNT } from "./support/clients.js";
import { destroySocket, hang, json, startFakeZoom, text, type FakeZoom } from "./support/fake-zoom.js";
import { example, recurringWebinar } from "./support/spec-examples.js";

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

async function failureOf(setup: () => void, options: Parameters<typeof fastClient>[1] = {}): Promise<ZoomApiError> {
  setup();
  const { zoom } = fastClient(fake, options);
  const error = await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

const tokenOk = () => fake.token(json(200, { access_token: ACCESS_TOKEN, expires_in: 3599 }));

describe("the token and the client secret never appear in an error", () => {
  it.each<[string, () => void, Parameters<typeof fastClient>[1]?]>([
    ["401 code 124 twice", () => (tokenOk(), fake.api(json(401, example("ErrorInvalidAccessToken"))))],
    ["404", () => (tokenOk(), fake.api(json(404, example("ErrorWebinarNotFound"))))],
    ["502 HTML", () => (tokenOk(), fake.api(text(502, "<h1>Bad Gateway</h1>")))],
    ["connection reset", () => (tokenOk(), fake.api(destroySocket))],
    ["timeout", () => (tokenOk(), fake.api(hang)), { timeoutMs: 20, retry: { retries: 0 } }],
    ["200 not JSON", () => (tokenOk(), fake.api(text(200, "oops")))],
    ["validation mismatch", () => (tokenOk(), fake.api(json(200, { ...recurringWebinar(), id: "x" }))), { validateResponses: true }],
    ["token endpoint rejects the secret", () => fake.token(json(401, { error: "invalid_client", reason: `bad ${CLIENT_SECRET}` }))],
    ["token endpoint 500 HTML", () => fake.token(text(500, `<p>${BASIC}</p>`))],
    ["token endpoint reset", () => fake.token(destroySocket)],
    ["token endpoint hangs", () => fake.token(hang), { timeoutMs: 20, retry: { retries: 0 } }],
  ])("%s", async (_name, setup, options) => {
    const error = await failureOf(setup, options);
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
