// Builds dist/ for the tarball:
// - dist/esm/index.js: the package as one ES module (esbuild bundle of src/index.ts, openapi-fetch
//   left as a dependency), with the upload code and the OAuth token code as lazily imported
//   chunks and the code they share with the entry in one more; two modules to load instead of
//   twenty-five keep `import` cheap;
// - dist/cjs/index.js: the same bundle as CommonJS (openapi-fetch inside, see below);
// - dist/{esm,cjs}/validators/: the standalone response validators, loaded by import() on first
//   use (ESM as generated; CommonJS through esbuild's transform);
// - declarations from tsc, mirroring the repository (dist/esm/src, dist/esm/generated), copied
//   under dist/cjs so CommonJS resolution reads them as CommonJS;
// - dist/generated: the bundled contract (JSON, YAML) for the `./openapi.*` exports.
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { build, transform, type BuildOptions } from "esbuild";

export const CONTRACT_FILES = ["openapi.json", "openapi.yaml"] as const;
/** Lazily loaded modules stay files of their own next to the bundle; the bundle imports them by this path. */
const VALIDATORS = "./validators/*";

export interface BuildResult {
  files: string[];
}

export async function buildPackage(rootDir: string): Promise<BuildResult> {
  const dist = path.join(rootDir, "dist");
  await rm(dist, { recursive: true, force: true });

  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(rootDir, "tsconfig.build.json")], { cwd: rootDir, stdio: "inherit" });
  await cp(path.join(rootDir, "generated", "schema.d.ts"), path.join(dist, "esm", "generated", "schema.d.ts"));

  const common: BuildOptions = {
    absWorkingDir: rootDir,
    entryPoints: [path.join(rootDir, "src", "index.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    external: ["openapi-fetch", VALIDATORS],
    logLevel: "silent",
  };
  await build({ ...common, format: "esm", splitting: true, outdir: path.join(dist, "esm"), chunkNames: "[name]-[hash]" });
  // openapi-fetch goes inside the CommonJS bundle: esbuild reads this package's sources as
  // Node ESM, so a default import of openapi-fetch's CommonJS build would get its whole
  // module.exports instead of the client factory on `.default`.
  await build({ ...common, format: "cjs", outfile: path.join(dist, "cjs", "index.js"), external: [VALIDATORS] });
  await writeFile(path.join(dist, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

  const validatorsDir = path.join(rootDir, "generated", "validators");
  const validators = (await readdir(validatorsDir).catch(() => [])).filter((file) => file.endsWith(".js")).sort();
  for (const file of validators) {
    const source = await readFile(path.join(validatorsDir, file), "utf8");
    await cp(path.join(validatorsDir, file), path.join(dist, "esm", "validators", file));
    const { code } = await transform(source, { loader: "js", format: "cjs", platform: "node", target: "node20", sourcefile: file });
    await mkdir(path.join(dist, "cjs", "validators"), { recursive: true });
    await writeFile(path.join(dist, "cjs", "validators", file), code);
  }
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
