// Issue 11's client rows, each written as the attack: a loopback server (or caller input) doing
// what a hostile upstream would, and the client holding.
import { gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError } from "../../src/index.js";
import { MAX_TEXT_INPUT, textSnippet } from "../../src/client/response-text.js";
import { fastClient, SUB_ACCOUNT } from "./support/clients.js";
import { countingFetch } from "./support/counting-fetch.js";
import { endless, hang, json, fakeZoomPerTest, text, type FakeZoom } from "./support/fake-zoom.js";
import { recurringWebinar } from "./support/spec-examples.js";

// Outcomes never depend on time (manual clock, gated answers); the timeout is only a net for a
// machine shared by many processes.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let fake: FakeZoom;
fakeZoomPerTest((started) => (fake = started));

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a rejection"),
    (e: unknown) => e,
  );
}

const KiB = 1024;
const MiB = 1024 * KiB;

describe("path parameters that would leave the template", () => {
  it.each([
    ["accountId", { accountId: "..", webinarId: "1" }],
    ["accountId", { accountId: ".", webinarId: "1" }],
    ["webinarId", { accountId: SUB_ACCOUNT, webinarId: ".." }],
    ["webinarId", { accountId: SUB_ACCOUNT, webinarId: "." }],
    ["accountId", { accountId: "ab\uD800cd", webinarId: "1" }],
    ["webinarId", { accountId: SUB_ACCOUNT, webinarId: "\uDC00" }],
  ])("%s %j: TypeError, nothing sent, no token fetched", async (name, params) => {
    fake.api(json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    const error = await rejectionOf(getWebinar(zoom, params));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain(name);
    expect(fake.apiRequests).toHaveLength(0);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it("ids made of dots and slashes that are not dot segments stay inside the template", async () => {
    fake.api(json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    for (const webinarId of ["...", "./..", "%2e%2e", "/..", "a/../b"]) {
      await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId });
    }
    for (const request of fake.apiRequests) {
      expect(request.rawUrl).toMatch(new RegExp(`^/v2/accounts/${SUB_ACCOUNT}/webinars/[^/]+$`));
    }
  });
});

describe("bodies are read as streams under a byte limit", () => {
  it("a 200 body that never ends: cancelled past maxBodyBytes, ZoomApiError says so", async () => {
    const stream = endless(200, `{"pad":"${"x".repeat(16 * KiB)}",`);
    fake.api(stream);
    const counting = countingFetch();
    const { zoom } = fastClient(fake, { maxBodyBytes: MiB, fetch: counting.fetch });
    const error = await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(error).toMatchObject({ status: 200, attempts: 1 });
    expect((error as ZoomApiError).message).toContain("the body is larger than 1 MiB (maxBodyBytes); reading was cancelled");
    // The client stopped pulling at the limit (plus at most the chunk in hand) and hung up.
    expect(counting.pulled()).toBeGreaterThan(MiB);
    expect(counting.pulled()).toBeLessThan(MiB + 512 * KiB);
    await fake.apiRequests[0]?.closed;
    expect(stream.written()).toBeLessThan(64 * MiB);
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("a declared Content-Length past the limit is cancelled the same way", async () => {
    fake.api(text(200, "x".repeat(3 * MiB), { "Content-Type": "application/json" }));
    const { zoom } = fastClient(fake, { maxBodyBytes: MiB });
    const error = await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect((error as ZoomApiError).message).toContain("the body is larger than 1 MiB");
  });

  it("a small gzip body that inflates past the limit (a compression bomb) is counted after decoding", async () => {
    const bomb = gzipSync(Buffer.alloc(8 * MiB, 0x20));
    fake.api((res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": String(bomb.length) });
      res.end(bomb);
    });
    const { zoom } = fastClient(fake, { maxBodyBytes: MiB });
    const error = await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(bomb.length).toBeLessThan(MiB);
    expect((error as ZoomApiError).message).toContain("the body is larger than 1 MiB");
  });

  it("the default limit takes a real webinar with room to spare", async () => {
    const body = recurringWebinar();
    const occurrences = Array.from({ length: 365 }, (_, i) => ({ ...body.occurrences?.[0], occurrence_id: String(1648194360000 + i * 86_400_000) }));
    fake.api(json(200, { ...body, agenda: "a".repeat(2000), occurrences }));
    const { zoom } = fastClient(fake);
    await expect(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" })).resolves.toMatchObject({ topic: "My Webinar" });
  });

  it("an error body is read only up to 64 KiB, and the rest is dropped", async () => {
    const stream = endless(502, "<p>bad gateway</p>".repeat(1000));
    fake.api(stream);
    const counting = countingFetch();
    const { zoom } = fastClient(fake, { fetch: counting.fetch, retry: { retries: 0 } });
    const error = await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toMatchObject({ name: "ZoomApiError", status: 502 });
    expect((error as ZoomApiError).message).toContain("bad gateway");
    expect(counting.pulled()).toBeLessThan(64 * KiB + 512 * KiB);
    await fake.apiRequests[0]?.closed;
  });

  it("a token endpoint that never stops talking: cancelled past 64 KiB", async () => {
    const stream = endless(200, `{"access_token":"${"t".repeat(4 * KiB)}`);
    fake.token(stream);
    const { zoom } = fastClient(fake, { retry: { retries: 0 } });
    const error = await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toBeInstanceOf(ZoomApiError);
    expect((error as ZoomApiError).message).toContain("token response from");
    expect((error as ZoomApiError).message).toContain("is larger than 64 KiB; reading was cancelled");
    await fake.tokenRequests[0]?.closed;
    expect(fake.apiRequests).toHaveLength(0);
  });
});

describe("response text is cut before it is processed", () => {
  it.each([
    ["many <script", "<script".repeat(60_000)],
    ["many <", "<".repeat(400_000)],
    ["unclosed comment", `<!--${"-".repeat(400_000)}`],
    ["script that never closes", `<script>${"a<b".repeat(100_000)}`],
  ])("a 502 HTML page of a few hundred kB (%s) gives a short ZoomApiError", async (_name, page) => {
    fake.api(text(502, page));
    const counting = countingFetch();
    const { zoom } = fastClient(fake, { fetch: counting.fetch, retry: { retries: 0 } });
    const error = await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }));
    expect(error).toMatchObject({ name: "ZoomApiError", status: 502 });
    expect((error as ZoomApiError).message.length).toBeLessThan(400);
    expect(counting.pulled()).toBeLessThan(64 * KiB + 512 * KiB);
  });

  it("the snippet reads only the first MAX_TEXT_INPUT characters, whatever follows", () => {
    for (const unit of ["<script", "<", "<style>", "&amp;", " ", "<a href='"]) {
      const long = unit.repeat(Math.ceil((2 * MiB) / unit.length));
      expect(textSnippet(long)).toBe(textSnippet(long.slice(0, MAX_TEXT_INPUT)));
    }
    expect(textSnippet("<html><script>var x = '<b>'</script><h1>Bad\n\n  Gateway</h1></html>")).toBe("Bad Gateway");
  });

  it("Zoom's own JSON error fields are cut: message, details and their count", async () => {
    const huge = "m".repeat(200 * KiB);
    fake.api(json(400, { code: 300, message: huge }));
    const { zoom } = fastClient(fake);
    const error = (await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }))) as ZoomApiError;
    // 200 kB of message is past the 64 KiB read: the body is cut, so it is no longer JSON.
    expect(error.status).toBe(400);
    expect(error.message.length).toBeLessThan(400);
    fake.api(json(400, { code: 300, message: "m".repeat(5000), errors: Array.from({ length: 500 }, () => ({ field: "f".repeat(30), message: "x".repeat(30) })) }));
    const zoomError = (await rejectionOf(getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "97871060099" }))) as ZoomApiError;
    expect(zoomError.code).toBe(300);
    expect(zoomError.message.length).toBeLessThan(700);
    expect(zoomError.errors).toHaveLength(20);
  });
});

