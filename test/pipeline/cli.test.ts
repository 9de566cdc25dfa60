// One spawned smoke test per command, exactly as npm runs it (see package.json); everything
// else about the pipeline is tested in-process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import path from "node:path";
import { GENERATED_DIR } from "../../tools/spec/generated-files.js";
import { npmScriptArgs } from "../../tools/tooling/npm-script.js";
import { type FixtureCopy, BAD_SPECS, copyFixture, hashTree, repoRoot, writePreviousOutput } from "./support/fixtures.js";

const lintWarning = BAD_SPECS.find((s) => s.name === "lint-warning");
/** formatMs: "123 ms", or "12.3 s" from ten seconds on (a loaded machine). */
const TIME = String.raw`(\d+ ms|\d+\.\d s)`;
const PROBLEM = "openapi/openapi.yaml:19:5  warning  tag-description  Tag object should contain `description` field.";

interface Run {
  status: number | null;
  lines: string[];
  stderr: string;
}

function run(script: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...npmScriptArgs(script), ...args],
      { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, lines: stdout.trimEnd().split("\n"), stderr }),
    );
  });
}

describe("commands", () => {
  let copy: FixtureCopy;
  let before: Record<string, string>;
  let generate: Run;
  let lint: Run;
  // Both commands only read the copy (generate fails on the warning and writes nothing), so the
  // two processes run side by side.
  beforeAll(async () => {
    copy = await copyFixture(lintWarning?.edits);
    await writePreviousOutput(path.join(copy.dir, GENERATED_DIR));
    before = await hashTree(path.join(copy.dir, GENERATED_DIR));
    // generate runs only the steps that report the warning: the command's wiring (options, one line
    // per step, problems, summary, exit code) is what is smoke-tested; Spectral runs in `lint`.
    const steps = ["--steps", "bundle,lint-redocly"];
    [generate, lint] = await Promise.all([run("generate", ["--root", copy.dir, "--no-cache", ...steps], repoRoot), run("lint", [], copy.dir)]);
  }, 90_000);
  afterAll(() => copy?.remove());

  it("npm run generate prints each step, each problem and a summary, exits 1 and leaves generated/ alone", async () => {
    const { status, lines, stderr } = generate;
    expect(status, stderr).toBe(1);
    expect(lines[0]).toMatch(new RegExp(`^✓ bundle ${TIME}$`));
    expect(lines).toContain("- lint-spectral skipped");
    expect(lines).toContain("- compile-types skipped");
    expect(lines.some((l) => new RegExp(`^✗ lint-redocly ${TIME} \\(1 problem\\)$`).test(l))).toBe(true);
    expect(lines).toContain(PROBLEM);
    expect(lines.at(-1)).toMatch(new RegExp(`^✗ generate failed: 0 errors, 1 warning \\(${TIME}\\); generated/ left untouched$`));
    expect(await hashTree(path.join(copy.dir, GENERATED_DIR))).toEqual(before);
  });

  it("npm run lint prints each problem and a count, and exits 1", () => {
    const { status, lines, stderr } = lint;
    expect(status, stderr).toBe(1);
    expect(lines).toEqual([PROBLEM, "lint: 0 errors, 1 warning"]);
  });
});
