// The contract straight from openapi/ (not from generated/), so contract tests judge the
// source an author just edited, whether or not `npm run generate` has run since.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleContract, CONTRACT_ENTRY, type JsonObject, type JsonValue } from "../../tools/spec/bundle-contract.js";

export type { JsonObject, JsonValue };
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const specEntry = CONTRACT_ENTRY;

let bundled: Promise<JsonObject> | undefined;
let dereferenced: Promise<JsonObject> | undefined;

/** The bundled document, with internal `#/components/...` references kept. */
export function bundledSpec(): Promise<JsonObject> {
  bundled ??= bundleContract();
  return bundled;
}

/** The bundled document with every reference replaced by its target, for walking schemas. */
export function dereferencedSpec(): Promise<JsonObject> {
  dereferenced ??= bundleContract(CONTRACT_ENTRY, { dereference: true });
  return dereferenced;
}
