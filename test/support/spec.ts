// Loads the contract straight from openapi/ (not from generated/), so contract tests judge
// the source an author just edited, whether or not `npm run generate` has run since.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const specEntry = path.join(repoRoot, "openapi/openapi.yaml");

export type JsonObject = { [key: string]: unknown };

async function load(dereference: boolean): Promise<JsonObject> {
  const config = await createConfig({}, { configPath: path.join(repoRoot, "redocly.yaml") });
  const result = await bundle({ ref: specEntry, config, dereference });
  const unresolved = result.problems.filter((p) => p.severity === "error");
  if (unresolved.length > 0) {
    throw new Error(`openapi/ does not bundle: ${unresolved.map((p) => p.message).join("; ")}`);
  }
  return result.bundle.parsed as JsonObject;
}

let bundled: Promise<JsonObject> | undefined;
let dereferenced: Promise<JsonObject> | undefined;

/** The bundled document, with internal `#/components/...` references kept. */
export function bundledSpec(): Promise<JsonObject> {
  bundled ??= load(false);
  return bundled;
}

/** The bundled document with every reference replaced by its target, for walking schemas. */
export function dereferencedSpec(): Promise<JsonObject> {
  dereferenced ??= load(true);
  return dereferenced;
}
