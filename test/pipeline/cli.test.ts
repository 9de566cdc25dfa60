import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { type FixtureCopy, copyFixture, hashTree, repoRoot } from "./support/fixtures.js";

/** Exactly what `npm run generate` runs (see package.json), with no color. */
function generate(args: string[]) {
  const run = spawnSync(process.execPath, [path.join(repoRoot, "scripts/run-ts.mjs"), path.join(repoRoot, "scripts/generate.ts"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
  return { status: run.status, lines: run.stdout.trimEnd().split("\n"), stderr: run.stderr };
}

describe("scripts/generate.ts", () => {
  let bad: FixtureCopy;
  let good: FixtureCopy;
  beforeAll(async () => {
    [bad, good] = await Promise.all([copyFixture("bad-specs/lint-warning"), copyFixture("good-spec")]);
  });
  afterAll(async () => {
    await bad?.remove();
    await good?.remove();
  });

  it("prints one line per step with its time, each problem, a summary, and exits 1", () => {
    const { status, lines } = generate(["--root", bad.dir]);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^✓ bundle \d+ ms$/);
    expect(lines).toContain("- compile-types skipped");
    expect(lines.some((l) => /^✗ lint-redocly \d+ ms \(1 problem\)$/.test(l))).toBe(true);
    expect(lines).toContain("openapi/openapi.yaml:19:5  warning  tag-description  Tag object should contain `description` field.");
    expect(lines.at(-1)).toMatch(/^✗ generate failed: 0 errors, 1 warning \(\d+ ms\); generated\/ left untouched$/);
  });

  it("--quiet prints only the problems and the summary", () => {
    const { status, lines } = generate(["--root", bad.dir, "--quiet"]);
    expect(status).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^openapi\/openapi\.yaml:19:5  warning  tag-description  /);
  });

  it("--check lists what is stale, exits 1 and writes nothing", async () => {
    const { status, lines } = generate(["--root", good.dir, "--check", "--quiet"]);
    expect(status).toBe(1);
    expect(lines).toEqual([
      "generated/docs/index.html  missing",
      "generated/docs/zh-CN.html  missing",
      "generated/openapi.json  missing",
      "generated/openapi.yaml  missing",
      "generated/schema.d.ts  missing",
      expect.stringMatching(/^✗ generated\/ is stale: 5 files differ \(\d+ ms\); run `npm run generate`$/),
    ]);
    expect(await hashTree(path.join(good.dir, "generated"))).toEqual({});
  }, 60_000);

  it("rejects an unknown step", () => {
    const { status, stderr } = generate(["--root", good.dir, "--steps", "bundle,typo"]);
    expect(status).toBe(2);
    expect(stderr).toContain("Unknown step(s): typo");
  });
});
