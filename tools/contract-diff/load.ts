// Turns a spec (split YAML files or a bundled JSON text) into one dereferenced document, using
// @redocly/openapi-core's bundler: the same library that produces generated/openapi.json.
import { bundle, bundleFromString, createConfig } from "@redocly/openapi-core";
import type { JsonObject } from "./types.js";
import { isObject } from "./types.js";

export class SpecLoadError extends Error {}

interface BundleOutcome {
  bundle: { parsed: unknown };
  problems: ReadonlyArray<{ severity: string; message: string }>;
}

function checked(result: BundleOutcome, source: string): JsonObject {
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new SpecLoadError(`${source}: ${errors.map((p) => p.message).join("; ")}`);
  }
  if (!isObject(result.bundle.parsed)) throw new SpecLoadError(`${source}: not an OpenAPI document`);
  return result.bundle.parsed;
}

/** Bundles and dereferences a spec file (its split $refs are followed relative to it). */
export async function dereferenceFile(path: string): Promise<JsonObject> {
  const config = await createConfig({});
  return checked(await bundle({ ref: path, config, dereference: true }), path);
}

/** Dereferences a document given as JSON or YAML text; `name` is used in messages and as its base URI. */
export async function dereferenceText(text: string, name: string): Promise<JsonObject> {
  const config = await createConfig({});
  return checked(await bundleFromString({ source: text, absoluteRef: name, config, dereference: true }), name);
}
