import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { paths as jsonPaths } from "jsonpath-rfc9535";
import { parse, stringify } from "yaml";
import { bundleContractText } from "../spec/bundle-contract.js";
import { docsPageFile, GENERATED_DIR, GENERATED_FILES, SPEC_ENTRY } from "../spec/generated-files.js";
import { npmScriptArgs } from "../tooling/npm-script.js";
import { runPipeline } from "./run-pipeline.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (relative: string) => path.join(repoRoot, "node_modules", relative);
/** What a spec root holds besides openapi/ (configs and local Spectral functions). */
const ROOT_FILES = [".spectral.yaml", ".spectral", "redocly.yaml"];

export interface BenchOptions {
  /** Spec root (openapi/openapi.yaml, .spectral.yaml, redocly.yaml). */
  rootDir: string;
  rounds: number;
  /** The operation the one-operation subset keeps (issue 14 item 5). */
  operationId: string;
  log?: (line: string) => void;
}

export interface SpecTimes {
  /** Fresh Node process, empty cache: `npm run generate`'s command from scratch. */
  coldMs: number[];
  /** Fresh Node process, unchanged contract, cache filled by a previous run. */
  unchangedMs: number[];
  /** Same process (modules loaded, as in a watch loop), after an edit that changes the bundle. */
  warmMs: number[];
}

export interface BenchResult {
  rounds: number;
  /** 1-minute load average before and after (Linux): other work on the machine skews wall times. */
  load: { before: number | null; after: number | null };
  /** The five CLI processes run one after another, per round. */
  chainMs: number[];
  whole: SpecTimes;
  /** The same contract cut down to one operation; undefined if it does not pass generate. */
  subset: SpecTimes | undefined;
  subsetNote: string;
  operations: { whole: number; subset: number };
}

function loadAverage(): number | null {
  return existsSync("/proc/loadavg") ? Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]) : null;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function run(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stderr = (stderr + d.toString("utf8")).slice(-4000)));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? "")} ${args[1] ?? ""} exited ${code}\n${stderr}`))));
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** The naive way: one CLI process per job, as a Makefile or an npm script chain would do it. */
function chainOnce(rootDir: string, out: string): Promise<number> {
  const bundle = path.join(out, GENERATED_FILES.bundleJson);
  return timed(async () => {
    await run([bin("@redocly/cli/bin/cli.js"), "bundle", SPEC_ENTRY, "-o", bundle], rootDir);
    await run([bin("@stoplight/spectral-cli/dist/index.js"), "lint", SPEC_ENTRY, "-r", ".spectral.yaml", "--fail-severity", "warn"], rootDir);
    await run([bin("@redocly/cli/bin/cli.js"), "lint", SPEC_ENTRY], rootDir);
    // From `out`: in the root, openapi-typescript would read redocly.yaml's `apis` and ignore its arguments.
    await run([bin("openapi-typescript/bin/cli.js"), bundle, "-o", path.join(out, GENERATED_FILES.types)], out);
    await run([bin("@redocly/cli/bin/cli.js"), "build-docs", bundle, "--inlineBundle", "-o", path.join(out, docsPageFile("en"))], rootDir);
  });
}

function generateProcess(rootDir: string, out: string, cacheDir: string): Promise<number> {
  return timed(() => run([...npmScriptArgs("generate"), "--root", rootDir, "--out", out, "--cache-dir", cacheDir, "--quiet"], repoRoot));
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-generate-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A private copy of a spec root, so warm rounds can edit it. */
async function copyRoot(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of ["openapi", ...ROOT_FILES]) if (existsSync(path.join(from, entry))) await cp(path.join(from, entry), path.join(to, entry), { recursive: true });
  await symlink(path.join(repoRoot, "node_modules"), path.join(to, "node_modules"), "dir");
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function countOperations(document: Record<string, unknown>): number {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  return Object.values(paths).reduce((n, item) => n + METHODS.filter((m) => m in item).length, 0);
}

/**
 * The contract cut down to the operation `operationId`: the bundle with every other operation
 * removed and the components it no longer uses dropped, written as a one-file spec root.
 */
export async function writeSubset(rootDir: string, operationId: string, to: string): Promise<{ operations: number; whole: number }> {
  const bundled = await withTempDir(async (dir) => {
    await runPipeline({ rootDir, outDir: dir, steps: ["bundle"], cacheDir: false });
    return readFile(path.join(dir, GENERATED_FILES.bundleJson), "utf8");
  });
  const document = JSON.parse(bundled) as Record<string, unknown>;
  const whole = countOperations(document);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [route, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    const kept = Object.fromEntries(Object.entries(item).filter(([key, op]) => !METHODS.includes(key) || (op as { operationId?: string }).operationId === operationId));
    if (METHODS.some((m) => m in kept)) paths[route] = kept;
  }
  const pruned = await bundleContractText(JSON.stringify({ ...document, paths }), path.join(to, SPEC_ENTRY), { removeUnusedComponents: true });
  await copyRoot(rootDir, to);
  for (const entry of await readdir(path.join(to, "openapi"))) {
    if (entry !== "overlays") await rm(path.join(to, "openapi", entry), { recursive: true, force: true });
  }
  await writeFile(path.join(to, SPEC_ENTRY), stringify(pruned, { lineWidth: 0 }));
  // Overlay actions whose target the subset no longer has are dropped (the docs build refuses stale targets).
  const overlays = path.join(to, "openapi", "overlays");
  for (const name of existsSync(overlays) ? await readdir(overlays) : []) {
    const file = path.join(overlays, name);
    const overlay = parse(await readFile(file, "utf8")) as { actions?: { target?: string }[] } | null;
    if (!overlay || !Array.isArray(overlay.actions)) continue;
    overlay.actions = overlay.actions.filter((action) => typeof action.target !== "string" || jsonPaths(pruned, action.target).length > 0);
    await writeFile(file, stringify(overlay, { lineWidth: 0 }));
  }
  return { operations: countOperations(pruned), whole };
}

/** Cold, unchanged and warm times of `rootDir` (a private copy: warm rounds edit it). */
async function measureSpec(rootDir: string, rounds: number, log: (line: string) => void, label: string, chainMs?: number[]): Promise<SpecTimes> {
  const times: SpecTimes = { coldMs: [], unchangedMs: [], warmMs: [] };
  for (let round = 1; round <= rounds; round++) {
    await withTempDir(async (dir) => {
      const out = path.join(dir, GENERATED_DIR);
      const cache = path.join(dir, "cache");
      // Chain and cold alternate, so drift in machine load hits both alike.
      if (chainMs) chainMs.push(await chainOnce(rootDir, await mkdtemp(path.join(dir, "chain-"))));
      times.coldMs.push(await generateProcess(rootDir, out, cache));
      times.unchangedMs.push(await generateProcess(rootDir, out, cache));
    });
    const chain = chainMs ? `chain ${Math.round(chainMs.at(-1) ?? 0)} ms, ` : "";
    log(`${label} round ${round}: ${chain}cold ${Math.round(times.coldMs.at(-1) ?? 0)} ms, unchanged ${Math.round(times.unchangedMs.at(-1) ?? 0)} ms`);
  }
  await withTempDir(async (dir) => {
    const out = path.join(dir, GENERATED_DIR);
    const cacheDir = path.join(dir, "cache");
    const first = await runPipeline({ rootDir, outDir: out, cacheDir }); // loads the modules
    if (!first.ok) throw new Error(`${label}: generate fails on ${rootDir}`);
    const entry = path.join(rootDir, SPEC_ENTRY);
    const original = await readFile(entry, "utf8");
    for (let round = 1; round <= rounds; round++) {
      // A root-level extension changes the bundle, so every step reruns, as after a real edit.
      await writeFile(entry, `${original}\nx-bench-round: ${round}\n`);
      let ok = false;
      times.warmMs.push(await timed(async () => (ok = (await runPipeline({ rootDir, outDir: out, cacheDir })).ok)));
      if (!ok) throw new Error(`${label}: generate fails after the warm edit`);
      log(`${label} round ${round}: warm ${Math.round(times.warmMs.at(-1) ?? 0)} ms`);
    }
  });
  return times;
}

export async function benchGenerate(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const before = loadAverage();
  return withTempDir(async (dir) => {
    const wholeRoot = path.join(dir, "whole");
    const subsetRoot = path.join(dir, "subset");
    await copyRoot(options.rootDir, wholeRoot);
    const operations = await writeSubset(options.rootDir, options.operationId, subsetRoot);
    const chainMs: number[] = [];
    const whole = await measureSpec(wholeRoot, options.rounds, log, "whole", chainMs);
    let subset: SpecTimes | undefined;
    let subsetNote = `${options.operationId} only`;
    try {
      subset = await measureSpec(subsetRoot, options.rounds, log, "subset");
    } catch (error) {
      subsetNote = `subset not measured: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    }
    return { rounds: options.rounds, load: { before, after: loadAverage() }, chainMs, whole, subset, subsetNote, operations: { whole: operations.whole, subset: operations.operations } };
  });
}

