import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Config } from "@redocly/openapi-core";
import {
  type TreeDiff,
  copyMissingFrom,
  createStagingDir,
  diffTrees,
  isEmptyDiff,
  readTree,
  recoverInterruptedSwap,
  removeDir,
  swapIntoPlace,
  writeFiles,
} from "./atomic-output.js";
import { type BundledSpec, bundleSpec } from "./bundle.js";
import { PAGES } from "../docs/pages.js";
import { checkContractMarkup } from "../docs/markup-check.js";
import { buildDocs } from "./build-docs.js";
import { libraryWorker } from "./worker/library-worker.js";
import { compileTypes } from "./compile-types.js";
import { lintWithRedocly } from "./lint-redocly.js";
import { lintWithSpectral } from "./lint-spectral.js";
import { type Problem, isFailing, relativeFile, sortProblems } from "./problems.js";
import { disableRedoclyTelemetry, loadRedoclyConfig, problemFromThrown } from "./redocly-common.js";
import { SourceLocator } from "./source-locator.js";
import { validateExamples } from "./validate-examples.js";

export const STEP_NAMES = ["bundle", "lint-spectral", "lint-redocly", "validate-examples", "compile-types", "build-docs"] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** Files each step owns inside the output folder (posix paths relative to it). */
export const STEP_OUTPUTS: Readonly<Record<StepName, readonly string[]>> = {
  bundle: ["openapi.json", "openapi.yaml"],
  "lint-spectral": [],
  "lint-redocly": [],
  "validate-examples": [],
  "compile-types": ["schema.d.ts"],
  "build-docs": Object.values(PAGES).map((page) => `docs/${page.file}`),
};

export type StepStatus = "ok" | "failed" | "skipped";

export interface StepReport {
  name: StepName | "write" | "check";
  status: StepStatus;
  ms: number;
  problems: Problem[];
  /** Short human detail, e.g. the docs engine used or the number of files written. */
  note?: string;
}

export interface RunPipelineOptions {
  /** Repository (or fixture) root; every other path is relative to it. */
  rootDir: string;
  /** Default `openapi/openapi.yaml`. */
  specEntry?: string;
  /** Default `generated`. */
  outDir?: string;
  /** Default `.spectral.yaml`. */
  spectralRuleset?: string;
  /** Default `redocly.yaml`. */
  redoclyConfig?: string;
  /** Docs overlays (`code-samples.yaml`, `zh-CN.yaml`). Default `openapi/overlays`. */
  overlaysDir?: string;
  /** Build in a temp folder and compare with `outDir`; never writes `outDir`. */
  check?: boolean;
  /**
   * Run only these steps (`bundle` always runs: everything reads the bundle). Outputs of the
   * skipped steps are left as they are in `outDir` and are not compared in check mode.
   */
  steps?: readonly StepName[];
  /** Called as each step finishes, for progressive CLI output. */
  onStep?: (step: StepReport) => void;
}

export interface PipelineResult {
  ok: boolean;
  mode: "write" | "check";
  steps: StepReport[];
  /** Every problem, sorted by file, line, column. */
  problems: Problem[];
  /**
   * Output files (relative to `outDir`) whose bytes differ between this build and `outDir` as
   * it was: in write mode these were replaced/added/removed, in check mode they are stale.
   */
  changedFiles: string[];
  /** The same comparison, split by kind; empty when the build failed before comparing. */
  diff: TreeDiff;
  /** Files this run generated (relative to `outDir`). */
  outputs: string[];
  /** `outDir` relative to `rootDir`, for messages. */
  outDir: string;
  totalMs: number;
}

/** tools/docs reports untranslated texts as "header:\n  item\n  item"; one info line per item. */
function docsWarningProblems(file: string, warning: string): Problem[] {
  const [header = "", ...items] = warning.split("\n").map((line) => line.trim()).filter(Boolean);
  const lines = items.length > 0 ? items.map((item) => `${header.replace(/:$/, "")}: ${item}`) : [header];
  return lines.map((message) => ({ file, line: 0, column: 0, rule: "docs-translation", severity: "info", message }));
}

