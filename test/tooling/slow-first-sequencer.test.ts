import { describe, expect, it } from "vitest";
import { orderFiles } from "../../tools/tooling/slow-first-sequencer.js";

/** A spec as far as the order reads it: its path and its project's name. */
const spec = (project: string, file: string) => ({ moduleId: `/repo/${file}`, project: { name: project } });
const names = (files: ReturnType<typeof spec>[]) => orderFiles(files).map((file) => `${file.project.name}:${file.moduleId.slice("/repo/".length)}`);

describe("the order of the test files", () => {
  it("keeps each project's files together, in the order the projects' slowest files come", () => {
    const files = [
      spec("isolated", "test/client/upload.test.ts"),
      spec("tests", "test/a.test.ts"),
      spec("package", "test/package/tarball.test.ts"),
      spec("package", "test/package/types.test.ts"),
      spec("tests", "test/pipeline/cli.test.ts"),
      spec("tests", "test/b.test.ts"),
    ];
    expect(names(files)).toEqual([
      "tests:test/pipeline/cli.test.ts",
      "tests:test/a.test.ts",
      "tests:test/b.test.ts",
      "package:test/package/types.test.ts",
      "package:test/package/tarball.test.ts",
      "isolated:test/client/upload.test.ts",
    ]);
  });

  it("starts the listed slow files first, in the list's order, and keeps vitest's order for the rest", () => {
    const files = [spec("tests", "test/z.test.ts"), spec("tests", "test/pipeline/drift.test.ts"), spec("tests", "test/y.test.ts"), spec("tests", "test/docs/docs.browser.test.ts")];
    expect(names(files)).toEqual(["tests:test/docs/docs.browser.test.ts", "tests:test/pipeline/drift.test.ts", "tests:test/z.test.ts", "tests:test/y.test.ts"]);
  });
});
