import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { chmod, cp, mkdtemp, readdir, rename, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * Outputs are staged in a sibling of the output folder (same filesystem, so `rename` is
 * atomic and never EXDEV) whose name starts with `.tmp-`, which .gitignore already covers.
 */
export async function createStagingDir(outDir: string): Promise<string> {
  const parent = path.dirname(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `.tmp-${path.basename(outDir)}-stage-`));
  // mkdtemp makes it 0700; once renamed it *is* the output folder, so give it normal permissions.
  await chmod(dir, 0o755);
  return dir;
}

function backupPrefix(outDir: string): string {
  return `.tmp-${path.basename(outDir)}-previous-`;
}

/**
 * Replaces `outDir` with `stagingDir` by two renames: old → backup, staging → outDir.
 * Each rename is atomic; a crash between them leaves no `outDir` but an intact backup,
 * which `recoverInterruptedSwap` puts back on the next run. A crash can therefore never
 * leave a half-written output folder, only the old one or the new one.
 */
export async function swapIntoPlace(stagingDir: string, outDir: string): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  let backup: string | undefined;
  if (existsSync(target)) {
    backup = await mkdtemp(path.join(parent, backupPrefix(target)));
    // mkdtemp creates the directory; rename needs the name free (or an empty dir on POSIX).
    await rm(backup, { recursive: true, force: true });
    await rename(target, backup);
  }
  try {
    await rename(stagingDir, target);
  } catch (error) {
    if (backup) await rename(backup, target);
    throw error;
  }
  if (backup) await rm(backup, { recursive: true, force: true });
}

/** Restores the previous output if a run died between the two renames of `swapIntoPlace`. */
export async function recoverInterruptedSwap(outDir: string): Promise<boolean> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  if (existsSync(target) || !existsSync(parent)) return false;
  const backups = (await readdir(parent)).filter((name) => name.startsWith(backupPrefix(target))).sort();
  const newest = backups.at(-1);
  if (!newest) return false;
  await rename(path.join(parent, newest), target);
  return true;
}

/**
 * Relative posix path → contents, for every regular file under `dir` (empty if missing).
 * Synchronous: generated/ is a few dozen files, and awaiting each read left an unchanged run idle.
 */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(path.relative(dir, full).split(path.sep).join("/"), readFileSync(full));
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

export interface TreeDiff {
  /** In both, different bytes. */
  changed: string[];
  /** Expected (freshly generated) but not present. */
  missing: string[];
  /** Present but not generated any more. */
  extra: string[];
}

export function diffTrees(expected: ReadonlyMap<string, Buffer>, actual: ReadonlyMap<string, Buffer>): TreeDiff {
  const changed: string[] = [];
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [file, bytes] of expected) {
    const other = actual.get(file);
    if (!other) missing.push(file);
    else if (!other.equals(bytes)) changed.push(file);
  }
  for (const file of actual.keys()) if (!expected.has(file)) extra.push(file);
  return { changed: changed.sort(), missing: missing.sort(), extra: extra.sort() };
}

export function isEmptyDiff(diff: TreeDiff): boolean {
  return diff.changed.length === 0 && diff.missing.length === 0 && diff.extra.length === 0;
}

export async function writeFiles(dir: string, files: ReadonlyMap<string, string | Buffer>): Promise<void> {
  for (const [relative, contents] of files) {
    const full = path.join(dir, ...relative.split("/"));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, contents);
  }
}

/** Carries files a partial run (`steps`) did not regenerate over into the staging folder. */
export async function copyMissingFrom(sourceDir: string, stagingDir: string, files: Iterable<string>): Promise<void> {
  for (const relative of files) {
    const from = path.join(sourceDir, ...relative.split("/"));
    const to = path.join(stagingDir, ...relative.split("/"));
    if (existsSync(from) && !existsSync(to)) {
      await mkdir(path.dirname(to), { recursive: true });
      await cp(from, to);
    }
  }
}

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
