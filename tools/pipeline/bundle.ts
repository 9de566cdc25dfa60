import path from "node:path";
import { type Config, bundle, stringifyYaml } from "@redocly/openapi-core";
import { isRecord } from "../../src/util/json-pointer.js";
import type { Problem } from "./problems.js";
import { fromRedoclyProblem, problemFromThrown } from "./redocly-common.js";

export interface BundledSpec {
  /** Parsed bundle; later steps read it, never the source files. */
  document: Record<string, unknown>;
  json: string;
  yaml: string;
  /** Absolute paths of every file the bundle was built from (for dependency-aware tooling). */
  files: string[];
}

export interface BundleResult {
  problems: Problem[];
  bundle?: BundledSpec;
}

/**
 * One self-contained document that every consumer (types, docs, runtime validation) reads.
 * Refs stay refs (`dereference: false`) and unused components are kept, so named schemas
 * survive into the generated types and docs.
 */
export async function bundleSpec(options: { rootDir: string; entry: string; config: Config }): Promise<BundleResult> {
  const entry = path.resolve(options.rootDir, options.entry);
  let result;
  try {
    result = await bundle({ ref: entry, config: options.config, dereference: false, removeUnusedComponents: false });
  } catch (error) {
    return { problems: [problemFromThrown(options.rootDir, error, entry, "bundle")] };
  }
  const problems = result.problems
    .filter((p) => !p.ignored)
    .map((p) => fromRedoclyProblem(options.rootDir, p, entry));
  const parsed: unknown = result.bundle.parsed;
  if (problems.length > 0 || !isRecord(parsed)) {
    if (problems.length === 0) {
      problems.push({ file: path.relative(options.rootDir, entry), line: 1, column: 1, rule: "bundle", severity: "error", message: "The entry file is not an OpenAPI object" });
    }
    return { problems };
  }
  return {
    problems,
    bundle: {
      document: parsed,
      json: JSON.stringify(parsed, null, 2) + "\n",
      // Same settings as `redocly bundle`: no YAML anchors, no line folding (stable diffs).
      yaml: stringifyYaml(parsed, { noRefs: true, lineWidth: -1 }),
      files: [...result.fileDependencies].sort(),
    },
  };
}
