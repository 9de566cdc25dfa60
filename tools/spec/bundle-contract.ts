import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";

/** A parsed JSON/YAML object (an OpenAPI bundle, an Overlay document, a part of either). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CONTRACT_ENTRY = path.join(repoRoot, "openapi/openapi.yaml");

export interface BundleContractOptions {
  /** Replace every `$ref` by its target, for code that walks schemas (default: keep refs). */
  dereference?: boolean;
}

/**
 * Bundles openapi/ in-process, straight from the sources, for the docs build and for tests
 * that must judge the spec an author just edited rather than the committed generated/.
 */
export async function bundleContract(entry: string = CONTRACT_ENTRY, options: BundleContractOptions = {}): Promise<JsonObject> {
  const config = await createConfig({}, { configPath: path.join(repoRoot, "redocly.yaml") });
  const result = await bundle({ ref: entry, config, dereference: options.dereference === true });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new Error(`${entry} does not bundle: ${errors.map((p) => p.message).join("; ")}`);
  return result.bundle.parsed as JsonObject;
}
