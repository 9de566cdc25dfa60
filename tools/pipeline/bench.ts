import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
  /** 1-minute load average before and after (Linux), since other work on the machine skews wall times. */
  load: { before: number | null; after: number | null };
  /** CPU time (user + system, all threads) of the same runs, less sensitive to machine load. */
  chainCpuMs: number[];
  coldCpuMs: number[];
  warmCpuMs: number[];
  /** Wall time of the five CLI processes run one after another, per round. */
  chainMs: number[];
  /** Wall time of `npm run generate`'s command in a fresh Node process, per round (cold). */
  coldMs: number[];
  /** `runPipeline` in this process after one discarded warm-up run, per round (warm). */
  warmMs: number[];
  /** Median time of each step over the warm runs. */
  warmSteps: Record<string, number>;
}

/** Linux: CPU time of this process's waited-for children (cutime + cstime), in ms. */
function childrenCpuMs(): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  // After "pid (comm) ", field 16 of proc(5) (cutime) is index 13, cstime index 14; 100 ticks/s.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function loadAverage(): number | null {
  return existsSync("/proc/loadavg") ? Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]) : null;
}

/** Runs `work` and returns its wall time and the CPU time its child processes used. */
async function measureChildren(work: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  return { ms, cpuMs: cpu0 === null || cpu1 === null ? Number.NaN : cpu1 - cpu0 };
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
async function chainOnce(rootDir: string, out: string): Promise<{ ms: number; cpuMs: number }> {
  const entry = "openapi/openapi.yaml";
  const bundle = path.join(out, "openapi.json");
  return measureChildren(async () => {
  await run([bin("@redocly/cli/bin/cli.js"), "bundle", entry, "-o", bundle], rootDir);
  await run([bin("@stoplight/spectral-cli/dist/index.js"), "lint", entry, "-r", ".spectral.yaml", "--fail-severity", "warn"], rootDir);
  await run([bin("@redocly/cli/bin/cli.js"), "lint", entry], rootDir);
  await run([bin("openapi-typescript/bin/cli.js"), bundle, "-o", path.join(out, "schema.d.ts")], rootDir);
  await run([bin("@redocly/cli/bin/cli.js"), "build-docs", bundle, "--inlineBundle", "-o", path.join(out, "docs/index.html")], rootDir);
  });
}

/** What `npm run generate` costs from a cold start: a new Node process, the command npm runs. */
async function coldOnce(rootDir: string, out: string): Promise<{ ms: number; cpuMs: number }> {
  return measureChildren(() =>
    run([path.join(repoRoot, "scripts/run-ts.mjs"), path.join(repoRoot, "scripts/generate.ts"), "--root", rootDir, "--out", out, "--quiet"], repoRoot),
  );
}

async function warmOnce(rootDir: string, out: string): Promise<{ ms: number; cpuMs: number; steps: StepReport[] }> {
  // process.cpuUsage covers every thread of this process, the library worker included.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await runPipeline({ rootDir, outDir: out });
  if (!result.ok) throw new Error(`the pipeline failed on ${rootDir}; bench needs a passing spec`);
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, steps: result.steps };
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
  const before = loadAverage();
  const chainMs: number[] = [];
  const coldMs: number[] = [];
  const chainCpuMs: number[] = [];
  const coldCpuMs: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const chain = await withTempDir((dir) => chainOnce(options.rootDir, dir));
    const cold = await withTempDir((dir) => coldOnce(options.rootDir, path.join(dir, "generated")));
    chainMs.push(chain.ms);
    coldMs.push(cold.ms);
    chainCpuMs.push(chain.cpuMs);
    coldCpuMs.push(cold.cpuMs);
    log(`round ${round}: chain ${Math.round(chain.ms)} ms (cpu ${Math.round(chain.cpuMs)}), in-process cold ${Math.round(cold.ms)} ms (cpu ${Math.round(cold.cpuMs)})`);
  }
  await withTempDir((dir) => warmOnce(options.rootDir, path.join(dir, "generated")));
  const warmMs: number[] = [];
  const warmCpuMs: number[] = [];
  const stepTimes = new Map<string, number[]>();
  for (let round = 1; round <= options.rounds; round++) {
    const { ms, cpuMs, steps } = await withTempDir((dir) => warmOnce(options.rootDir, path.join(dir, "generated")));
    warmMs.push(ms);
    warmCpuMs.push(cpuMs);
    for (const step of steps) stepTimes.set(step.name, [...(stepTimes.get(step.name) ?? []), step.ms]);
    log(`round ${round}: in-process warm ${Math.round(ms)} ms (cpu ${Math.round(cpuMs)})`);
  }
  const warmSteps = Object.fromEntries([...stepTimes].map(([name, times]) => [name, median(times)]));
  return { rounds: options.rounds, load: { before, after: loadAverage() }, chainMs, coldMs, warmMs, chainCpuMs, coldCpuMs, warmCpuMs, warmSteps };
}

export function formatBench(result: BenchResult): string[] {
  const chain = median(result.chainMs);
  const cold = median(result.coldMs);
  const warm = median(result.warmMs);
  const chainCpu = median(result.chainCpuMs);
  const coldCpu = median(result.coldCpuMs);
  const warmCpu = median(result.warmCpuMs);
  const ms = (n: number) => `${Math.round(n)} ms`.padStart(8);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(6);
  return [
    `median of ${result.rounds} rounds (1-min load average ${result.load.before ?? "?"} → ${result.load.after ?? "?"} on ${os.cpus().length} cores)`,
    `                                    wall   ratio      cpu   ratio`,
    `  chain of 5 CLI processes     ${ms(chain)}         ${ms(chainCpu)}`,
    `  in-process, cold             ${ms(cold)}  ${ratio(cold, chain)}  ${ms(coldCpu)}  ${ratio(coldCpu, chainCpu)}   fresh Node process per run: npm run generate's command`,
    `  in-process, warm             ${ms(warm)}  ${ratio(warm, chain)}  ${ms(warmCpu)}  ${ratio(warmCpu, chainCpu)}   same process, modules loaded, first run discarded`,
    `  warm steps (types and docs overlap the lint steps): ${Object.entries(result.warmSteps).map(([name, t]) => `${name} ${Math.round(t)} ms`).join(", ")}`,
  ];
}
