// Builds dist/ for the tarball. dist/esm and dist/cjs each mirror the repository (src/ and
// generated/ side by side), so every relative import between them resolves the same way in the
// sources, in dist/esm and in dist/cjs:
// - dist/esm: tsc (.js + .d.ts) for src/ and generated/operations.ts; the standalone validators
//   (already JavaScript) copied as they are; schema.d.ts copied for the declarations;
// - dist/cjs: the same files through esbuild's CommonJS transform (CommonJS has no import.meta,
//   so __filename gives the module's URL), with the same declarations;
// - dist/generated: the bundled contract (JSON, YAML) for the package's `./openapi.*` exports.
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { transform } from "esbuild";

export const CONTRACT_FILES = ["openapi.json", "openapi.yaml"] as const;

export interface BuildResult {
  files: string[];
}

/** Module files under `dir` (relative to `root`) whose names pass `keep`, recursively. */
async function filesUnder(root: string, dir: string, keep: (file: string) => boolean): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function buildPackage(rootDir: string): Promise<BuildResult> {
  const dist = path.join(rootDir, "dist");
  await rm(dist, { recursive: true, force: true });

  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(rootDir, "tsconfig.build.json")], { cwd: rootDir, stdio: "inherit" });

  const isSource = (name: string) => name.endsWith(".ts") && !name.endsWith(".d.ts");
  const isJs = (name: string) => name.endsWith(".js");
  const isDeclaration = (name: string) => name.endsWith(".d.ts");
  const sources = [...(await filesUnder(rootDir, "src", isSource)), ...(await filesUnder(rootDir, "generated", isSource).then((f) => f.filter((file) => !file.startsWith(`generated${path.sep}docs`))))];
  const validators = await filesUnder(rootDir, path.join("generated", "validators"), (name) => isJs(name) || isDeclaration(name));

  // Validators are JavaScript already: the ESM build takes them as they are.
  for (const file of validators) await cp(path.join(rootDir, file), path.join(dist, "esm", file));
  await cp(path.join(rootDir, "generated", "schema.d.ts"), path.join(dist, "esm", "generated", "schema.d.ts"));

  // esbuild's transform knows no package.json, so default imports get the `__esModule` interop
  // (as tsc's CommonJS output has it): openapi-fetch's CommonJS build keeps its client on `.default`.
  for (const file of [...sources, ...validators.filter(isJs)]) {
    const source = (await readFile(path.join(rootDir, file), "utf8")).replace(/\bimport\.meta\.url\b/g, 'require("node:url").pathToFileURL(__filename).href');
    const { code } = await transform(source, { loader: file.endsWith(".ts") ? "ts" : "js", format: "cjs", platform: "node", target: "node20", sourcefile: file });
    const out = path.join(dist, "cjs", file).replace(/\.ts$/, ".js");
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, code);
  }
  await writeFile(path.join(dist, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  // The declarations are module-format neutral text; under dist/cjs they are read as CommonJS.
  await cp(path.join(dist, "esm"), path.join(dist, "cjs"), { recursive: true, filter: (file) => !file.endsWith(".js") });

  await mkdir(path.join(dist, "generated"), { recursive: true });
  for (const file of CONTRACT_FILES) await cp(path.join(rootDir, "generated", file), path.join(dist, "generated", file));

  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(rootDir, path.join(entry.parentPath, entry.name)))
    .sort();
  return { files };
}
