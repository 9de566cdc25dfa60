// The demo end to end, in-process: the mock under /v2, the real client, the summary, the stop.
import { describe, expect, it } from "vitest";
import { runDemo } from "../../tools/demo/run-demo.js";

describe("runDemo", () => {
  it("calls the mock under its production base path and prints the summary of the chosen example", async () => {
    const lines: string[] = [];
    await runDemo({ example: "scheduledWebinar", out: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/^Prism mock of Zoom from .*openapi\.json on http:\/\/127\.0\.0\.1:\d+\/v2 /);
    expect(lines).toContain(`getWebinar("ABcdEFgh123456789IJklmN", "97871060099") → 200, body valid against the contract`);
    expect(lines.some((line) => line.startsWith("  type:"))).toBe(true);
    expect(lines.at(-1)).toMatch(/^mock stopped; \d+ ms in all$/);
  });

  it("names the contract's 200 examples when asked for one it lacks", async () => {
    await expect(runDemo({ example: "noSuchExample", out: () => {} })).rejects.toThrow(/no 200 example named noSuchExample; the contract has: .*scheduledWebinar/);
  });
});
