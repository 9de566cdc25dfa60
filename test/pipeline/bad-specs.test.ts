import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { formatProblem, isFailing, type Problem } from "../../tools/pipeline/problems.js";
import { type PipelineResult, runPipeline } from "../../tools/pipeline/run-pipeline.js";
import { BAD_SPECS, type BadSpec, type FixtureCopy, copyFixture, hashTree, leftoverTempDirs, writePreviousOutput } from "./support/fixtures.js";

/** What each broken spec must be reported as: the file, the rule and words of the message. */
const EXPECTED: Record<BadSpec, { file: string; line?: number; rule: string | RegExp; message: RegExp; onlyWarnings?: boolean }> = {
  "yaml-syntax-error": { file: "openapi/openapi.yaml", line: 27, rule: "yaml-syntax", message: /YAML syntax error/ },
  "missing-ref-file": { file: "openapi/openapi.yaml", line: 50, rule: "bundler", message: /schemas\/webinar\.yaml/ },
  "missing-component": { file: "openapi/openapi.yaml", line: 53, rule: "bundler", message: /#\/components\/examples\/CancelledWebinar/ },
  "unknown-type": { file: "openapi/components.yaml", line: 68, rule: /^(oas3-schema|struct)$/, message: /type/ },
  "example-mismatch": { file: "openapi/openapi.yaml", line: 104, rule: "example-matches-schema", message: /\/type must be equal to one of the allowed values: 5, 6, 9/ },
  "default-outside-enum": { file: "openapi/components.yaml", line: 55, rule: "default-matches-schema", message: /must be equal to one of the allowed values: 5, 6, 9/ },
  "missing-info": { file: "openapi/openapi.yaml", rule: /^(oas3-schema|struct)$/, message: /info/ },
  "lint-warning": { file: "openapi/openapi.yaml", line: 19, rule: "tag-description", message: /description/, onlyWarnings: true },
  // Found only by Spectral on the bundle; reported at the nearest source node, naming the bundle node.
  "bundle-only-problem": { file: "openapi/openapi.yaml", rule: "owasp:api8:2023-define-cors-origin", message: /\(bundle #\/components\/headers\)$/ },
};

describe.each(BAD_SPECS)("bad spec %s", (name) => {
  let copy: FixtureCopy;
  let result: PipelineResult;
  let before: Record<string, string>;
  let after: Record<string, string>;

  beforeAll(async () => {
    copy = await copyFixture(`bad-specs/${name}`);
    const outDir = path.join(copy.dir, "generated");
    await writePreviousOutput(outDir);
    before = await hashTree(outDir);
    result = await runPipeline({ rootDir: copy.dir });
    after = await hashTree(outDir);
  }, 60_000);
  afterAll(() => copy?.remove());

  it("fails, naming the file, line, rule and problem", () => {
    const expected = EXPECTED[name];
    expect(result.ok).toBe(false);
    const match = result.problems.find(
      (p: Problem) =>
        p.file === expected.file &&
        (expected.line === undefined || p.line === expected.line) &&
        (typeof expected.rule === "string" ? p.rule === expected.rule : expected.rule.test(p.rule)) &&
        expected.message.test(p.message),
    );
    expect(match, result.problems.map(formatProblem).join("\n")).toBeDefined();
  });

  it("blames only the spec's own files", () => {
    for (const problem of result.problems) expect(problem.file).toMatch(/^openapi\/(openapi|components)\.yaml$/);
  });

  it("fails on warnings too", () => {
    if (!EXPECTED[name].onlyWarnings) return;
    expect(result.problems.filter(isFailing).every((p) => p.severity === "warning")).toBe(true);
    expect(result.ok).toBe(false);
  });

  it("leaves the output folder byte-for-byte as it was, with no temp folders behind", async () => {
    expect(after).toEqual(before);
    expect(Object.keys(after)).toHaveLength(4);
    expect(await leftoverTempDirs(copy.dir)).toEqual([]);
  });

  it("builds nothing after a failed check", () => {
    const status = Object.fromEntries(result.steps.map((s) => [s.name, s.status]));
    expect(status["compile-types"]).toBe("skipped");
    expect(status["build-docs"]).toBe("skipped");
    expect(result.changedFiles).toEqual([]);
  });
});
