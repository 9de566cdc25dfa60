/**
 * `npm run generate [-- --check] [--quiet] [--no-cache | --cache-dir DIR] [--root DIR] [--spec FILE] [--out DIR] [--steps a,b]`
 * Argument parsing and printing only; the work is in tools/pipeline/run-pipeline.ts.
 */
import { formatDiff, formatProblems, formatStep, formatSummary } from "../tools/pipeline/report.js";
import { STEP_NAMES, parseStepList, runPipeline } from "../tools/pipeline/run-pipeline.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS.generate);

const parsed = values.steps === undefined ? undefined : parseStepList(values.steps);
if (parsed && "unknown" in parsed) {
  console.error(`Unknown step(s): ${parsed.unknown.join(", ")}. Steps: ${STEP_NAMES.join(", ")}`);
  process.exit(2);
}
const steps = parsed?.steps;

const result = await runPipeline({
  rootDir: values.root ?? process.cwd(),
  check: values.check === true,
  ...(values["no-cache"] === true ? { cacheDir: false as const } : values["cache-dir"] ? { cacheDir: values["cache-dir"] } : {}),
  ...(values.spec ? { specEntry: values.spec } : {}),
  ...(values.out ? { outDir: values.out } : {}),
  ...(steps ? { steps } : {}),
  onStep: (step) => {
    if (values.quiet !== true) console.log(formatStep(step));
  },
});

for (const line of formatProblems(result.problems)) console.log(line);
if (result.mode === "check") for (const line of formatDiff(result)) console.log(line);
console.log(formatSummary(result));
process.exitCode = result.ok ? 0 : 1;
