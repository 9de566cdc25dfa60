import { describe, expect, it } from "vitest";
import { formatSummary, parseReport, summarise } from "../../tools/tooling/vitest-summary.js";

const report = (over: Partial<Record<string, unknown>> = {}) =>
  JSON.stringify({ numPassedTests: 7, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 0, success: true, ...over });

describe("the closing line CI reads", () => {
  it("counts passed and failed tests", () => {
    expect(formatSummary(summarise(parseReport(report({ numFailedTests: 2, success: false }))))).toBe("7 passed, 2 failed");
  });

  it("adds skipped and todo tests only when there are some", () => {
    expect(formatSummary(summarise(parseReport(report({ numPendingTests: 1, numTodoTests: 2 }))))).toBe("7 passed, 0 failed, 3 skipped");
  });

  it("counts a file that failed to load as a failure even with no failed test", () => {
    const line = formatSummary(summarise(parseReport(report({ numFailedTestSuites: 1, success: false }))));
    expect(line).toBe("7 passed, 1 failed");
  });

  it("rejects a report that lacks a count", () => {
    expect(() => parseReport(JSON.stringify({ numPassedTests: 1 }))).toThrow(/numFailedTests/);
  });
});
