// Builds dist/ for the tarball:
// - dist/esm/index.js: the package as one ES module (esbuild bundle of src/index.ts, openapi-fetch
//   left as a dependency), with the upload code and the OAuth token code as lazily imported
//   chunks and the code they share with the entry in one more; two modules to load instead of
//   twenty-five keep `import` cheap;
// - dist/cjs/index.js: the same bundle as CommonJS (openapi-fetch inside, see below);
// - dist/{esm,cjs}/validators/: the standalone response validators, loaded by import() on first
//   use (ESM as generated; CommonJS through esbuild's transform);
// - declarations file by file, without a type checker (TypeScript's `transpileDeclaration`: every
//   export states its type, tsconfig.build.json's isolatedDeclarations), mirroring the repository
//   (dist/esm/src, dist/esm/generated), copied under dist/cjs so CommonJS resolution reads them as
//   CommonJS; type errors are `npm run typecheck`'s (docs/decisions/0010);
// - dist/generated: the bundled contract (JSON, YAML) for the `./openapi.*` exports.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, transform, type BuildOptions } from "esbuild";
import { GENERATED_DIR, GENERATED_FILES } from "../spec/generated-files.js";
import { ts, type TS } from "./typescript.js";

export const CONTRACT_FILES = [GENERATED_FILES.bundleJson, GENERATED_FILES.bundleYaml] as const;
/**
 * Lazily loaded modules stay files of their own next to the bundle, in the folder they have next
 * to generated/operations.ts, which imports them by this path.
 */
const VALIDATORS = `./${GENERATED_FILES.validatorsDir}*`;

export interface BuildResult {
  files: string[];
}

export async function buildPackage(rootDir: string): Promise<BuildResult> {
  const dist = path.join(rootDir, "dist");
  await rm(dist, { recursive: true, force: true });

  const common: BuildOptions = {
    absWorkingDir: rootDir,
    entryPoints: [path.join(rootDir, "src", "index.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    external: ["openapi-fetch", VALIDATORS],
    logLevel: "silent",
  };
  // esbuild works in its own process while the declarations are emitted in this one.
  const bundles = Promise.all([
    build({ ...common, format: "esm", splitting: true, outdir: path.join(dist, "esm"), chunkNames: "[name]-[hash]" }),
    // openapi-fetch goes inside the CommonJS bundle: esbuild reads this package's sources as
    // Node ESM, so a default import of openapi-fetch's CommonJS build would get its whole
    // module.exports instead of the client factory on `.default`.
    build({ ...common, format: "cjs", outfile: path.join(dist, "cjs", "index.js"), external: [VALIDATORS] }),
  ]);
  try {
    await emitDeclarations(rootDir, path.join(dist, "esm"));
  } finally {
    await bundles;
  }
  await cp(path.join(rootDir, GENERATED_DIR, GENERATED_FILES.types), path.join(dist, "esm", GENERATED_DIR, GENERATED_FILES.types));
  await writeFile(path.join(dist, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

  const validatorsDir = path.join(rootDir, GENERATED_DIR, GENERATED_FILES.validatorsDir);
  const validators = (await readdir(validatorsDir).catch(() => [])).filter((file) => file.endsWith(".js")).sort();
  for (const file of validators) {
    const source = await readFile(path.join(validatorsDir, file), "utf8");
    await cp(path.join(validatorsDir, file), path.join(dist, "esm", GENERATED_FILES.validatorsDir, file));
    const { code } = await transform(source, { loader: "js", format: "cjs", platform: "node", target: "node20", sourcefile: file });
    await mkdir(path.join(dist, "cjs", GENERATED_FILES.validatorsDir), { recursive: true });
    await writeFile(path.join(dist, "cjs", GENERATED_FILES.validatorsDir, file), code);
  }
  // The declarations are module-format neutral text; under dist/cjs they are read as CommonJS.
  await cp(path.join(dist, "esm"), path.join(dist, "cjs"), { recursive: true, filter: (file) => !file.endsWith(".js") });

  await mkdir(path.join(dist, GENERATED_DIR), { recursive: true });
  for (const file of CONTRACT_FILES) await cp(path.join(rootDir, GENERATED_DIR, file), path.join(dist, GENERATED_DIR, file));

  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(rootDir, path.join(entry.parentPath, entry.name)))
    .sort();
  return { files };
}

/**
 * One declaration file per source that tsconfig.build.json includes, with its options. A source
 * whose exports do not state their types fails the build (TypeScript's isolatedDeclarations errors).
 */
async function emitDeclarations(rootDir: string, outDir: string): Promise<void> {
  const diagnostics: TS.Diagnostic[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(path.join(rootDir, "tsconfig.build.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  });
  diagnostics.push(...(config?.errors ?? []));
  if (config !== undefined && diagnostics.length === 0) {
    for (const file of config.fileNames.filter((name) => !name.endsWith(".d.ts"))) {
      const source = await readFile(file, "utf8");
      const result = ts.transpileDeclaration(source, { fileName: file, compilerOptions: config.options, reportDiagnostics: true });
      diagnostics.push(...(result.diagnostics ?? []));
      const out = path.join(outDir, path.relative(rootDir, file).replace(/\.ts$/, ".d.ts"));
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, result.outputText);
    }
  }
  if (config === undefined || diagnostics.length > 0) {
    const host = { getCanonicalFileName: (name: string) => name, getCurrentDirectory: () => rootDir, getNewLine: () => "\n" };
    throw new Error(`declarations (tsconfig.build.json):\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
}
