// The gate's decision and its printed form.
import { describe, expect, it } from "vitest";
import { type Change, formatChange, formatReport, gateVerdict, majorOf } from "../../tools/contract-diff/index.js";

const breaking: Change = { location: "GET /x responses/200/application/json#/a", kind: "property-removed", breaking: true, message: "property removed" };
const fine: Change = { location: "GET /x responses/200/application/json#/b", kind: "property-added", breaking: false, message: "property added" };

describe("gateVerdict", () => {
  it("passes when nothing breaks, whatever the versions", () => {
    expect(gateVerdict([fine], "1.0.0", "1.0.0")).toMatchObject({ pass: true, exitCode: 0, breaking: 0, nonBreaking: 1 });
    expect(gateVerdict([], undefined, undefined)).toMatchObject({ pass: true, exitCode: 0 });
  });

  it("fails on a breaking change without a major bump", () => {
    for (const head of ["1.0.0", "1.1.0", "1.9.9"]) {
      expect(gateVerdict([breaking, fine], "1.0.0", head)).toMatchObject({ pass: false, exitCode: 1, breaking: 1, nonBreaking: 1, majorRaised: false });
    }
  });

  it("lets a raised major number approve breaking changes", () => {
    expect(gateVerdict([breaking], "1.4.2", "2.0.0")).toMatchObject({ pass: true, exitCode: 0, majorRaised: true });
    expect(gateVerdict([breaking], "v1.0.0", "v3.0.0")).toMatchObject({ pass: true, majorRaised: true });
  });

  it("fails closed when the major went down or a version is unreadable", () => {
    expect(gateVerdict([breaking], "2.0.0", "1.0.0").exitCode).toBe(1);
    expect(gateVerdict([breaking], "1.0.0", "next").exitCode).toBe(1);
    expect(gateVerdict([breaking], undefined, "2.0.0").exitCode).toBe(1);
  });

  it("reads the major number", () => {
    expect([majorOf("1.2.3"), majorOf("v10.0"), majorOf("7"), majorOf("x1"), majorOf(undefined)]).toEqual([1, 10, 7, undefined, undefined]);
  });
});

describe("report", () => {
  it("prints one aligned line per change and a summary line", () => {
    expect(formatChange(breaking)).toBe("BREAKING  GET /x responses/200/application/json#/a  property removed");
    expect(formatChange(fine)).toBe("ok        GET /x responses/200/application/json#/b  property added");
    const lines = formatReport([breaking, fine], gateVerdict([breaking, fine], "1.0.0", "1.1.0"));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^summary: 1 breaking, 1 non-breaking; FAIL: .*1\.0\.0 -> 1\.1\.0/);
  });
});
