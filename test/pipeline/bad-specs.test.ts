// The good fixture broken one way per row (support/fixtures.ts BAD_SPECS), in one temp copy:
// each edit is applied, run in-process, and undone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { formatProblem, isFailing, type Problem } from "../../tools/pipeline/problems.js";
import { runPipeline } from "../../tools/pipeline/run-pipeline.js";
import { BAD_SPECS, type FixtureCopy, copyFixture, hashTree, leftoverTempDirs, writePreviousOutput } from "./support/fixtures.js";

describe("a broken spec fails generate and leaves generated/ as it was", () => {
  let copy: FixtureCopy;
  let outDir: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    copy = await copyFixture();
    outDir = path.join(copy.dir, "generated");
    await writePreviousOutput(outDir);
    before = await hashTree(outDir);
  });
  afterAll(() => copy?.remove());

  it.each(BAD_SPECS)("$name", async ({ edits, expected }) => {
    const restore = await copy.edit(edits);
    try {
      const result = await runPipeline({ rootDir: copy.dir, cacheDir: false });
      expect(result.ok).toBe(false);
      const report = result.problems.map(formatProblem).join("\n");
      const match = result.problems.find(
        (p: Problem) =>
          p.file === expected.file &&
          (expected.line === undefined || p.line === expected.line) &&
          (typeof expected.rule === "string" ? p.rule === expected.rule : expected.rule.test(p.rule)) &&
          expected.message.test(p.message),
      );
      expect(match, report).toBeDefined();
      // Only the spec's own files are blamed.
      for (const problem of result.problems) expect(problem.file, report).toMatch(/^openapi\/(openapi|components)\.yaml$/);
      // A spec with only warnings fails all the same.
      const failing = result.problems.filter(isFailing);
      expect(failing.every((p) => p.severity === "warning")).toBe(expected.onlyWarnings === true);
      // Nothing is built after a failed check, and the output folder is untouched.
      const status = Object.fromEntries(result.steps.map((s) => [s.name, s.status]));
      expect([status["compile-types"], status["build-docs"]]).toEqual(["skipped", "skipped"]);
      expect(result.changedFiles).toEqual([]);
      expect(await hashTree(outDir)).toEqual(before);
      expect(await leftoverTempDirs(copy.dir)).toEqual([]);
    } finally {
      await restore();
    }
  }, 30_000);
});
