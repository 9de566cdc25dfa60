import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Config } from "@redocly/openapi-core";
import { type TreeDiff, copyMissingFrom, createStagingDir, readTree, recoverInterruptedSwap, removeDir, swapIntoPlace, writeFiles } from "./atomic-output.js";
import { type Problem, isFailing, relativeFile, sortProblems } from "./problems.js";
import { DEFAULT_CACHE_DIR, type OutputFile, StepCache, hashFiles, hashTree, pipelineCodeHash, rulesetInputsHash, sha256, toolVersions } from "./step-cache.js";
import { GENERATED_DIR, GENERATED_FILES, SPEC_ENTRY } from "../spec/generated-files.js";
// Step implementations (and the large libraries behind them) load on first use, so a run whose
// every step is cached imports none of them.
type SourceLocator = import("./source-locator.js").SourceLocator;

export const STEP_NAMES = ["bundle", "lint-spectral", "lint-redocly", "validate-examples", "compile-types", "emit-operations", "validators", "build-docs"] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** `"bundle, compile-types"` → the steps, or the names that are not steps. */
export function parseStepList(list: string): { steps: StepName[] } | { unknown: string[] } {
  const names = list.split(",").map((s) => s.trim());
  const unknown = names.filter((s) => !(STEP_NAMES as readonly string[]).includes(s));
  return unknown.length > 0 ? { unknown } : { steps: names as StepName[] };
}

/**
 * Files each step owns inside the output folder (posix paths relative to it); a path ending in
 * "/" is a folder whose every file the step owns (its files depend on the contract).
 */
export const STEP_OUTPUTS: Readonly<Record<StepName, readonly string[]>> = {
  bundle: [GENERATED_FILES.bundleJson, GENERATED_FILES.bundleYaml],
  "lint-spectral": [],
  "lint-redocly": [],
  "validate-examples": [],
  "compile-types": [GENERATED_FILES.types],
  "emit-operations": [GENERATED_FILES.operations],
  validators: [GENERATED_FILES.validatorsDir],
  "build-docs": GENERATED_FILES.docsPages,
};

/** Whether `file` (relative to the output folder) is one of `step`'s outputs. */
export function ownsFile(step: StepName, file: string): boolean {
  return STEP_OUTPUTS[step].some((owned) => (owned.endsWith("/") ? file.startsWith(owned) : file === owned));
}

export type StepStatus = "ok" | "failed" | "skipped";

export interface StepReport {
  name: StepName | "write" | "check";
  status: StepStatus;
  ms: number;
  problems: Problem[];
  /** Short human detail, e.g. "cached" or the number of files written. */
  note?: string;
  /** True when the result was replayed from the cache (its inputs had not changed). */
  cached?: boolean;
}

