// startPrismMock's promises: it resolves only once Prism listens, stop() leaves no process
// behind, and a start that fails says why and leaves nothing running either.
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { PrismStartError, startPrismMock } from "../../tools/mock/index.js";

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startPrismMock", () => {
  it("serves the contract once it resolves, and stop() ends Prism's whole process group", async () => {
    const mock = await startPrismMock();
    try {
      expect(mock.baseUrl).toBe(`http://127.0.0.1:${mock.port}`);
      const response = await fetch(`${mock.baseUrl}/accounts/a/webinars/1`, { headers: { authorization: "Bearer t" } });
      expect(response.status).toBe(200);
      await response.body?.cancel();
      expect(groupAlive(mock.pid)).toBe(true);
    } finally {
      await mock.stop();
    }
    expect(groupAlive(mock.pid)).toBe(false);
    await expect(mock.stop()).resolves.toBeUndefined();
  }, 60_000);

  it("rejects with Prism's own reason when the document cannot be read, leaving no process", async () => {
    const error = await startPrismMock({ specPath: "/nonexistent/openapi.json" }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as Error).message).toContain("ENOENT");
    // The usage text yargs prints on failure explains nothing and is left out.
    expect((error as Error).message).not.toContain("Positionals:");
  }, 60_000);

  it("reports a port that is taken as such, rather than waiting for a mock that never comes", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const error = await startPrismMock({ port }).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PrismStartError);
      expect((error as PrismStartError).addressInUse).toBe(true);
      expect((error as Error).message).toContain("EADDRINUSE");
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 60_000);
});
