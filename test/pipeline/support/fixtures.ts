// The one place fixtures are copied from, so every pipeline test runs on a private, disposable
// copy and no test can dirty test/fixtures/ or the repository's generated/.
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const fixturesDir = path.join(repoRoot, "test/fixtures");

export const BAD_SPECS = [
  "yaml-syntax-error",
  "missing-ref-file",
  "missing-component",
  "unknown-type",
  "example-mismatch",
  "default-outside-enum",
  "missing-info",
  "lint-warning",
  "bundle-only-problem",
] as const;
export type BadSpec = (typeof BAD_SPECS)[number];

export interface FixtureCopy {
  /** Root of the copy: `openapi/`, `.spectral.yaml`, `redocly.yaml`, later `generated/`. */
  dir: string;
  remove(): Promise<void>;
}

/**
 * Copies `test/fixtures/<name>` into a fresh temp folder. Spectral resolves `extends:
 * '@stoplight/spectral-owasp-ruleset'` from the ruleset's own folder, as Node does, so the copy
 * gets a `node_modules` link to the repository's, exactly like a checked-out project has.
 */
export async function copyFixture(name: string): Promise<FixtureCopy> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `pipeline-${path.basename(name)}-`));
  await cp(path.join(fixturesDir, name), dir, { recursive: true });
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A previous generation's output, so "left untouched" is checked on real files. */
export const PREVIOUS_OUTPUT: ReadonlyMap<string, string> = new Map([
  ["openapi.json", '{ "previous": true }\n'],
  ["openapi.yaml", "previous: true\n"],
  ["schema.d.ts", "export interface paths {}\n"],
  ["docs/index.html", "<!doctype html><title>previous</title>\n"],
]);

export async function writePreviousOutput(outDir: string): Promise<void> {
  for (const [file, contents] of PREVIOUS_OUTPUT) {
    const full = path.join(outDir, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, contents);
  }
}

/** sha256 of every file under `dir` (relative posix path → hex), for before/after comparisons. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const walk = async (current: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else hashes[path.relative(dir, full).split(path.sep).join("/")] = createHash("sha256").update(await readFile(full)).digest("hex");
    }
  };
  await walk(dir);
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)));
}

/** Entries next to `dir` whose name starts with `.tmp-`: staging or backup folders left behind. */
export async function leftoverTempDirs(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(".tmp-"));
}
