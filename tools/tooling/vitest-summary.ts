// CI reads the test result from one plain closing line, `N passed, N failed`, so the count
// is taken from vitest's JSON report rather than scraped from its coloured console output.

/** The fields of vitest's JSON report (Jest-compatible) that the summary needs. */
export interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  success: boolean;
}

export interface TestSummary {
  passed: number;
  /** Failed tests, plus files that failed to load (those hold no test to count). */
  failed: number;
  skipped: number;
}

export function summarise(report: VitestJsonReport): TestSummary {
  // A suite that throws while importing has no failed test in it but must still fail CI.
  const brokenSuites = report.numFailedTests === 0 && !report.success ? Math.max(report.numFailedTestSuites, 1) : 0;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

export function formatSummary(summary: TestSummary): string {
  const line = `${summary.passed} passed, ${summary.failed} failed`;
  return summary.skipped > 0 ? `${line}, ${summary.skipped} skipped` : line;
}

export function parseReport(json: string): VitestJsonReport {
  const data: unknown = JSON.parse(json);
  const fields = ["numPassedTests", "numFailedTests", "numPendingTests", "numTodoTests", "numFailedTestSuites"] as const;
  if (data === null || typeof data !== "object") throw new Error("vitest report is not an object");
  const record = data as Record<string, unknown>;
  for (const field of fields) {
    if (typeof record[field] !== "number") throw new Error(`vitest report lacks a numeric ${field}`);
  }
  if (typeof record.success !== "boolean") throw new Error("vitest report lacks success");
  return record as unknown as VitestJsonReport;
}