export interface RunPipelineOptions {
  /** Repository (or fixture) root; every other path is relative to it. */
  rootDir: string;
  /** Default `openapi/openapi.yaml`; its folder is the contract folder that `$ref`s may not leave. */
  specEntry?: string;
  /** Default `generated`. */
  outDir?: string;
  /** Default `.spectral.yaml`. */
  spectralRuleset?: string;
  /** Default `redocly.yaml`. */
  redoclyConfig?: string;
  /** Docs overlays (`code-samples.yaml`, `zh-CN.yaml`). Default `openapi/overlays`. */
  overlaysDir?: string;
  /** Compare with `outDir` only; never writes it. */
  check?: boolean;
  /**
   * Run only these steps (`bundle` always runs: everything reads the bundle). Outputs of the
   * skipped steps are left as they are in `outDir` and are not compared in check mode.
   */
  steps?: readonly StepName[];
  /** Where step results are cached by the hash of their inputs; false: no cache. Default node_modules/.cache/generate. */
  cacheDir?: string | false;
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

interface StepOutcome {
  problems: Problem[];
  note?: string;
  files?: Record<string, string>;
}

/** tools/docs reports untranslated texts as "header:\n  item\n  item"; one info line per item. */
function docsWarningProblems(file: string, warning: string): Problem[] {
  const [header = "", ...items] = warning.split("\n").map((line) => line.trim()).filter(Boolean);
  const lines = items.length > 0 ? items.map((item) => `${header.replace(/:$/, "")}: ${item}`) : [header];
  return lines.map((message) => ({ file, line: 0, column: 0, rule: "docs-translation", severity: "info", message }));
}

const EMPTY_DIFF: TreeDiff = { changed: [], missing: [], extra: [] };
const failed = (problems: readonly Problem[]) => problems.some(isFailing);

export async function runPipeline(options: RunPipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  // Redocly would otherwise resolve telemetry per call and may do a DNS lookup.
  process.env.REDOCLY_TELEMETRY = "off";
  const rootDir = path.resolve(options.rootDir);
  const specEntry = options.specEntry ?? SPEC_ENTRY;
  const entryFile = path.resolve(rootDir, specEntry);
  const contractDir = path.dirname(entryFile);
  const outDir = path.resolve(rootDir, options.outDir ?? GENERATED_DIR);
  const outDirRel = relativeFile(rootDir, outDir);
  const redoclyConfigFile = path.resolve(rootDir, options.redoclyConfig ?? "redocly.yaml");
  const rulesetFile = path.resolve(rootDir, options.spectralRuleset ?? ".spectral.yaml");
  const overlaysDir = path.resolve(rootDir, options.overlaysDir ?? "openapi/overlays");
  const selected = new Set<StepName>(options.steps ?? STEP_NAMES);
  selected.add("bundle");
  const mode = options.check ? "check" : "write";
  const cache = new StepCache(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const code = await pipelineCodeHash();

  const steps: StepReport[] = [];
  const outputs = new Map<string, OutputFile>();
  const record = (report: StepReport): StepReport => {
    steps.push(report);
    options.onStep?.(report);
    return report;
  };
  const skip = (name: StepName) => record({ name, status: "skipped", ms: 0, problems: [] });
  const finish = (ok: boolean, diff: TreeDiff, produced: string[]): PipelineResult => ({
    ok,
    mode,
    steps,
    problems: sortProblems(steps.flatMap((s) => s.problems)),
    changedFiles: [...diff.changed, ...diff.missing, ...diff.extra].sort(),
    diff,
    outputs: produced,
    outDir: outDirRel,
    totalMs: performance.now() - started,
  });

  /**
   * Replays the step's result if its key (the hash of every input) is in the cache; otherwise
   * runs it and stores the result. A library that throws becomes a problem and is not cached.
   */
  const step = async (name: StepName, key: string, run: () => Promise<StepOutcome>, blame = entryFile): Promise<StepReport & { files: Map<string, OutputFile> }> => {
    const t0 = performance.now();
    const hit = await cache.get(name, key);
    let problems: Problem[];
    let detail: string | undefined;
    let files = new Map<string, OutputFile>();
    if (hit) {
      ({ problems, note: detail } = hit.entry);
      files = hit.outputs;
    } else {
      try {
        const outcome = await run();
        ({ problems, note: detail } = outcome);
        const bytes = new Map(Object.entries(outcome.files ?? {}).map(([file, text]) => [file, Buffer.from(text)] as const));
        for (const [file, buffer] of bytes) files.set(file, { sha256: sha256(buffer), bytes: async () => buffer });
        await cache.put(name, key, problems, detail, bytes);
      } catch (error) {
        const { problemFromThrown } = await import("./redocly-common.js");
        problems = [problemFromThrown(rootDir, error, blame, name)];
      }
    }
    const note = [hit ? "cached" : undefined, detail].filter(Boolean).join(", ");
    const report: StepReport = { name, status: failed(problems) ? "failed" : "ok", ms: performance.now() - t0, problems, ...(note ? { note } : {}), ...(hit ? { cached: true } : {}) };
    return { ...report, files };
  };
  type StepResult = Awaited<ReturnType<typeof step>>;
  /**
   * Steps of one group do not read each other's results, so they run concurrently (file reads,
   * esbuild's process and our JavaScript overlap); they are reported in STEP_NAMES order. A step
   * that is not selected is reported as skipped, and its key (which may read files) is not computed.
   */
  const group = async (runs: readonly (readonly [StepName, () => Promise<StepResult>])[]): Promise<StepResult[]> => {
    const skipped = (name: StepName): StepResult => ({ name, status: "skipped", ms: 0, problems: [], files: new Map<string, OutputFile>() });
    const started = runs.map(([name, run]) => (selected.has(name) ? run() : Promise.resolve(skipped(name))));
    const results = await Promise.all(started);
    for (const { files: _files, ...report } of results) record(report);
    return results;
  };

  let config: Promise<Config> | undefined;
  const redoclyConfig = (): Promise<Config> =>
    (config ??= import("./redocly-common.js").then(async ({ loadRedoclyConfig }) => {
      const loaded = await loadRedoclyConfig(rootDir, redoclyConfigFile);
      if ("problem" in loaded) throw Object.assign(new Error(loaded.problem.message), { problem: loaded.problem });
      return loaded.config;
    }));

  // Inputs of the bundle: the contract folder (overlays are the docs' input), the Redocly config.
  const bundleKey = sha256(
    code,
    specEntry,
    await hashTree(contractDir, [overlaysDir]),
    await hashFiles([redoclyConfigFile]),
    toolVersions(["@redocly/openapi-core"]),
  );
  const bundled = await step("bundle", bundleKey, async () => {
    let redocly: Config;
    try {
      redocly = await redoclyConfig();
    } catch (error) {
      const problem = (error as { problem?: Problem }).problem;
      if (problem) return { problems: [problem] };
      throw error;
    }
    const [{ bundleSpec }, { checkContractMarkup }] = await Promise.all([import("../spec/bundle-contract.js"), import("../docs/markup-check.js")]);
    const result = await bundleSpec({ rootDir, entry: specEntry, config: redocly, contractDir });
    // HTML in descriptions is checked against the docs' allow-list before anything is built.
    const problems = [...result.problems, ...(result.bundle ? await checkContractMarkup([contractDir], rootDir) : [])];
    if (!result.bundle) return { problems };
    return { problems, files: { [GENERATED_FILES.bundleJson]: result.bundle.json, [GENERATED_FILES.bundleYaml]: result.bundle.yaml } };
  });
  record((({ files: _files, ...report }) => report)(bundled));
  const jsonFile = bundled.files.get(GENERATED_FILES.bundleJson);
  if (bundled.status === "failed" || jsonFile === undefined) {
    for (const name of STEP_NAMES.slice(1)) skip(name);
    return finish(false, EMPTY_DIFF, []);
  }
  for (const [file, output] of bundled.files) outputs.set(file, output);
  const bundleHash = jsonFile.sha256;
  const bundleDisplay = `${outDirRel}/${GENERATED_FILES.bundleJson}`;
  // The bundle's text and parse are needed only by steps that actually run.
  let jsonText: Promise<string> | undefined;
  const json = () => (jsonText ??= jsonFile.bytes().then((b) => b.toString("utf8")));
  let parsed: Promise<Record<string, unknown>> | undefined;
  const document = () => (parsed ??= json().then((text) => JSON.parse(text) as Record<string, unknown>));
  let locator: Promise<SourceLocator> | undefined;
  const sourceLocator = () => (locator ??= Promise.all([import("./source-locator.js"), document()]).then(([{ SourceLocator }, doc]) => new SourceLocator(entryFile, doc)));

  // The types need only the bundle: when they are not cached, they compile on their thread while
  // the checks run here (tools/pipeline/compile-types.ts).
  const entryRel = relativeFile(rootDir, entryFile);
  const typesKey = sha256(code, bundleHash, entryRel, toolVersions(["openapi-typescript", "typescript"]));
  let types: (() => Promise<string>) | undefined;
  if (selected.has("compile-types") && !(await cache.get("compile-types", typesKey))) {
    try {
      types = (await import("./compile-types.js")).startCompileTypes(await json(), entryRel);
    } catch {
      // Started again inside the step, which reports what throws as a problem.
    }
  }

  // Checks run even after one fails, so a single run reports everything wrong with the spec.
  const spectralTools = ["@stoplight/spectral-core", "@stoplight/spectral-rulesets", "@stoplight/spectral-owasp-ruleset", "@stoplight/spectral-ruleset-bundler", "@stoplight/spectral-parsers", "@stoplight/spectral-ref-resolver"];
  await group([
    [
      "lint-spectral",
      async () =>
        step("lint-spectral", sha256(code, bundleKey, await rulesetInputsHash(rulesetFile), toolVersions(spectralTools)), async () => {
          const { lintWithSpectral } = await import("./lint-spectral.js");
          const locate = await sourceLocator();
          return { problems: await lintWithSpectral({ rootDir, rulesetFile, bundle: { json: await json(), displayFile: bundleDisplay, locator: locate } }) };
        }),
    ],
    [
      "lint-redocly",
      () =>
        step("lint-redocly", sha256(code, bundleKey, "lint-redocly"), async () => {
          const { lintWithRedocly } = await import("./lint-redocly.js");
          return { problems: await lintWithRedocly({ rootDir, entry: specEntry, config: await redoclyConfig(), contractDir }) };
        }),
    ],
    [
      "validate-examples",
      () =>
        step("validate-examples", sha256(code, bundleKey, toolVersions(["ajv", "ajv-formats"])), async () => {
          const { validateExamples } = await import("./validate-examples.js");
          return { problems: validateExamples({ rootDir, document: await document(), locator: await sourceLocator(), displayFile: bundleDisplay }) };
        }),
    ],
  ]);

  // Artifacts of a spec that failed its checks are not built.
  if (steps.some((s) => s.status === "failed")) {
    skip("compile-types");
    skip("emit-operations");
    skip("validators");
    skip("build-docs");
    return finish(false, EMPTY_DIFF, []);
  }

  const artifacts = await group([
    [
      "compile-types",
      () =>
        step("compile-types", typesKey, async () => {
          // Started above unless the cache had the types then (another run may have dropped them since).
          types ??= (await import("./compile-types.js")).startCompileTypes(await json(), entryRel);
          return { problems: [], files: { [GENERATED_FILES.types]: await types() } };
        }),
    ],
    [
      "emit-operations",
      () =>
        step("emit-operations", sha256(code, bundleHash, entryRel), async () => {
          const { emitOperations } = await import("./emit-operations.js");
          return { problems: [], files: { [GENERATED_FILES.operations]: emitOperations(await document(), entryRel) } };
        }),
    ],
    [
      "validators",
      () =>
        step("validators", sha256(code, bundleHash, toolVersions(["ajv", "ajv-formats", "esbuild"])), async () => {
          const { emitValidators } = await import("./emit-validators.js");
          const locate = await sourceLocator();
          return emitValidators(await document(), {
            displayFile: bundleDisplay,
            locate: (pointer) => {
              const at = locate.locate(pointer);
              return at && { file: relativeFile(rootDir, at.file), line: at.line, column: at.column };
            },
          });
        }),
    ],
    [
      "build-docs",
      async () =>
        step(
          "build-docs",
          sha256(code, bundleHash, await hashTree(overlaysDir), await hashFiles([redoclyConfigFile]), toolVersions(["@redocly/cli", "@redocly/openapi-core", "redoc"])),
          async () => {
            const [{ buildDocs }, { checkContractMarkup }] = await Promise.all([import("./build-docs.js"), import("../docs/markup-check.js")]);
            // The overlays are this step's input (not the bundle's), so their markup is checked here.
            const markup = await checkContractMarkup([overlaysDir], rootDir);
            if (markup.length > 0) return { problems: markup };
            const dir = await mkdtemp(path.join(os.tmpdir(), "generate-docs-"));
            try {
              const result = await buildDocs({ document: await document(), outDir: dir, overlaysDir });
              const translationFile = relativeFile(rootDir, path.join(overlaysDir, "zh-CN.yaml"));
              const files: Record<string, string> = {};
              for (const [file, bytes] of readTree(dir)) files[`docs/${file}`] = bytes.toString("utf8");
              return { problems: result.warnings.flatMap((w) => docsWarningProblems(translationFile, w)), files };
            } finally {
              await removeDir(dir);
            }
          },
          // Docs failures are almost always in an overlay or the page template, not the spec.
          overlaysDir,
        ),
    ],
  ]);
  for (const result of artifacts) for (const [file, output] of result.files) outputs.set(file, output);
  if (steps.some((s) => s.status === "failed")) return finish(false, EMPTY_DIFF, []);

  const produced = [...outputs.keys()].sort();
  const skipped = STEP_NAMES.filter((s) => !selected.has(s));
  const t0 = performance.now();
  if (mode === "write") await recoverInterruptedSwap(outDir);
  const current = readTree(outDir);
  // Outputs of skipped steps are neither rebuilt nor judged, and are carried over as they are.
  const notProduced = [...current.keys()].filter((file) => skipped.some((s) => ownsFile(s, file)));
  for (const file of notProduced) current.delete(file);
  const diff: TreeDiff = { changed: [], missing: [], extra: [] };
  for (const [file, output] of outputs) {
    const bytes = current.get(file);
    if (!bytes) diff.missing.push(file);
    else if (sha256(bytes) !== output.sha256) diff.changed.push(file);
  }
  for (const file of current.keys()) if (!outputs.has(file)) diff.extra.push(file);
  for (const list of [diff.changed, diff.missing, diff.extra]) list.sort();
  const count = diff.changed.length + diff.missing.length + diff.extra.length;
  let note: string;
  if (mode === "check") note = count === 0 ? "up to date" : `${count} stale`;
  else if (count === 0) note = "unchanged";
  else {
    // Staged next to outDir and swapped in by renames: a crash leaves the old folder or the new one.
    const staging = await createStagingDir(outDir);
    try {
      await writeFiles(staging, new Map(await Promise.all([...outputs].map(async ([file, output]) => [file, await output.bytes()] as const))));
      await copyMissingFrom(outDir, staging, notProduced);
      await swapIntoPlace(staging, outDir);
    } finally {
      await removeDir(staging);
    }
    note = `${count} file${count === 1 ? "" : "s"} updated`;
  }
  record({ name: mode, status: "ok", ms: performance.now() - t0, problems: [], note });
  return finish(mode === "write" || count === 0, diff, produced);
}
