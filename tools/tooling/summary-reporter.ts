// The closing line CI reads, `N passed, N failed`, printed by a vitest reporter in the test
// process itself (vitest.config.ts lists it after the default reporter, so it prints last).
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** The parts of vitest's TestModule that the count reads. */
export interface CountableModule {
  state(): string;
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}

export function countResults(modules: ReadonlyArray<CountableModule>, unhandledErrors: number, reason: TestRunEndReason): TestCounts {
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const module of modules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") counts.passed++;
      else if (state === "failed") failedHere++;
      else counts.skipped++;
    }
    // A file that fails to load has no failed test in it, and must still fail the run.
    counts.failed += module.state() === "failed" && failedHere === 0 ? 1 : failedHere;
  }
  counts.failed += unhandledErrors;
  // An interrupted or otherwise failed run never reads as clean.
  if (reason !== "passed" && counts.failed === 0) counts.failed = 1;
  return counts;
}

export function formatCounts(counts: TestCounts): string {
  const line = `${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    process.stdout.write(`${formatCounts(countResults(modules, unhandledErrors.length, reason))}\n`);
  }
}
