import { describe, expect, it } from "vitest";
import { countResults, formatCounts, type CountableModule } from "../../tools/tooling/summary-reporter.js";

type State = "passed" | "failed" | "skipped" | "pending";

/** A module shaped like vitest's TestModule, as far as the count reads it. */
function moduleWith(tests: State[], moduleState: State = tests.includes("failed") ? "failed" : "passed"): CountableModule {
  return {
    state: () => moduleState,
    children: {
      *allTests() {
        for (const state of tests) yield { result: () => ({ state }) };
      },
    },
  };
}

describe("the closing line CI reads", () => {
  it.each([
    ["passed and failed tests across files", [moduleWith(["passed", "passed"]), moduleWith(["passed", "failed"])], 0, "failed", "3 passed, 1 failed"],
    ["skipped and pending tests, only when there are some", [moduleWith(["passed", "skipped", "pending"])], 0, "passed", "1 passed, 0 failed, 2 skipped"],
    ["a file that failed to load as one failure", [moduleWith(["passed"]), moduleWith([], "failed")], 0, "failed", "1 passed, 1 failed"],
    ["each unhandled error as a failure", [moduleWith(["passed"])], 2, "failed", "1 passed, 2 failed"],
    ["an interrupted run as failed even with no failed test", [moduleWith(["passed"])], 0, "interrupted", "1 passed, 1 failed"],
  ] as const)("counts %s", (_, modules, unhandled, reason, line) => {
    expect(formatCounts(countResults(modules, unhandled, reason))).toBe(line);
  });
});