describe("Server-to-Server token responses and requests", () => {
  it.each([
    ["0", 0],
    ["negative", -60],
    ["missing", undefined],
    ["a string", "3599"],
    ["null", null],
  ])("expires_in %s: the token serves the calls of that request only, never cached", async (_name, expiresIn) => {
    fake.token((res, req) => json(200, { access_token: `token-${fake.tokenRequests.length}`, ...(expiresIn === undefined ? {} : { expires_in: expiresIn }) })(res, req));
    fake.api(json(200, recurringWebinar()));
    const { zoom } = fastClient(fake);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" });
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" });
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.apiRequests.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("an absurd expires_in is capped at a day", async () => {
    fake.token((res, req) => json(200, { access_token: `token-${fake.tokenRequests.length}`, expires_in: 1e12 })(res, req));
    fake.api(json(200, recurringWebinar()));
    const { zoom, time } = fastClient(fake);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" });
    time.advance(24 * 3600 * 1000);
    await getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" });
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("abort while the token request hangs: the caller is released and the request itself is cancelled", async () => {
    fake.token(hang);
    const { zoom, time } = fastClient(fake);
    const controller = new AbortController();
    const call = getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" }, { signal: controller.signal });
    await fake.tokenArrived(1);
    controller.abort();
    const error = await rejectionOf(call);
    expect(error).toMatchObject({ name: "ZoomApiError", status: 0 });
    expect((error as ZoomApiError).message).toContain("aborted by the caller");
    // Nothing is left to keep the process alive: the connection is closed, no timer is armed.
    await fake.tokenRequests[0]?.closed;
    expect(time.armed()).toEqual([]);
    expect(fake.apiRequests).toHaveLength(0);
  });

  it("with the system clock too, an abandoned token request leaves no timer behind", async () => {
    fake.token(hang);
    const zoom = createZoomClient({
      baseUrl: fake.baseUrl,
      serverToServer: { accountId: "a", clientId: "id", clientSecret: "secret-value", tokenUrl: fake.tokenUrl },
    });
    const controller = new AbortController();
    const call = getWebinar(zoom, { accountId: SUB_ACCOUNT, webinarId: "1" }, { signal: controller.signal });
    await fake.tokenArrived(1);
    const before = new Set(process.getActiveResourcesInfo().filter((r) => r === "Timeout"));
    controller.abort();
    await rejectionOf(call);
    await fake.tokenRequests[0]?.closed;
    // Timers the client armed are unref'd or cleared: none is ref'd and still counted as active.
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBeLessThanOrEqual(before.size);
  });
});
