// `npm run lint`: the pipeline's own checks (Spectral on the bundle, each problem placed in its
// source file; Redocly on the source; every example and default against its schema) without
// building or writing anything, so authors get the same verdict as `npm run generate` in a
// fraction of the time.
import path from "node:path";
import { bundleSpec } from "../spec/bundle-contract.js";
import { SPEC_ENTRY } from "../spec/generated-files.js";
import { lintWithRedocly } from "./lint-redocly.js";
import { lintWithSpectral } from "./lint-spectral.js";
import { type Problem, dedupeProblems, sortProblems } from "./problems.js";
import { loadRedoclyConfig } from "./redocly-common.js";
import { SourceLocator } from "./source-locator.js";
import { validateExamples } from "./validate-examples.js";

/** Where a problem with no source location is reported. */
const BUNDLE_DISPLAY = "(bundle of openapi/)";

export interface LintContractOptions {
  rootDir: string;
  specEntry?: string;
  spectralRuleset?: string;
  redoclyConfig?: string;
}

export async function lintContract(options: LintContractOptions): Promise<Problem[]> {
  const { rootDir } = options;
  const specEntry = options.specEntry ?? SPEC_ENTRY;
  const loaded = await loadRedoclyConfig(rootDir, path.resolve(rootDir, options.redoclyConfig ?? "redocly.yaml"));
  if ("problem" in loaded) return [loaded.problem];
  const bundled = await bundleSpec({ rootDir, entry: specEntry, config: loaded.config });
  if (!bundled.bundle) return sortProblems(bundled.problems);
  const locator = new SourceLocator(path.resolve(rootDir, specEntry), bundled.bundle.document);
  const [spectral, redocly] = await Promise.all([
    lintWithSpectral({
      rootDir,
      rulesetFile: options.spectralRuleset ?? ".spectral.yaml",
      bundle: { json: bundled.bundle.json, displayFile: BUNDLE_DISPLAY, locator },
    }),
    lintWithRedocly({ rootDir, entry: specEntry, config: loaded.config }),
  ]);
  const examples = validateExamples({ rootDir, document: bundled.bundle.document, locator, displayFile: BUNDLE_DISPLAY });
  return sortProblems(dedupeProblems([...bundled.problems, ...spectral, ...redocly, ...examples]));
}