export function formatBench(result: BenchResult): string[] {
  const chain = median(result.chainMs);
  const ms = (n: number) => `${Math.round(n)} ms`.padStart(9);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const w = { cold: median(result.whole.coldMs), unchanged: median(result.whole.unchangedMs), warm: median(result.whole.warmMs) };
  const lines = [
    `median of ${result.rounds} rounds; 1-min load average ${result.load.before ?? "?"} → ${result.load.after ?? "?"} on ${os.cpus().length} cores (a loaded machine skews every figure)`,
    `whole contract (${result.operations.whole} operations)`,
    `  chain of 5 CLI processes  ${ms(chain)}`,
    `  generate, cold            ${ms(w.cold)}  ${ratio(w.cold, chain)} the chain (goal ≤ 0.80×)   fresh process, empty cache`,
    `  generate, warm            ${ms(w.warm)}  ${ratio(w.warm, chain)} the chain (goal ≤ 0.25×)   same process after an edit (watch loop)`,
    `  generate, unchanged       ${ms(w.unchanged)}  (goal < 300 ms)   fresh process, every step from the cache`,
  ];
  if (!result.subset) return [...lines, `one-operation subset: ${result.subsetNote}`];
  const s = { cold: median(result.subset.coldMs), unchanged: median(result.subset.unchangedMs), warm: median(result.subset.warmMs) };
  return [
    ...lines,
    `one-operation subset (${result.subsetNote}, ${result.operations.subset} operation)`,
    `  generate, cold            ${ms(s.cold)}  whole/subset ${ratio(w.cold, s.cold)} (goal ≤ 1.5×)`,
    `  generate, warm            ${ms(s.warm)}  whole/subset ${ratio(w.warm, s.warm)} (goal ≤ 1.5×)`,
    `  generate, unchanged       ${ms(s.unchanged)}  whole/subset ${ratio(w.unchanged, s.unchanged)}`,
  ];
}
