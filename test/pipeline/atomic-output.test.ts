import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createStagingDir, diffTrees, isEmptyDiff, readTree, recoverInterruptedSwap, swapIntoPlace, writeFiles } from "../../tools/pipeline/atomic-output.js";

let root: string;
let outDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "atomic-output-"));
  outDir = path.join(root, "generated");
});
afterEach(() => rm(root, { recursive: true, force: true }));

const tree = (dir: string) => Object.fromEntries([...readTree(dir)].map(([k, v]) => [k, v.toString("utf8")]));

describe("atomic output", () => {
  it("stages next to the output folder, under a git-ignored .tmp- name, with normal permissions", async () => {
    const staging = await createStagingDir(outDir);
    expect(path.dirname(staging)).toBe(root);
    expect(path.basename(staging)).toMatch(/^\.tmp-generated-stage-/);
    expect(statSync(staging).mode & 0o777).toBe(0o755);
  });

  it("swaps a staged folder in, replacing every old file and leaving no temp folder", async () => {
    await writeFiles(outDir, new Map([["old.txt", "old"], ["docs/index.html", "old page"]]));
    const staging = await createStagingDir(outDir);
    await writeFiles(staging, new Map([["new.txt", "new"], ["docs/index.html", "new page"]]));
    await swapIntoPlace(staging, outDir);
    expect(tree(outDir)).toEqual({ "docs/index.html": "new page", "new.txt": "new" });
    expect(existsSync(staging)).toBe(false);
    expect(readTree(root).size).toBe(2);
  });

  it("creates the output folder when there was none", async () => {
    const staging = await createStagingDir(outDir);
    await writeFiles(staging, new Map([["a.json", "{}\n"]]));
    await swapIntoPlace(staging, outDir);
    expect(tree(outDir)).toEqual({ "a.json": "{}\n" });
  });

  it("puts the old folder back when the second rename fails", async () => {
    await writeFiles(outDir, new Map([["keep.txt", "keep"]]));
    await expect(swapIntoPlace(path.join(root, "no-such-staging"), outDir)).rejects.toThrow();
    expect(tree(outDir)).toEqual({ "keep.txt": "keep" });
  });

  it("recovers the previous output after a crash between the two renames", async () => {
    await writeFiles(outDir, new Map([["keep.txt", "keep"]]));
    // What swapIntoPlace leaves if the process dies right after its first rename.
    await rename(outDir, path.join(root, ".tmp-generated-previous-abc123"));
    expect(existsSync(outDir)).toBe(false);
    expect(await recoverInterruptedSwap(outDir)).toBe(true);
    expect(tree(outDir)).toEqual({ "keep.txt": "keep" });
    expect(await recoverInterruptedSwap(outDir)).toBe(false);
  });

  it("does nothing to recover when the output folder exists", async () => {
    await mkdir(outDir);
    await mkdir(path.join(root, ".tmp-generated-previous-zzz"));
    expect(await recoverInterruptedSwap(outDir)).toBe(false);
  });

  it("diffs trees into changed, missing and extra", () => {
    const b = (s: string) => Buffer.from(s);
    const expected = new Map([["same", b("1")], ["changed", b("new")], ["missing", b("x")]]);
    const actual = new Map([["same", b("1")], ["changed", b("old")], ["extra", b("y")]]);
    const diff = diffTrees(expected, actual);
    expect(diff).toEqual({ changed: ["changed"], missing: ["missing"], extra: ["extra"] });
    expect(isEmptyDiff(diff)).toBe(false);
    expect(isEmptyDiff(diffTrees(expected, expected))).toBe(true);
  });

  it("reads a missing folder as empty", async () => {
    expect(readTree(path.join(root, "nope")).size).toBe(0);
  });

  it("writes bytes exactly", async () => {
    await writeFiles(outDir, new Map([["x/y.txt", "a\nb\n"]]));
    expect(await readFile(path.join(outDir, "x", "y.txt"), "utf8")).toBe("a\nb\n");
    await writeFile(path.join(outDir, "z"), "");
    expect(Object.keys(tree(outDir))).toEqual(["x/y.txt", "z"]);
  });
});
