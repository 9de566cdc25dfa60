// The demo's summary of a webinar takes its words from the contract (the flow: flow.test.ts).
import { describe, expect, it } from "vitest";
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
