// `npm run diff -- --format changelog`: the gate's changes as Keep a Changelog sections.
import { describe, expect, it } from "vitest";
import { changelogSection, formatChangelog } from "../../tools/contract-diff/changelog.js";
import type { Change } from "../../tools/contract-diff/index.js";
import { changesAfter } from "./fixture.js";

const change = (kind: string, breaking = false, message = kind): Change => ({ location: "GET /x", kind, breaking, message });

describe("changelog sections", () => {
  it.each([
    ["property-added", "Added"],
    ["operation-added", "Added"],
    ["required-parameter-added", "Changed"],
    ["request-body-made-required", "Changed"],
    ["enum-value-removed", "Removed"],
    ["tightened", "Changed"],
  ] as const)("puts %s under %s", (kind, section) => {
    expect(changelogSection(change(kind))).toBe(section);
  });

  it("tells a new deprecation from a lifted one", () => {
    expect(changelogSection(change("deprecation-changed", false, "operation deprecated"))).toBe("Deprecated");
    expect(changelogSection(change("deprecation-changed", false, "operation no longer deprecated"))).toBe("Changed");
  });

  it("renders a real diff in section order, marking breaking entries", async () => {
    const changes = await changesAfter([
      ["/components/schemas/Thing/properties/colour", { type: "string" }],
      ["/paths/~1things~1{thingId}/get/deprecated", true],
      ["/paths/~1things~1{thingId}/get/responses/404", undefined],
    ]);
    const lines = formatChangelog(changes);
    expect(lines.filter((line) => line.startsWith("### "))).toEqual(["### Added", "### Deprecated", "### Removed"]);
    expect(lines).toContain("- **Breaking:** `GET /things/{thingId} responses/404`: status code removed");
    expect(lines).toContain("- `GET /things/{thingId}`: operation deprecated");
    expect(lines.filter((line) => line.startsWith("- "))).toHaveLength(changes.length);
  });

  it("says so when nothing changed", () => {
    expect(formatChangelog([])).toEqual(["No changes to the contract."]);
  });
});
