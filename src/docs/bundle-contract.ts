import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";
import type { JsonObject } from "./types.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CONTRACT_ENTRY = path.join(repoRoot, "openapi/openapi.yaml");

/** Bundles openapi/ in-process (internal `#/components` refs kept), as the docs pages need it. */
export async function bundleContract(entry: string = CONTRACT_ENTRY): Promise<JsonObject> {
  const config = await createConfig({}, { configPath: path.join(repoRoot, "redocly.yaml") });
  const result = await bundle({ ref: entry, config });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new Error(`${entry} does not bundle: ${errors.map((p) => p.message).join("; ")}`);
  return result.bundle.parsed as JsonObject;
}
