import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { type StepReport, runPipeline } from "./run-pipeline.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (relative: string) => path.join(repoRoot, "node_modules", relative);

export interface BenchOptions {
  /** Spec root (openapi/openapi.yaml, .spectral.yaml, redocly.yaml). */
  rootDir: string;
  rounds: number;
  /** Called with a progress line per measurement. */
  log?: (line: string) => void;
}

export interface BenchResult {
  rounds: number;
  /** Wall time of the five CLI processes run one after another, per round. */
  chainMs: number[];
  /** Wall time of `npm run generate`'s command in a fresh Node process, per round (cold). */
  coldMs: number[];
  /** `runPipeline` in this process after one discarded warm-up run, per round (warm). */
  warmMs: number[];
  /** Median time of each step over the warm runs. */
  warmSteps: Record<string, number>;
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
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? "")} ${args[1] ?? ""} exited ${code}\n${stderr}`))));
  });
}

/**
 * The naive way: one CLI process per job, as a Makefile or an npm script chain would do it.
 * Same input and configs as the pipeline; outputs go to a temp folder.
 */
async function chainOnce(rootDir: string, out: string): Promise<number> {
  const entry = "openapi/openapi.yaml";
  const bundle = path.join(out, "openapi.json");
  const t0 = performance.now();
  await run([bin("@redocly/cli/bin/cli.js"), "bundle", entry, "-o", bundle], rootDir);
  await run([bin("@stoplight/spectral-cli/dist/index.js"), "lint", entry, "-r", ".spectral.yaml", "--fail-severity", "warn"], rootDir);
  await run([bin("@redocly/cli/bin/cli.js"), "lint", entry], rootDir);
  await run([bin("openapi-typescript/bin/cli.js"), bundle, "-o", path.join(out, "schema.d.ts")], rootDir);
  await run([bin("@redocly/cli/bin/cli.js"), "build-docs", bundle, "--inlineBundle", "-o", path.join(out, "docs/index.html")], rootDir);
  return performance.now() - t0;
}

/** What `npm run generate` costs from a cold start: a new Node process, the command npm runs. */
async function coldOnce(rootDir: string, out: string): Promise<number> {
  const t0 = performance.now();
  await run([path.join(repoRoot, "scripts/run-ts.mjs"), path.join(repoRoot, "scripts/generate.ts"), "--root", rootDir, "--out", out, "--quiet"], repoRoot);
  return performance.now() - t0;
}

async function warmOnce(rootDir: string, out: string): Promise<{ ms: number; steps: StepReport[] }> {
  const t0 = performance.now();
  const result = await runPipeline({ rootDir, outDir: out });
  if (!result.ok) throw new Error(`the pipeline failed on ${rootDir}; bench needs a passing spec`);
  return { ms: performance.now() - t0, steps: result.steps };
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bench-generate-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Rounds alternate chain and cold runs so drift in machine load hits both alike; warm runs
 * come last, in this process, after one discarded run that pays the module loading.
 */
export async function benchGenerate(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const chainMs: number[] = [];
  const coldMs: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const chain = await withTempDir((dir) => chainOnce(options.rootDir, dir));
    const cold = await withTempDir((dir) => coldOnce(options.rootDir, path.join(dir, "generated")));
    chainMs.push(chain);
    coldMs.push(cold);
    log(`round ${round}: chain ${Math.round(chain)} ms, in-process cold ${Math.round(cold)} ms`);
  }
  await withTempDir((dir) => warmOnce(options.rootDir, path.join(dir, "generated")));
  const warmMs: number[] = [];
  const stepTimes = new Map<string, number[]>();
  for (let round = 1; round <= options.rounds; round++) {
    const { ms, steps } = await withTempDir((dir) => warmOnce(options.rootDir, path.join(dir, "generated")));
    warmMs.push(ms);
    for (const step of steps) stepTimes.set(step.name, [...(stepTimes.get(step.name) ?? []), step.ms]);
    log(`round ${round}: in-process warm ${Math.round(ms)} ms`);
  }
  const warmSteps = Object.fromEntries([...stepTimes].map(([name, times]) => [name, median(times)]));
  return { rounds: options.rounds, chainMs, coldMs, warmMs, warmSteps };
}

export function formatBench(result: BenchResult): string[] {
  const chain = median(result.chainMs);
  const cold = median(result.coldMs);
  const warm = median(result.warmMs);
  const ms = (n: number) => `${Math.round(n)} ms`;
  return [
    `median of ${result.rounds} rounds`,
    `  chain of 5 CLI processes       ${ms(chain)}`,
    `  in-process, fresh process      ${ms(cold)}   ${(cold / chain).toFixed(2)}× the chain (cold: includes Node start, compiling our TS, module loading)`,
    `  in-process, warm               ${ms(warm)}   ${(warm / chain).toFixed(2)}× the chain (modules already loaded)`,
    `  warm steps: ${Object.entries(result.warmSteps).map(([name, t]) => `${name} ${ms(t)}`).join(", ")}`,
  ];
}
