// Builds dist/ for the tarball: ESM (tsc: .js + .d.ts) in dist/esm, CommonJS (esbuild, one file
// per source file; CommonJS has no import.meta, so __filename gives the module's URL) in dist/cjs
// with the same declarations, and the bundled contract and its types
// in dist/generated. dist/esm and dist/cjs sit at the depth of src/, so the relative paths to
// generated/ in the sources resolve the same way from every build.
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { transform } from "esbuild";

export const GENERATED_FILES = ["openapi.json", "openapi.yaml", "schema.d.ts"] as const;

export interface BuildResult {
  files: string[];
}

export async function buildPackage(rootDir: string): Promise<BuildResult> {
  const dist = path.join(rootDir, "dist");
  await rm(dist, { recursive: true, force: true });

  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(rootDir, "tsconfig.build.json")], { cwd: rootDir, stdio: "inherit" });

  const sources = (await readdir(path.join(rootDir, "src"), { recursive: true }))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => path.join(rootDir, "src", file));
  // esbuild's transform knows no package.json, so default imports get the `__esModule` interop
  // (as tsc's CommonJS output has it): openapi-fetch's CommonJS build keeps its client on `.default`.
  for (const file of sources) {
    const source = (await readFile(file, "utf8")).replace(/\bimport\.meta\.url\b/g, 'require("node:url").pathToFileURL(__filename).href');
    const { code } = await transform(source, { loader: "ts", format: "cjs", platform: "node", target: "node20", sourcefile: file });
    const out = path.join(dist, "cjs", path.relative(path.join(rootDir, "src"), file)).replace(/\.ts$/, ".js");
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, code);
  }
  await writeFile(path.join(dist, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  // The declarations are module-format neutral text; under dist/cjs they are read as CommonJS.
  await cp(path.join(dist, "esm"), path.join(dist, "cjs"), { recursive: true, filter: (file) => !file.endsWith(".js") });

  await mkdir(path.join(dist, "generated"), { recursive: true });
  for (const file of GENERATED_FILES) await cp(path.join(rootDir, "generated", file), path.join(dist, "generated", file));
  // CommonJS as a format for schema.d.ts: the CommonJS declarations may then import it, and
  // ESM ones may import CommonJS anyway.
  await writeFile(path.join(dist, "generated", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(rootDir, path.join(entry.parentPath, entry.name)))
    .sort();
  return { files };
}
