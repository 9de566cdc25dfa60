import { existsSync, promises as fsp } from "node:fs";
import path from "node:path";
import { Document, Spectral, type ISpectralDiagnostic } from "@stoplight/spectral-core";
// spectral-parsers re-exports through tslib in a way Node's CJS named-export detection misses.
import spectralParsers from "@stoplight/spectral-parsers";
import { Resolver } from "@stoplight/spectral-ref-resolver";
import { type Problem, type Severity, dedupeProblems, relativeFile, relativizeMessage } from "./problems.js";
import { fileProblem } from "./redocly-common.js";
import { toPointer } from "../../src/util/json-pointer.js";
import type { SourceLocator } from "./source-locator.js";
import { type SpectralRulesets, loadSpectralRulesets } from "./spectral-ruleset.js";

/**
 * json-ref-resolver's URI cache hands out one runner per file and lengthens that runner's URI
 * stack on every hit, so past ~100 `$ref`s to one file it reports "max uri depth" and leaves the
 * ref unresolved. A cache that never hits gives each ref a fresh runner; file reads stay cached.
 */
const noUriCache = {
  stats: { hits: 0, misses: 0 },
  get: (): undefined => undefined,
  set: (): void => undefined,
  has: (): boolean => false,
  purge: (): void => undefined,
};

/** A file resolver confined to the contract folder: remote refs are refused rather than fetched. */
function createContainedResolver(contractDir: string): Resolver {
  const reads = new Map<string, Promise<string>>();
  return new Resolver({
    uriCache: noUriCache,
    resolvers: {
      file: {
        resolve: (ref: { href(): string }) => {
          const file = ref.href();
          const relative = path.relative(contractDir, file);
          if (relative.startsWith("..") || path.isAbsolute(relative)) return Promise.reject(new Error(`Refusing to read ${file}: outside the contract folder`));
          let text = reads.get(file);
          if (text === undefined) reads.set(file, (text = fsp.readFile(file, "utf8")));
          return text;
        },
      },
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

export async function lintWithSpectral(options: SpectralLintOptions): Promise<Problem[]> {
  const { rootDir } = options;
  const rulesetFile = path.resolve(rootDir, options.rulesetFile);
  if (!existsSync(rulesetFile)) {
    return [fileProblem(rootDir, rulesetFile, "spectral-ruleset", `Spectral ruleset not found: ${relativeFile(rootDir, rulesetFile)}`)];
  }
  let rulesets: SpectralRulesets;
  try {
    rulesets = await loadSpectralRulesets(rulesetFile);
  } catch (error) {
    return [fileProblem(rootDir, rulesetFile, "spectral-ruleset", `Cannot load Spectral ruleset: ${error instanceof Error ? error.message : String(error)}`)];
  }

  const sourceFile = path.resolve(rootDir, options.sourceFile);
  const resolver = createContainedResolver(path.dirname(sourceFile));
  const spectral = new Spectral({ resolver });
  spectral.setRuleset(rulesets.source);
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
    const onBundle = new Spectral({ resolver });
    onBundle.setRuleset(rulesets.bundle);
    const bundleResults = await onBundle.run(new Document(json, Json, virtualPath));
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
