import { existsSync } from "node:fs";
import path from "node:path";
import { Document, Spectral, type ISpectralDiagnostic, type Ruleset } from "@stoplight/spectral-core";
// spectral-parsers re-exports through tslib in a way Node's CJS named-export detection misses.
import spectralParsers from "@stoplight/spectral-parsers";
import { Resolver } from "@stoplight/spectral-ref-resolver";
import { type Problem, type Severity, dedupeProblems, relativeFile, relativizeMessage } from "./problems.js";
import { fileProblem } from "./redocly-common.js";
import { toPointer } from "../../src/util/json-pointer.js";
import type { SourceLocator } from "./source-locator.js";
import { loadSpectralRuleset } from "./spectral-ruleset.js";

const { Json } = spectralParsers;

/** The bundle holds internal `$ref`s only: any other is refused, never read or fetched. */
const refuse = {
  resolve: (ref: { href(): string }) => Promise.reject(new Error(`Refusing to resolve ${ref.href()}: the bundle holds internal $refs only`)),
};

function toSeverity(severity: number): Severity {
  if (severity === 0) return "error";
  if (severity === 1) return "warning";
  return "info";
}

export interface SpectralLintOptions {
  rootDir: string;
  rulesetFile: string;
  /**
   * The contract bundled, linted in one run: every rule sees the whole document, components
   * merged from their files included, and each problem is placed in the source file and line
   * its node came from (docs/decisions/0003-generate-cache-and-tools.md).
   */
  bundle: {
    json: string;
    /** Where the bundle will be written, used when a problem has no source location. */
    displayFile: string;
    locator: SourceLocator;
  };
}

export async function lintWithSpectral(options: SpectralLintOptions): Promise<Problem[]> {
  const { rootDir } = options;
  const rulesetFile = path.resolve(rootDir, options.rulesetFile);
  if (!existsSync(rulesetFile)) {
    return [fileProblem(rootDir, rulesetFile, "spectral-ruleset", `Spectral ruleset not found: ${relativeFile(rootDir, rulesetFile)}`)];
  }
  let ruleset: Ruleset;
  try {
    ruleset = await loadSpectralRuleset(rulesetFile);
  } catch (error) {
    return [fileProblem(rootDir, rulesetFile, "spectral-ruleset", `Cannot load Spectral ruleset: ${error instanceof Error ? error.message : String(error)}`)];
  }
  const { json, displayFile, locator } = options.bundle;
  const spectral = new Spectral({ resolver: new Resolver({ resolvers: { file: refuse, http: refuse, https: refuse } }) });
  spectral.setRuleset(ruleset);
  // A path that does not exist on disk keeps Spectral from mistaking it for a real file.
  const results = await spectral.run(new Document(json, Json, path.resolve(rootDir, displayFile)));
  return dedupeProblems(results.map((result) => toProblem(rootDir, result, displayFile, locator)));
}

function toProblem(rootDir: string, result: ISpectralDiagnostic, displayFile: string, locator: SourceLocator): Problem {
  const base = { rule: String(result.code), severity: toSeverity(result.severity), message: relativizeMessage(rootDir, result.message) };
  const located = locator.locate(result.path.map(String));
  if (located) {
    // When only an ancestor maps to a source file, say which bundle node was meant.
    const message = located.exact ? base.message : `${base.message} (bundle #${toPointer(result.path)})`;
    return { ...base, message, file: relativeFile(rootDir, located.file), line: located.line, column: located.column };
  }
  return {
    ...base,
    file: displayFile,
    line: result.range.start.line + 1,
    column: result.range.start.character + 1,
    message: `${base.message} (bundle #${toPointer(result.path)})`,
  };
}