const EMPTY_DIFF: TreeDiff = { changed: [], missing: [], extra: [] };

export async function runPipeline(options: RunPipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  disableRedoclyTelemetry();
  const rootDir = path.resolve(options.rootDir);
  const specEntry = options.specEntry ?? "openapi/openapi.yaml";
  const outDir = path.resolve(rootDir, options.outDir ?? "generated");
  const outDirRel = relativeFile(rootDir, outDir);
  const redoclyConfigFile = path.resolve(rootDir, options.redoclyConfig ?? "redocly.yaml");
  const spectralRuleset = options.spectralRuleset ?? ".spectral.yaml";
  const overlaysDir = path.resolve(rootDir, options.overlaysDir ?? "openapi/overlays");
  const selected = new Set<StepName>(options.steps ?? STEP_NAMES);
  selected.add("bundle");
  const mode = options.check ? "check" : "write";

  const steps: StepReport[] = [];
  const record = (report: StepReport): StepReport => {
    steps.push(report);
    options.onStep?.(report);
    return report;
  };
  /** Runs one step and times it; a library throwing becomes a problem, not a crash. */
  const measure = async (
    name: StepReport["name"],
    run: () => Promise<{ problems: Problem[]; note?: string }>,
    blame: string = path.resolve(rootDir, specEntry),
  ): Promise<StepReport> => {
    const t0 = performance.now();
    let outcome: { problems: Problem[]; note?: string };
    try {
      outcome = await run();
    } catch (error) {
      outcome = { problems: [problemFromThrown(rootDir, error, blame, name)] };
    }
    const failed = outcome.problems.some(isFailing);
    return { name, status: failed ? "failed" : "ok", ms: performance.now() - t0, problems: outcome.problems, ...(outcome.note ? { note: outcome.note } : {}) };
  };
  const timed = async (...args: Parameters<typeof measure>): Promise<StepReport> => record(await measure(...args));
  const skip = (name: StepName) => record({ name, status: "skipped", ms: 0, problems: [] });
  const finish = (ok: boolean, diff: TreeDiff, outputs: string[]): PipelineResult => ({
    ok,
    mode,
    steps,
    problems: sortProblems(steps.flatMap((s) => s.problems)),
    changedFiles: [...diff.changed, ...diff.missing, ...diff.extra].sort(),
    diff,
    outputs,
    outDir: outDirRel,
    totalMs: performance.now() - started,
  });

  // The worker's imports (~1 s cold) overlap config loading and bundling on this thread.
  const preload =
    selected.has("compile-types") || selected.has("build-docs")
      ? libraryWorker.run("preload", {}).catch(() => undefined)
      : undefined;
  if (mode === "write") await recoverInterruptedSwap(outDir);
  // Check mode keeps its build outside the repository entirely.
  const staging = mode === "check" ? await mkdtemp(path.join(os.tmpdir(), "generate-check-")) : await createStagingDir(outDir);
  try {
    let config: Config | undefined;
    let bundled: BundledSpec | undefined;
    await timed("bundle", async () => {
      const loaded = await loadRedoclyConfig(rootDir, redoclyConfigFile);
      if ("problem" in loaded) return { problems: [loaded.problem] };
      config = loaded.config;
      const result = await bundleSpec({ rootDir, entry: specEntry, config });
      bundled = result.bundle;
      if (bundled) await writeFiles(staging, new Map([["openapi.json", bundled.json], ["openapi.yaml", bundled.yaml]]));
      return { problems: [...result.problems, ...(await checkContractMarkup([path.dirname(path.resolve(rootDir, specEntry)), overlaysDir], rootDir))] };
    });
    if (!bundled || !config) {
      for (const name of STEP_NAMES.slice(1)) skip(name);
      return finish(false, EMPTY_DIFF, []);
    }
    const bundle = bundled;
    const redoclyConfig = config;
    const bundleDisplay = `${outDirRel}/openapi.json`;
    const locator = new SourceLocator(path.resolve(rootDir, specEntry), bundle.document);

    // Types and docs need only the bundle, so they start now and overlap the checks below:
    // their heavy parts run on the library worker (second core). Their output is used only if
    // every check passes; either way they settle before the staging folder is removed.
    const typesJob = selected.has("compile-types")
      ? measure("compile-types", async () => {
          const types = await compileTypes(bundle.document, relativeFile(rootDir, path.resolve(rootDir, specEntry)));
          await writeFiles(staging, new Map([["schema.d.ts", types]]));
          return { problems: [], note: "worker thread, overlapped with the checks" };
        })
      : undefined;
    const docsJob = selected.has("build-docs")
      ? measure(
          "build-docs",
          async () => {
            const result = await buildDocs({
              document: bundle.document,
              outDir: path.join(staging, "docs"),
              overlaysDir,
            });
            const translationFile = relativeFile(rootDir, path.join(overlaysDir, "zh-CN.yaml"));
            return { problems: result.warnings.flatMap((w) => docsWarningProblems(translationFile, w)), note: "in-process, overlapped with the checks" };
          },
          // Docs failures are almost always in an overlay or the page template, not the spec.
          overlaysDir,
        )
      : undefined;

    // Checks run even after one fails so a single run reports everything wrong with the spec.
    if (selected.has("lint-spectral")) {
      await timed("lint-spectral", async () => ({
        problems: await lintWithSpectral({ rootDir, rulesetFile: spectralRuleset, sourceFile: specEntry, bundle: { json: bundle.json, displayFile: bundleDisplay, locator } }),
      }));
    } else skip("lint-spectral");
    if (selected.has("lint-redocly")) {
      await timed("lint-redocly", async () => ({ problems: await lintWithRedocly({ rootDir, entry: specEntry, config: redoclyConfig }) }));
    } else skip("lint-redocly");
    if (selected.has("validate-examples")) {
      await timed("validate-examples", async () => ({ problems: validateExamples({ rootDir, document: bundle.document, locator, displayFile: bundleDisplay }) }));
    } else skip("validate-examples");

    const [typesReport, docsReport] = await Promise.all([typesJob, docsJob]);
    // Artifacts of a spec that failed its checks are discarded, not reported.
    if (steps.some((s) => s.status === "failed")) {
      skip("compile-types");
      skip("build-docs");
      return finish(false, EMPTY_DIFF, []);
    }
    if (typesReport) record(typesReport);
    else skip("compile-types");
    if (docsReport) record(docsReport);
    else skip("build-docs");
    if (steps.some((s) => s.status === "failed")) return finish(false, EMPTY_DIFF, []);

    const produced = STEP_NAMES.filter((s) => selected.has(s)).flatMap((s) => STEP_OUTPUTS[s]);
    const allKnown = new Set(STEP_NAMES.flatMap((s) => STEP_OUTPUTS[s]));
    const notProduced = [...allKnown].filter((f) => !produced.includes(f));
    let diff = EMPTY_DIFF;
    const compare = await timed(mode, async () => {
      const built = await readTree(staging);
      const current = await readTree(outDir);
      // Outputs of skipped steps are neither rebuilt nor judged.
      for (const file of notProduced) current.delete(file);
      diff = diffTrees(built, current);
      const count = diff.changed.length + diff.missing.length + diff.extra.length;
      if (mode === "check") return { problems: [], note: count === 0 ? "up to date" : `${count} stale` };
      if (count === 0) return { problems: [], note: "unchanged" };
      await copyMissingFrom(outDir, staging, notProduced);
      await swapIntoPlace(staging, outDir);
      return { problems: [], note: `${count} file${count === 1 ? "" : "s"} updated` };
    });
    const ok = compare.status === "ok" && (mode === "write" || isEmptyDiff(diff));
    return finish(ok, diff, produced);
  } finally {
    await preload;
    await removeDir(staging);
  }
}
