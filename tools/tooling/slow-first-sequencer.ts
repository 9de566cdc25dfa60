// Orders the test files for two workers. Each project's files stay together: vitest keeps a worker
// for the next file only when that file is of the same project, and starts a fresh process (which
// loads Redocly, Spectral and TypeScript again) otherwise. Within a project the slowest files start
// first, so the two workers finish together. vitest orders by the previous run's durations when its
// cache has them, else by file size; a clean clone (CI) has no cache, and file size says little
// (drift.test.ts is 13 lines and one of the slowest), hence the list.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Slowest first (measured on the 2-core machine, docs/decisions/0009-test-speed.md); a path suffix each. */
export const SLOW_FIRST = [
  "test/docs/docs.browser.test.ts",
  "test/docs/description-fuzz.browser.test.ts",
  "test/pipeline/drift.test.ts",
  "test/pipeline/cli.test.ts",
  "test/package/types.test.ts",
  "test/package/are-the-types-wrong.test.ts",
  "test/package/consumers.test.ts",
  "test/contract/lint.test.ts",
  "test/contract/properties.test.ts",
  "test/contract/schema-properties.test.ts",
  "test/pipeline/good-spec.test.ts",
  "test/diff/cli.test.ts",
] as const;

export function slowRank(moduleId: string): number {
  const normalized = moduleId.replace(/\\/g, "/");
  const index = SLOW_FIRST.findIndex((suffix) => normalized.endsWith(`/${suffix}`));
  return index === -1 ? SLOW_FIRST.length : index;
}

/** Slowest first, then each project's files together, projects in the order their first file came. */
export function orderFiles<T extends { moduleId: string; project: { name: string } }>(files: readonly T[]): T[] {
  // Array.prototype.sort is stable: files of equal rank keep the order they came in.
  const bySpeed = [...files].sort((a, b) => slowRank(a.moduleId) - slowRank(b.moduleId));
  const projects = [...new Set(bySpeed.map((file) => file.project.name))];
  return bySpeed.sort((a, b) => projects.indexOf(a.project.name) - projects.indexOf(b.project.name));
}

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return orderFiles(await super.sort(files));
  }
}
