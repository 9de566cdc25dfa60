// Once per run, for the package project only: dist/ built in this process, `npm pack` (its
// prepack would build again, hence --ignore-scripts), the tarball installed offline into a fresh
// consumer project. The test files get the paths through `inject("packed")`.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { buildPackage } from "../../tools/tooling/build-package.js";
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

declare module "vitest" {
  export interface ProvidedContext {
    packed: PackedPackage;
  }
}

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const consumerSources = fileURLToPath(new URL("./consumer/", import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await mkdtemp(path.join(tmpdir(), "zoom-package-"));
  try {
    await buildPackage(root);
    const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
    if (info === undefined) throw new Error("npm pack reported nothing");
    const tarball = path.join(work, info.filename);
    const consumer = path.join(work, "consumer");
    await writeConsumerProject(root, tarball, consumer);
    await run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: consumer });
    for (const file of await readdir(consumerSources)) await copyFile(path.join(consumerSources, file), path.join(consumer, file));
    project.provide("packed", { root, tarball, files: info.files.map((file) => file.path).sort(), consumer });
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return () => rm(work, { recursive: true, force: true });
}
