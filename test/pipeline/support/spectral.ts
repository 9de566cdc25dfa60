// Spectral over a folder's bundled contract, as `npm run generate` lints it (the bundle, each
// problem placed in its source file by the locator).
import path from "node:path";
import { bundleSpec } from "../../../tools/spec/bundle-contract.js";
import { lintWithSpectral } from "../../../tools/pipeline/lint-spectral.js";
import { type Problem, formatProblem } from "../../../tools/pipeline/problems.js";
import { SourceLocator } from "../../../tools/pipeline/source-locator.js";

export async function spectralProblems(rootDir: string, entry = "openapi/openapi.yaml"): Promise<Problem[]> {
  const bundled = await bundleSpec({ rootDir, entry });
  if (!bundled.bundle) throw new Error(`the bundle failed:\n${bundled.problems.map(formatProblem).join("\n")}`);
  const locator = new SourceLocator(path.resolve(rootDir, entry), bundled.bundle.document);
  return lintWithSpectral({ rootDir, rulesetFile: ".spectral.yaml", bundle: { json: bundled.bundle.json, displayFile: "(bundle)", locator } });
}
