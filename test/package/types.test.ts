// The installed package's types under each moduleResolution: tsc in this process over the
// consumer's typed.ts against the INSTALLED declarations, once per moduleResolution (the source is
// the same; its extension picks the module format under node16). One file, so one worker loads
// TypeScript and parses its libs and the package's declarations for all four
// (docs/decisions/0009-test-speed.md); are-the-types-wrong is ./are-the-types-wrong.test.ts.
import { copyFile, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ts, type TS } from "../../tools/tooling/typescript.js";
import { describe, expect, it } from "vitest";
import { packed } from "./packed.js";

const RESOLUTIONS = {
  node10: { options: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }, file: "typed.ts" },
  "node16 (CommonJS)": { options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }, file: "typed.cts" },
  "node16 (ESM)": { options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }, file: "typed.mts" },
  bundler: { options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }, file: "typed.ts" },
} as const;

interface ConsumerCheck {
  problems: string[];
  /** The files of the package the program read. */
  declarations: string[];
  /** Declaration files of the package's dependencies whose diagnostics this program gathered. */
  dependenciesChecked: string[];
}

// Programs share parsed declaration files (lib.dom.d.ts, schema.d.ts): a .d.ts parses the same
// under every setting here once its language version and module format are equal.
const parsed = new Map<string, TS.SourceFile | undefined>();
function sharingHost(options: TS.CompilerOptions): TS.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, settings, onError, shouldCreate) => {
    if (!/\.d\.[cm]?ts$/.test(fileName)) return getSourceFile(fileName, settings, onError, shouldCreate);
    const { languageVersion, impliedNodeFormat, jsDocParsingMode } = typeof settings === "object" ? settings : { languageVersion: settings };
    const key = `${fileName}|${languageVersion}|${impliedNodeFormat}|${jsDocParsingMode}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile(fileName, settings, onError, shouldCreate));
    return parsed.get(key);
  };
  return host;
}

// The consumer's file and the package's declarations are checked by every program. A dependency's
// declarations (openapi-fetch's) are checked once, by node16 (CommonJS): its ES module file (.d.mts)
// is the CommonJS one (.d.cts) but for the export statements (asserted below), and checking it again
// cost about 0.8 s of CPU. A .d.ts is checked under every program that reads it.
const DEPENDENCY_CHECKER: Partial<Record<keyof typeof RESOLUTIONS, RegExp>> = {
  "node16 (CommonJS)": /\.d\.cts$/,
};
const checksDependency = (resolution: keyof typeof RESOLUTIONS, file: string) =>
  /\.d\.ts$/.test(file) || (DEPENDENCY_CHECKER[resolution]?.test(file) ?? false);

/** A declaration file without its export statements (and the `// @ts-ignore` that may guard `export =`). */
const withoutExports = (text: string) => text.replace(/^(\/\/ @ts-ignore\n)?export (=\s*[\w$]+|\{[^}]*\});?\n?/gm, "");

async function checkConsumer(consumer: string, resolution: keyof typeof RESOLUTIONS): Promise<ConsumerCheck> {
  const { options: settings, file: name } = RESOLUTIONS[resolution];
  const file = path.join(consumer, name);
  if (name !== "typed.ts") await copyFile(path.join(consumer, "typed.ts"), file);
  // TypeScript's own libs are read, not checked (skipDefaultLibCheck).
  const options: TS.CompilerOptions = { ...settings, target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], strict: true, noEmit: true, types: [], skipDefaultLibCheck: true };
  const program = ts.createProgram({ rootNames: [file], options, host: sharingHost(options) });
  const installed = path.join(consumer, "node_modules/zoom-webinar-contract/");
  // What ts.getPreEmitDiagnostics gathers, file by file.
  const diagnostics = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics()];
  const dependenciesChecked: string[] = [];
  for (const source of program.getSourceFiles()) {
    const ours = source.fileName === file || source.fileName.startsWith(installed);
    if (!ours && !checksDependency(resolution, source.fileName)) continue;
    if (!ours && source.fileName.includes("/node_modules/")) dependenciesChecked.push(source.fileName);
    diagnostics.push(...program.getSemanticDiagnostics(source));
  }
  return {
    problems: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    declarations: program.getSourceFiles().map((source) => source.fileName).filter((f) => f.includes("zoom-webinar-contract")),
    dependenciesChecked,
  };
}

describe.each(Object.keys(RESOLUTIONS) as (keyof typeof RESOLUTIONS)[])("moduleResolution %s", (resolution) => {
  it("an installed consumer type-checks", { timeout: 120_000 }, async () => {
    const { consumer } = await packed();
    const { problems, declarations, dependenciesChecked } = await checkConsumer(consumer, resolution);
    expect(problems).toEqual([]);
    // openapi-fetch's declarations of this program's module format are checked here (and only here).
    const format = DEPENDENCY_CHECKER[resolution];
    if (format) expect(dependenciesChecked.filter((f) => f.includes("/node_modules/openapi-fetch/") && format.test(f))).toHaveLength(1);
    else expect(dependenciesChecked.filter((f) => !f.endsWith(".d.ts"))).toEqual([]);
    // Checked against the installed declarations, not this repository's sources.
    expect(declarations.length).toBeGreaterThan(0);
    expect(declarations.every((f) => f.startsWith(path.join(consumer, "node_modules/zoom-webinar-contract/dist/")))).toBe(true);
  });
});

it("each dependency's ES module declarations are its CommonJS ones but for the exports, so one check covers both", async () => {
  const { consumer } = await packed();
  const modules = path.join(consumer, "node_modules");
  const esm = (await readdir(modules, { recursive: true })).filter((f) => f.endsWith(".d.mts") && !f.startsWith("zoom-webinar-contract/"));
  expect(esm.map((f) => f.split("/")[0])).toEqual(expect.arrayContaining(["openapi-fetch"]));
  for (const file of esm) {
    const [mts, cts] = await Promise.all([readFile(path.join(modules, file), "utf8"), readFile(path.join(modules, file.replace(/\.d\.mts$/, ".d.cts")), "utf8")]);
    expect(withoutExports(mts), file).toBe(withoutExports(cts));
    expect(withoutExports(mts).length, file).toBeGreaterThan(mts.length / 2);
  }
});
