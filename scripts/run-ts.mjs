#!/usr/bin/env node
// `node scripts/run-ts.mjs <entry.ts> [args…]`: runs a TypeScript entry point on plain Node.
// esbuild compiles our TypeScript (node_modules stay external, loaded by Node itself: tsx's
// hooks would also process them, ~2× the import time). Code splitting keeps dynamic imports
// lazy, and an unchanged build is reused without loading esbuild (see docs/decisions/0003).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) {
  console.error("usage: node scripts/run-ts.mjs <entry.ts> [args…]");
  process.exit(2);
}
const entry = path.resolve(entryArg);
const sha = (data) => createHash("sha256").update(data).digest("hex");
// Inside node_modules/, so bare imports in the output resolve to this repository's packages.
// Named by the absolute entry path: checkouts sharing a node_modules must not share outputs.
const cacheDir = path.join(repoRoot, "node_modules", ".cache", "run-ts");
const name = `${path.basename(entry).replace(/\.[cm]?ts$/, "")}-${sha(entry).slice(0, 12)}`;
const pointerFile = path.join(cacheDir, `${name}.json`);

/** The previous build, if every source file it was built from still has the same hash. */
function previousBuild() {
  try {
    const pointer = JSON.parse(readFileSync(pointerFile, "utf8"));
    for (const [file, hash] of Object.entries(pointer.inputs)) if (sha(readFileSync(file)) !== hash) return undefined;
    const main = path.join(cacheDir, pointer.dir, pointer.main);
    return existsSync(main) ? main : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces `import.meta.url` (and `.dirname`/`.filename`) with the original file's values. */
const keepImportMeta = {
  name: "keep-import-meta",
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path: file }) => {
      const source = readFileSync(file, "utf8");
      const contents = source
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(file).href))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(file)))
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(file));
      return { contents, loader: "ts" };
    });
  },
};

async function build() {
  const { build: esbuild } = await import("esbuild");
  const { outputFiles, metafile } = await esbuild({
    entryPoints: { main: entry },
    // The metafile's input paths are relative to this, and are resolved against repoRoot below.
    absWorkingDir: repoRoot,
    outdir: cacheDir,
    write: false,
    bundle: true,
    splitting: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    sourcemap: "inline",
    metafile: true,
    logLevel: "warning",
    plugins: [keepImportMeta],
  });
  const inputs = {};
  for (const input of Object.keys(metafile.inputs)) {
    const file = path.resolve(repoRoot, input);
    inputs[file] = sha(readFileSync(file));
  }
  // Each build gets its own folder, named by its content: a running process importing a lazy
  // chunk never finds it replaced by another build.
  const dir = `${name}-${sha(outputFiles.map((f) => sha(f.contents)).join("")).slice(0, 16)}`;
  const target = path.join(cacheDir, dir);
  if (!existsSync(target)) {
    const temp = `${target}.${process.pid}.tmp`;
    for (const file of outputFiles) {
      const out = path.join(temp, path.relative(cacheDir, file.path));
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, file.contents);
    }
    await rename(temp, target).catch(() => rm(temp, { recursive: true, force: true }));
  }
  const tempPointer = `${pointerFile}.${process.pid}.tmp`;
  await writeFile(tempPointer, JSON.stringify({ dir, main: "main.mjs", inputs }));
  await rename(tempPointer, pointerFile);
  await prune();
  return path.join(target, "main.mjs");
}

/** Keeps the three newest builds of this entry. */
async function prune() {
  const dirs = (await readdir(cacheDir)).filter((d) => d.startsWith(`${name}-`) && !d.endsWith(".tmp") && !d.endsWith(".json"));
  if (dirs.length <= 3) return;
  const dated = await Promise.all(dirs.map(async (d) => ({ d, t: (await stat(path.join(cacheDir, d))).mtimeMs })));
  dated.sort((a, b) => b.t - a.t);
  await Promise.all(dated.slice(3).map(({ d }) => rm(path.join(cacheDir, d), { recursive: true, force: true })));
}

await mkdir(cacheDir, { recursive: true });
const main = previousBuild() ?? (await build());
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(main).href);
