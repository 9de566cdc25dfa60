// Turns a spec (split YAML files or a bundled JSON text) into one dereferenced document, with
// the same bundler that produces generated/openapi.json (tools/spec/bundle-contract.ts).
import { bundleContract, bundleContractText } from "../spec/bundle-contract.js";
import type { JsonObject } from "./types.js";

export class SpecLoadError extends Error {}

async function asLoadError(load: () => Promise<unknown>): Promise<JsonObject> {
  try {
    return (await load()) as JsonObject;
  } catch (error) {
    throw new SpecLoadError(error instanceof Error ? error.message : String(error));
  }
}

/** Bundles and dereferences a spec file (its split $refs are followed relative to it). */
export function dereferenceFile(path: string): Promise<JsonObject> {
  return asLoadError(() => bundleContract(path, { dereference: true }));
}

/** Dereferences a document given as JSON or YAML text; `name` is used in messages and as its base URI. */
export function dereferenceText(text: string, name: string): Promise<JsonObject> {
  return asLoadError(() => bundleContractText(text, name, { dereference: true }));
}
