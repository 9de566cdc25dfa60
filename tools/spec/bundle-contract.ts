// The one bundler: every tool that needs the contract as one document (generate, lint, docs,
// contract tests, the diff gate) gets it here, with `$ref`s confined to the contract folder.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, bundle, bundleFromString, createConfig, stringifyYaml } from "@redocly/openapi-core";
import { isRecord } from "../../src/util/json-pointer.js";
import { type Problem, relativeFile } from "../pipeline/problems.js";
import { fromRedoclyProblem, loadRedoclyConfig, problemFromThrown } from "../pipeline/redocly-common.js";
import { SPEC_ENTRY } from "./generated-files.js";
import type { JsonObject } from "./json.js";
import { ContainedResolver, findRefViolations } from "./ref-guard.js";

export type { JsonObject, JsonValue } from "./json.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CONTRACT_ENTRY = path.join(repoRoot, SPEC_ENTRY);

export interface BundledSpec {
  /** Parsed bundle; later steps read it, never the source files. */
  document: Record<string, unknown>;
  json: string;
  yaml: string;
}

export interface BundleResult {
  problems: Problem[];
  bundle?: BundledSpec;
}

export interface BundleSpecOptions {
  /** Root that problem paths are relative to. */
  rootDir: string;
  /** Entry file, relative to rootDir. */
  entry: string;
  /** Redocly config; default: `redocly.yaml` in rootDir, or Redocly's defaults if there is none. */
  config?: Config;
  /** `$ref`s may name files only inside this folder (default: the entry's folder). */
  contractDir?: string;
  /** Replace every `$ref` by its target, for code that walks schemas (default: keep refs). */
  dereference?: boolean;
}

/**
 * Checks every `$ref` before the bundler reads anything it names, then bundles in-process.
 * Refs stay refs unless asked and unused components are kept, so named schemas survive into
 * the generated types and docs.
 */
export async function bundleSpec(options: BundleSpecOptions): Promise<BundleResult> {
  const { rootDir } = options;
  const entry = path.resolve(rootDir, options.entry);
  const contractDir = path.resolve(options.contractDir ?? path.dirname(entry));
  const violations = findRefViolations(entry, contractDir);
  if (violations.length > 0) {
    return {
      problems: violations.map((v) => ({
        file: relativeFile(rootDir, v.file),
        line: v.line,
        column: v.column,
        rule: "ref-outside-contract",
        severity: "error",
        message: `$ref ${JSON.stringify(v.ref)} is ${v.reason}`,
      })),
    };
  }
  let config = options.config;
  if (!config) {
    const loaded = await loadRedoclyConfig(rootDir, "redocly.yaml", { optional: true });
    if ("problem" in loaded) return { problems: [loaded.problem] };
    config = loaded.config;
  }
  let result;
  try {
    result = await bundle({
      ref: entry,
      config,
      dereference: options.dereference === true,
      removeUnusedComponents: false,
      externalRefResolver: new ContainedResolver(contractDir, { parses: "copied" }),
    });
  } catch (error) {
    return { problems: [problemFromThrown(rootDir, error, entry, "bundle")] };
  }
  const problems = result.problems.filter((p) => !p.ignored).map((p) => fromRedoclyProblem(rootDir, p, entry));
  const parsed: unknown = result.bundle.parsed;
  if (problems.length > 0 || !isRecord(parsed)) {
    if (problems.length === 0) {
      problems.push({ file: relativeFile(rootDir, entry), line: 1, column: 1, rule: "bundle", severity: "error", message: "The entry file is not an OpenAPI object" });
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
    },
  };
}

/** Throws one Error listing every failing problem; for callers that need the document or nothing. */
function documentOrThrow(result: BundleResult, source: string): JsonObject {
  const failing = result.problems.filter((p) => p.severity === "error");
  if (failing.length > 0 || !result.bundle) {
    const list = failing.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`).join("; ");
    throw new Error(`${source} does not bundle: ${list || "no document"}`);
  }
  return result.bundle.document as JsonObject;
}

/**
 * Bundles openapi/ (or another entry file) straight from the sources, for the docs build and
 * for tests that must judge the spec an author just edited rather than the committed generated/.
 */
export async function bundleContract(entry: string = CONTRACT_ENTRY, options: { dereference?: boolean } = {}): Promise<JsonObject> {
  const rootDir = entry === CONTRACT_ENTRY ? repoRoot : path.dirname(path.resolve(entry));
  return documentOrThrow(await bundleSpec({ rootDir, entry, ...options }), entry);
}

/**
 * Bundles a document given as JSON or YAML text (e.g. a bundle read from git); `name` is its
 * base URI and appears in messages. Such a document may hold internal refs only.
 */
export async function bundleContractText(text: string, name: string, options: { dereference?: boolean; removeUnusedComponents?: boolean } = {}): Promise<JsonObject> {
  const config = await createConfig({});
  const contractDir = path.dirname(path.resolve(name));
  const result = await bundleFromString({
    source: text,
    absoluteRef: path.resolve(name),
    config,
    dereference: options.dereference === true,
    removeUnusedComponents: options.removeUnusedComponents === true,
    externalRefResolver: new ContainedResolver(contractDir, { parses: "copied" }),
  });
  const problems = result.problems.filter((p) => !p.ignored).map((p) => fromRedoclyProblem(contractDir, p, path.resolve(name)));
  const parsed: unknown = result.bundle.parsed;
  return documentOrThrow({ problems, ...(isRecord(parsed) ? { bundle: { document: parsed, json: "", yaml: "" } } : {}) }, name);
}
