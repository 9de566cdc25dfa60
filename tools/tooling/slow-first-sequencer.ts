// Starts the slowest test files first, so the two workers finish together instead of one
// running a long file alone at the end. vitest orders by the previous run's durations when its
// cache has them, else by file size; a clean clone (CI) has no cache, and file size says
// little (drift.test.ts is 13 lines and one of the slowest), hence this list.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Slowest first (measured on the 2-core machine, docs/decisions/0009-test-speed.md); a path suffix each. */
export const SLOW_FIRST = [
  "test/docs/docs.browser.test.ts",
  "test/docs/description-fuzz.browser.test.ts",
  "test/pipeline/drift.test.ts",
  "test/pipeline/cli.test.ts",
  "test/package/types-node10.test.ts",
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

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => slowRank(a.moduleId) - slowRank(b.moduleId));
  }
}
