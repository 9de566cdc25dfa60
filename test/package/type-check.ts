// tsc in this process over the consumer's typed.ts, against the INSTALLED declarations, under
// one moduleResolution; the source is the same, its extension picks the module format under node16.
import { copyFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";

export const RESOLUTIONS = {
  node10: { options: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }, file: "typed.ts" },
  "node16 (CommonJS)": { options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }, file: "typed.cts" },
  "node16 (ESM)": { options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }, file: "typed.mts" },
  bundler: { options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }, file: "typed.ts" },
} as const;

export interface ConsumerCheck {
  problems: string[];
  /** The files of the package the program read. */
  declarations: string[];
}

// Programs share parsed declaration files (lib.dom.d.ts, schema.d.ts): a .d.ts parses the same
// under every setting here once its language version and module format are equal.
const parsed = new Map<string, ts.SourceFile | undefined>();
function sharingHost(options: ts.CompilerOptions): ts.CompilerHost {
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

export async function checkConsumer(consumer: string, resolution: keyof typeof RESOLUTIONS): Promise<ConsumerCheck> {
  const { options: settings, file: name } = RESOLUTIONS[resolution];
  const file = path.join(consumer, name);
  if (name !== "typed.ts") await copyFile(path.join(consumer, "typed.ts"), file);
  // Every declaration file is checked (the package's, openapi-fetch's) except TypeScript's own libs.
  const options: ts.CompilerOptions = { ...settings, target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], strict: true, noEmit: true, types: [], skipDefaultLibCheck: true };
  const program = ts.createProgram({ rootNames: [file], options, host: sharingHost(options) });
  return {
    problems: ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    declarations: program.getSourceFiles().map((source) => source.fileName).filter((f) => f.includes("zoom-webinar-contract")),
  };
}
