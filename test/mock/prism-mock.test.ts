// The in-process mock: it serves the contract at / and under the server's base path (/v2),
// says plainly when its port is taken, and stop() frees the port.
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismStartError, startPrismMock, type PrismMock } from "../../tools/mock/index.js";

let mock: PrismMock;
beforeAll(async () => {
  mock = await startPrismMock();
});
afterAll(async () => {
  await mock.stop();
});

const get = async (url: string, headers: Record<string, string> = { authorization: "Bearer t" }) => {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("startPrismMock", () => {
  it("reads its base path from the contract's first server URL", () => {
    expect(mock.basePath).toBe("/v2");
    expect(mock.baseUrl).toBe(`http://127.0.0.1:${mock.port}`);
  });

  it.each([
    ["the root", ""],
    ["the production base path", "/v2"],
  ])("answers Get a webinar under %s", async (_, prefix) => {
    const { status, body } = await get(`${mock.baseUrl}${prefix}/accounts/a/webinars/1`);
    expect(status).toBe(200);
    expect(typeof body.topic).toBe("string");
  });

  it("knows no other prefix, and still checks the security scheme under /v2", async () => {
    expect((await get(`${mock.baseUrl}/v3/accounts/a/webinars/1`)).body.type).toMatch(/NO_PATH_MATCHED_ERROR/);
    expect((await get(`${mock.baseUrl}/v2/accounts/a/webinars/1`, {})).status).toBe(401);
  });

  it("reports a taken port in one line and as such", async () => {
    const error = await startPrismMock({ port: mock.port }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as PrismStartError).addressInUse).toBe(true);
    expect((error as Error).message).toBe(`port ${mock.port} on 127.0.0.1 is taken (EADDRINUSE): stop what uses it or choose another port`);
  });

  it("rejects a contract it cannot read, naming the file", async () => {
    const file = path.join(tmpdir(), `mock-${process.pid}-broken.json`);
    writeFileSync(file, "{ not json");
    const error = await startPrismMock({ specPath: file }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as Error).message).toContain(file);
  });

  it("serves what the contract file says now: a file edited between two starts is read again", async () => {
    const file = path.join(tmpdir(), `mock-${process.pid}-edited.json`);
    const contract = (topic: string) =>
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "Edited", version: "1" },
        paths: { "/things": { get: { responses: { "200": { description: "OK", content: { "application/json": { example: { topic } } } } } } } },
      });
    const topics: unknown[] = [];
    for (const topic of ["first", "second", "first"]) {
      writeFileSync(file, contract(topic));
      const served = await startPrismMock({ specPath: file });
      try {
        topics.push((await get(`${served.baseUrl}/things`)).body.topic);
      } finally {
        await served.stop();
      }
    }
    expect(topics).toEqual(["first", "second", "first"]);
  });

  it("frees its port on stop(), and a second stop() is harmless", async () => {
    const other = await startPrismMock();
    await other.stop();
    await expect(other.stop()).resolves.toBeUndefined();
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(other.port, "127.0.0.1", resolve));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
});
