// Content-addressed cache of step results (see docs/decisions/0003-generate-cache.md).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem } from "./problems.js";

/** Bump when the entry format or what a key covers changes. */
const FORMAT = 1;
/** Entries kept per step; test runs and branch switches create many. */
const KEEP_PER_STEP = 6;
const MAX_TREE_FILES = 10_000;

export const toolsRepoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_CACHE_DIR = path.join(toolsRepoRoot, "node_modules", ".cache", "generate");

export interface CachedStep {
  problems: Problem[];
  note?: string;
  /** Output files (relative to the output folder) → sha256 of their bytes. */
  files: Record<string, string>;
}

/** A step's output file: its hash is known at once, its bytes are read only when written. */
export interface OutputFile {
  sha256: string;
  bytes(): Promise<Buffer>;
}

export function sha256(...parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex");
}

/**
 * sha256 over every file under `dir` (relative path and bytes), skipping `exclude` folders; "" if missing.
 * Synchronous reads: a few hundred small files, and awaiting each read took most of an unchanged run.
 */
export async function hashTree(dir: string, exclude: readonly string[] = []): Promise<string> {
  if (!existsSync(dir)) return "";
  const parts: string[] = [];
  const walk = (current: string): void => {
    const entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (exclude.includes(full)) continue;
      if (parts.length >= MAX_TREE_FILES) throw new Error(`more than ${MAX_TREE_FILES} files under ${dir}`);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) parts.push(path.relative(dir, full), sha256(readFileSync(full)));
    }
  };
  walk(dir);
  return sha256(...parts);
}

export async function hashFiles(files: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const file of files) parts.push(file, existsSync(file) ? sha256(readFileSync(file)) : "absent");
  return sha256(...parts);
}

/** The Spectral ruleset file and every file of its `functionsDir`: what the loaded ruleset depends on. */
export async function rulesetInputsHash(rulesetFile: string): Promise<string> {
  // A root-level key in YAML or JSON; read with a pattern so a cached run does not load a YAML parser.
  const text = existsSync(rulesetFile) ? await readFile(rulesetFile, "utf8") : "";
  const functionsDir = /^"?functionsDir"?\s*:\s*["']?([^"'\s,#]+)/m.exec(text)?.[1] ?? "functions";
  return sha256(await hashFiles([rulesetFile]), await hashTree(path.resolve(path.dirname(rulesetFile), functionsDir)));
}

const versions = new Map<string, string>();

/**
 * `name@version` of installed tools, from each one's package.json: every name is a direct
 * dependency, which npm installs at the top of node_modules/ (parsing package-lock.json took ~25 ms).
 */
export function toolVersions(names: readonly string[]): string {
  return names
    .map((name) => {
      let version = versions.get(name);
      if (version === undefined) {
        const file = path.join(toolsRepoRoot, "node_modules", name, "package.json");
        version = existsSync(file) ? String((JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "absent") : "absent";
        versions.set(name, version);
      }
      return `${name}@${version}`;
    })
    .join(" ");
}

let code: Promise<string> | undefined;

/** Our own pipeline code is an input too: a changed step must not replay old results. */
export function pipelineCodeHash(): Promise<string> {
  code ??= Promise.all(
    ["tools/pipeline", "tools/spec", "tools/docs", "src/util"].map((dir) => hashTree(path.join(toolsRepoRoot, dir))),
  ).then((hashes) => sha256(String(FORMAT), ...hashes));
  return code;
}

/**
 * One folder per step result, named by step and key: `meta.json` (problems, note, output
 * hashes) and the output files as they are, so an unchanged run reads only the small meta.
 */
export class StepCache {
  constructor(private readonly dir: string | false) {}

  private entryDir(step: string, key: string): string {
    return path.join(this.dir || "", `${step}-${key}`);
  }

  async get(step: string, key: string): Promise<{ entry: CachedStep; outputs: Map<string, OutputFile> } | undefined> {
    if (!this.dir) return undefined;
    const dir = this.entryDir(step, key);
    try {
      const entry = JSON.parse(await readFile(path.join(dir, "meta.json"), "utf8")) as CachedStep;
      // Pruning keeps the most recently used entries.
      const now = new Date();
      await utimes(dir, now, now).catch(() => undefined);
      const outputs = new Map(
        Object.entries(entry.files).map(([file, hash]) => [file, { sha256: hash, bytes: () => readFile(path.join(dir, "files", ...file.split("/"))) }] as const),
      );
      return { entry, outputs };
    } catch {
      return undefined;
    }
  }

  /** Written to a temp folder and renamed, so a concurrent run sees a whole entry or none. A failed write only costs time. */
  async put(step: string, key: string, problems: Problem[], note: string | undefined, files: ReadonlyMap<string, Buffer>): Promise<void> {
    if (!this.dir) return;
    const target = this.entryDir(step, key);
    // Same key, same content: an existing entry is never replaced under a reader.
    if (existsSync(path.join(target, "meta.json"))) return;
    const temp = `${target}.${process.pid}.tmp`;
    try {
      await mkdir(path.join(temp, "files"), { recursive: true });
      const hashes: Record<string, string> = {};
      for (const [file, bytes] of files) {
        const full = path.join(temp, "files", ...file.split("/"));
        await mkdir(path.dirname(full), { recursive: true });
        await writeFile(full, bytes);
        hashes[file] = sha256(bytes);
      }
      const entry: CachedStep = { problems, ...(note ? { note } : {}), files: hashes };
      await writeFile(path.join(temp, "meta.json"), JSON.stringify(entry));
      await rename(temp, target);
      await this.prune(step);
    } catch {
      // Another run may have stored the same entry first; either way a failed write only costs time.
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async prune(step: string): Promise<void> {
    const dir = this.dir as string;
    const names = (await readdir(dir)).filter((n) => n.startsWith(`${step}-`) && !n.endsWith(".tmp") && /-[0-9a-f]{64}$/.test(n) && n.length === step.length + 65);
    if (names.length <= KEEP_PER_STEP) return;
    const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n)).catch(() => ({ mtimeMs: 0 }))).mtimeMs })));
    dated.sort((a, b) => b.t - a.t);
    await Promise.all(dated.slice(KEEP_PER_STEP).map(({ n }) => rm(path.join(dir, n), { recursive: true, force: true })));
  }
}
