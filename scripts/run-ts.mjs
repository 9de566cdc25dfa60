#!/usr/bin/env node
// `node scripts/run-ts.mjs <entry.ts> [args…]`: runs a TypeScript entry point on plain Node.
//
// Why not tsx: tsx's loader hooks also process every JavaScript module that is imported, and
// this project's pipeline imports several large ESM packages (@redocly/openapi-core, Redocly
// CLI's Redoc chunk, openapi-typescript). Measured here, loading them under tsx takes ~3.3 s
// instead of ~1.7 s. So our own TypeScript is compiled with esbuild into one cached ESM file,
// node_modules stay external (loaded by Node itself), and each module keeps its own
// `import.meta.url`, so paths resolved relative to a source file (templates, workers,
// generated/) still point into src/.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) {
  console.error("usage: node scripts/run-ts.mjs <entry.ts> [args…]");
  process.exit(2);
}
const entry = path.resolve(entryArg);
// Inside node_modules/, so bare imports in the output resolve to this repository's packages.
const outDir = path.join(repoRoot, "node_modules", ".cache", "run-ts");
// Named by the absolute entry path: checkouts that share a node_modules (symlinked) must not
// overwrite each other's output, whose import.meta.url values point into their own tree.
const outfile = path.join(outDir, `${path.basename(entry).replace(/\.[cm]?ts$/, "")}-${createHash("sha256").update(entry).digest("hex").slice(0, 12)}.mjs`);
await mkdir(outDir, { recursive: true });

/** Replaces `import.meta.url` (and `.dirname`/`.filename`) with the original file's values. */
const keepImportMeta = {
  name: "keep-import-meta",
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path: file }) => {
      const source = await readFile(file, "utf8");
      const contents = source
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(file).href))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(file)))
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(file));
      return { contents, loader: "ts" };
    });
  },
};

const { outputFiles } = await build({
  entryPoints: [entry],
  outfile,
  write: false,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "inline",
  logLevel: "warning",
  plugins: [keepImportMeta],
});
// Write-then-rename, so a concurrent run of the same script never imports a half-written file.
const temp = `${outfile}.${process.pid}.tmp`;
await writeFile(temp, outputFiles[0].contents);
await rename(temp, outfile);

process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
