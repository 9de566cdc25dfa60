import { describe, expect, it } from "vitest";
import { formatDiff, formatMs, formatStep, formatSummary } from "../../tools/pipeline/report.js";
import { type PipelineResult, parseStepList } from "../../tools/pipeline/run-pipeline.js";

const result = (over: Partial<PipelineResult>): PipelineResult => ({
  ok: true,
  mode: "write",
  steps: [],
  problems: [],
  changedFiles: [],
  diff: { changed: [], missing: [], extra: [] },
  outputs: ["openapi.json", "schema.d.ts"],
  outDir: "generated",
  totalMs: 1234.4,
  ...over,
});

describe("report", () => {
  it("formats step lines", () => {
    expect(formatStep({ name: "bundle", status: "ok", ms: 119.6, problems: [] })).toBe("✓ bundle 120 ms");
    expect(formatStep({ name: "build-docs", status: "ok", ms: 900, problems: [], note: "in-process" })).toBe("✓ build-docs 900 ms (in-process)");
    expect(formatStep({ name: "compile-types", status: "skipped", ms: 0, problems: [] })).toBe("- compile-types skipped");
    const warning = { file: "a.yaml", line: 1, column: 1, rule: "r", severity: "warning" as const, message: "m" };
    expect(formatStep({ name: "lint-redocly", status: "failed", ms: 40, problems: [warning, warning] })).toBe("✗ lint-redocly 40 ms (2 problems)");
  });

  it("formats durations", () => {
    expect(formatMs(12.4)).toBe("12 ms");
    expect(formatMs(12_345)).toBe("12.3 s");
  });

  it("summarizes success, failure and staleness in one line", () => {
    expect(formatSummary(result({ changedFiles: ["openapi.json"] }))).toBe("✓ generated 2 files into generated/, 1 changed (1234 ms)");
    expect(formatSummary(result({ mode: "check" }))).toBe("✓ generated/ is up to date: 2 files checked (1234 ms)");
    expect(
      formatSummary(result({ ok: false, problems: [{ file: "a", line: 1, column: 1, rule: "r", severity: "error", message: "m" }] })),
    ).toBe("✗ generate failed: 1 error, 0 warnings (1234 ms); generated/ left untouched");
    const stale = result({ ok: false, mode: "check", changedFiles: ["openapi.json", "x"], diff: { changed: ["openapi.json"], missing: [], extra: ["x"] } });
    expect(formatSummary(stale)).toBe("✗ generated/ is stale: 2 files differ (1234 ms); run `npm run generate`");
    expect(formatDiff(stale)).toEqual(["generated/openapi.json  changed", "generated/x  extra"]);
  });

  it("parses --steps, naming what is not a step", () => {
    expect(parseStepList("bundle, compile-types")).toEqual({ steps: ["bundle", "compile-types"] });
    expect(parseStepList("bundle,typo")).toEqual({ unknown: ["typo"] });
  });
});
