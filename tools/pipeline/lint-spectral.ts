import { existsSync, promises as fsp } from "node:fs";
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

/**
 * Rules not run on the bundle: they judge each node on its own (the document against the
 * OpenAPI schema, each example against its schema), the bundler only moves nodes, and the
 * source run has already judged every one of them where it is written; validate-examples also
 * checks every example against the bundle. Together they are ~60% of a bundle run's time.
 */
export const SOURCE_ONLY_RULES = [
  "oas2-schema",
  "oas3-schema",
  "oas2-valid-media-example",
  "oas2-valid-schema-example",
  "oas3-valid-media-example",
  "oas3-valid-schema-example",
] as const;

/** Spectral rulesets are shared (cached); runs that toggle rules take turns. */
let lintQueue: Promise<unknown> = Promise.resolve();

async function withRulesDisabled<T>(ruleset: Ruleset, names: readonly string[], run: () => Promise<T>): Promise<T> {
  const toggled = names.flatMap((name) => {
    const rule = ruleset.rules[name];
    return rule?.enabled ? [rule] : [];
  });
  for (const rule of toggled) rule.enabled = false;
  try {
    return await run();
  } finally {
    for (const rule of toggled) rule.enabled = true;
  }
}

/** Refs to other files resolve from disk; remote refs are refused rather than fetched. */
function createFileOnlyResolver(): Resolver {
  return new Resolver({
    resolvers: {
      file: { resolve: (ref: { href(): string }) => fsp.readFile(ref.href(), "utf8") },
    },
  });
}

const { Json, Yaml } = spectralParsers;

function toSeverity(severity: number): Severity {
  if (severity === 0) return "error";
  if (severity === 1) return "warning";
  return "info";
}

export interface SpectralLintOptions {
  rootDir: string;
  rulesetFile: string;
  /** Where bundled rulesets are cached (default node_modules/.cache/generate); false: never. */
  rulesetCacheDir?: string | false;
  /** The root source file; Spectral follows its `$ref`s and reports each problem in its own file. */
  sourceFile: string;
  /**
   * Linting the bundle catches what only shows up once external components are merged into
   * `components` (e.g. rules that match `components.headers`).
   */
  bundle?: {
    json: string;
    /** Where the bundle will be written, used when a problem has no source location. */
    displayFile: string;
    locator: SourceLocator;
  };
}

export function lintWithSpectral(options: SpectralLintOptions): Promise<Problem[]> {
  const run = lintQueue.then(() => lintSerially(options));
  lintQueue = run.catch(() => undefined);
  return run;
}

async function lintSerially(options: SpectralLintOptions): Promise<Problem[]> {
  const { rootDir } = options;
  const rulesetFile = path.resolve(rootDir, options.rulesetFile);
  if (!existsSync(rulesetFile)) {
    return [fileProblem(rootDir, rulesetFile, "spectral-ruleset", `Spectral ruleset not found: ${relativeFile(rootDir, rulesetFile)}`)];
  }
  let ruleset: Ruleset;
  try {
    ruleset = await loadSpectralRuleset(rulesetFile, options.rulesetCacheDir);
  } catch (error) {
    return [fileProblem(rootDir, rulesetFile, "spectral-ruleset", `Cannot load Spectral ruleset: ${error instanceof Error ? error.message : String(error)}`)];
  }

  const spectral = new Spectral({ resolver: createFileOnlyResolver() });
  spectral.setRuleset(ruleset);

  const sourceFile = path.resolve(rootDir, options.sourceFile);
  const sourceText = await fsp.readFile(sourceFile, "utf8");
  const sourceResults = await spectral.run(new Document(sourceText, Yaml, sourceFile));
  const problems = sourceResults.map((r) => fromSourceResult(rootDir, r, sourceFile));

  if (options.bundle) {
    const { json, displayFile, locator } = options.bundle;
    // Spectral reports source results with the path inside the file that holds the node;
    // the locator maps bundle paths to the same (file, pointer), so duplicates match exactly.
    const seen = new Set(sourceResults.map((r) => resultKey(r.source ?? sourceFile, toPointer(r.path), r)));
    // A path that does not exist on disk keeps Spectral from mistaking it for a real file.
    const virtualPath = path.resolve(rootDir, displayFile);
    const bundleResults = await withRulesDisabled(ruleset, SOURCE_ONLY_RULES, () => spectral.run(new Document(json, Json, virtualPath)));
    for (const result of bundleResults) {
      const origin = locator.origin(result.path.map(String));
      if (origin?.exact && seen.has(resultKey(origin.file, origin.pointer, result))) continue;
      problems.push(fromBundleResult(rootDir, result, displayFile, locator));
    }
  }
  return dedupeProblems(problems);
}

function resultKey(file: string, pointer: string, result: ISpectralDiagnostic): string {
  return [file, pointer, String(result.code), result.message].join("\u0000");
}

function fromSourceResult(rootDir: string, result: ISpectralDiagnostic, fallbackFile: string): Problem {
  return {
    file: relativeFile(rootDir, result.source ?? fallbackFile),
    line: result.range.start.line + 1,
    column: result.range.start.character + 1,
    rule: String(result.code),
    severity: toSeverity(result.severity),
    message: relativizeMessage(rootDir, result.message),
  };
}

function fromBundleResult(rootDir: string, result: ISpectralDiagnostic, displayFile: string, locator: SourceLocator): Problem {
  const base = { rule: String(result.code), severity: toSeverity(result.severity), message: relativizeMessage(rootDir, result.message) };
  const located = locator.locate(result.path.map(String));
  if (located && result.path.length > 0) {
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
