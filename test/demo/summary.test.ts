// The demo's summary takes its words from the contract, and `npm run demo`'s runner goes end
// to end through Prism and the real client.
import { describe, expect, it } from "vitest";
import { runDemo } from "../../tools/demo/run-demo.js";
import { summarizeWebinar } from "../../tools/demo/summary.js";
import type { Webinar } from "../../src/index.js";
import { loadBundledContract } from "../contract/support/contract.js";
import { example } from "../client/support/spec-examples.js";

const document = loadBundledContract();

describe("summarizeWebinar", () => {
  it("spells out enum values with the contract's x-enumDescriptions, wherever they are reworded", () => {
    const reworded = structuredClone(document);
    const schemas = reworded.components?.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    (schemas.Webinar?.properties.type?.["x-enumDescriptions"] as Record<string, string>)["9"] = "Series on a timetable.";
    (schemas.WebinarSettings?.properties.auto_recording?.["x-enumDescriptions"] as Record<string, string>).cloud = "Kept in the cloud.";
    const webinar: Webinar = { topic: "T", type: 9, settings: { auto_recording: "cloud" } };
    const lines = summarizeWebinar(webinar, reworded);
    expect(lines).toContain("  type:          Series on a timetable (9)");
    expect(lines.find((line) => line.startsWith("  recording:"))).toBe("  recording:     automatic: Kept in the cloud (cloud)");
  });

  it("shows a value the contract does not describe as it is", () => {
    const lines = summarizeWebinar({ type: 7 as Webinar["type"] }, document);
    expect(lines).toContain("  type:          7");
  });

  it("never prints the start link or the passcodes", () => {
    const webinar = example<Webinar>("ScheduledWebinar");
    const text = summarizeWebinar(webinar, document).join("\n");
    for (const secret of [webinar.start_url, webinar.password, webinar.h323_passcode, webinar.encrypted_passcode]) {
      expect(secret, "the example has the field").toBeDefined();
      expect(text).not.toContain(secret);
    }
  });
});

describe("runDemo", () => {
  it("prints the summary of the webinar the mock served and stops the mock", async () => {
    const lines: string[] = [];
    await runDemo({ example: "scheduledWebinar", out: (line) => lines.push(line) });
    // The client is pointed at the production base path, /v2, of the in-process mock.
    expect(lines[0]).toMatch(/^Prism mock of Zoom from .*openapi\.json on http:\/\/127\.0\.0\.1:\d+\/v2 /);
    expect(lines).toContain(`getWebinar("ABcdEFgh123456789IJklmN", "97871060099") → 200, body valid against the contract`);
    expect(lines).toContain("Quarterly product update  [webinar 85746065432]");
    expect(lines).toContain("  type:          Webinar held once, at a scheduled time (5)");
    expect(lines.at(-1)).toMatch(/^mock stopped; \d+ ms in all$/);
    const baseUrl = lines[0]?.match(/on (http:\/\/\S+)/)?.[1];
    expect(baseUrl).toBeDefined();
    await expect(fetch(`${baseUrl}/accounts/a/webinars/1`)).rejects.toThrow();
  }, 60_000);

  it("names the 200 examples there are when asked for one that is not", async () => {
    await expect(runDemo({ example: "noSuchExample", out: () => {} })).rejects.toThrow(/recurringWebinar, scheduledWebinar/);
  });
});
