// Once per run, for the package project only, in the background: dist/ built as `npm run build`
// builds it, in a process of its own; `npm pack` (its prepack would type-check and build again,
// hence --ignore-scripts); the tarball installed offline into a fresh consumer project. The set-up
// returns at once, so the other tests run meanwhile; the package tests read the result through
// `packed()` (./packed.ts).
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { npmScriptArgs } from "../../tools/tooling/npm-script.js";
import { writeConsumerProject } from "./consumer-project.js";

export interface PackedPackage {
  /** The repository root, where `npm pack` ran. */
  root: string;
  tarball: string;
  /** What `npm pack` reported it put in the tarball, sorted. */
  files: string[];
  /** A project that installed the tarball, with the sources of test/package/consumer/. */
  consumer: string;
}

/** What the background job writes to `Packing.result` when it ends: the package, or why it failed. */
export type PackingResult = { packed: PackedPackage } | { error: string };

export interface Packing {
  /** The file the job writes, by rename, once; it does not exist before. */
  result: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    packing: Packing;
  }
}

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const consumerSources = fileURLToPath(new URL("./consumer/", import.meta.url));

async function pack(work: string): Promise<PackedPackage> {
  // `npm run build`'s command line without npm's own process start in front of it.
  await run(process.execPath, npmScriptArgs("build", root), { cwd: root });
  const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  if (info === undefined) throw new Error("npm pack reported nothing");
  const tarball = path.join(work, info.filename);
  const consumer = path.join(work, "consumer");
  await writeConsumerProject(root, tarball, consumer);
  await run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: consumer });
  for (const file of await readdir(consumerSources)) await copyFile(path.join(consumerSources, file), path.join(consumer, file));
  return { root, tarball, files: info.files.map((file) => file.path).sort(), consumer };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(path.join(tmpdir(), "zoom-package-"));
  const result = path.join(work, "packed.json");
  const write = async (value: PackingResult) => {
    await writeFile(`${result}.tmp`, JSON.stringify(value));
    await rename(`${result}.tmp`, result);
  };
  const job = pack(work).then(
    (packed) => write({ packed }),
    // (A failed command's message holds its stderr.)
    (error: unknown) => write({ error: error instanceof Error ? error.message : String(error) }),
  );
  project.provide("packing", { result });
  return async () => {
    await job;
    await rm(work, { recursive: true, force: true });
  };
}
