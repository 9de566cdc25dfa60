import { describe, expect, it } from "vitest";
import path from "node:path";
import { type Problem, dedupeProblems, formatProblem, isFailing, relativeFile, relativizeMessage, sortProblems, summarizeProblems } from "../../tools/pipeline/problems.js";

const problem = (over: Partial<Problem> = {}): Problem => ({
  file: "openapi/openapi.yaml",
  line: 12,
  column: 5,
  rule: "tag-description",
  severity: "warning",
  message: "Tag object should contain `description` field.",
  ...over,
});

describe("problems", () => {
  it("formats as path:line:col  severity  rule  message", () => {
    expect(formatProblem(problem())).toBe("openapi/openapi.yaml:12:5  warning  tag-description  Tag object should contain `description` field.");
  });

  it("fails on errors and warnings, not on info", () => {
    expect(isFailing(problem({ severity: "error" }))).toBe(true);
    expect(isFailing(problem({ severity: "warning" }))).toBe(true);
    expect(isFailing(problem({ severity: "info" }))).toBe(false);
  });

  it("sorts by file, line, column, then rule", () => {
    const sorted = sortProblems([
      problem({ file: "b.yaml", line: 1 }),
      problem({ line: 30 }),
      problem({ line: 12, column: 1, rule: "z" }),
      problem({ line: 12, column: 1, rule: "a" }),
    ]);
    expect(sorted.map((p) => `${p.file}:${p.line}:${p.column}:${p.rule}`)).toEqual([
      "b.yaml:1:5:tag-description",
      "openapi/openapi.yaml:12:1:a",
      "openapi/openapi.yaml:12:1:z",
      "openapi/openapi.yaml:30:5:tag-description",
    ]);
  });

  it("treats the same rule, line and text as one problem whatever the column", () => {
    expect(dedupeProblems([problem(), problem({ column: 9 }), problem({ line: 13 })])).toHaveLength(2);
  });

  it("makes paths repo-relative with forward slashes, and keeps outside paths absolute", () => {
    const root = path.resolve("/repo");
    expect(relativeFile(root, path.join(root, "openapi", "components", "x.yaml"))).toBe("openapi/components/x.yaml");
    expect(relativeFile(root, "openapi/openapi.yaml")).toBe("openapi/openapi.yaml");
    expect(relativeFile(root, path.resolve("/elsewhere/a.yaml"))).toBe(path.resolve("/elsewhere/a.yaml").split(path.sep).join("/"));
  });

  it("strips the root from messages and folds them onto one line", () => {
    const root = path.resolve("/tmp/copy-123");
    expect(relativizeMessage(root, `Can't resolve $ref: ENOENT '${root}${path.sep}openapi${path.sep}x.yaml'\n  at line 3`)).toBe(
      `Can't resolve $ref: ENOENT 'openapi${path.sep}x.yaml' at line 3`,
    );
  });

  it("summarizes counts", () => {
    expect(summarizeProblems([problem({ severity: "error" }), problem(), problem()])).toBe("1 error, 2 warnings");
    expect(summarizeProblems([problem({ severity: "info" })])).toBe("0 errors, 0 warnings, 1 info");
  });
});
