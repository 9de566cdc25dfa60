/**
 * `npm run generate [-- --check] [--quiet] [--root DIR] [--spec FILE] [--out DIR]
 *   [--steps a,b]`
 * Argument parsing and printing only; the work is in tools/pipeline/run-pipeline.ts.
 */
import { formatDiff, formatProblems, formatStep, formatSummary } from "../tools/pipeline/report.js";
import { STEP_NAMES, type StepName, runPipeline } from "../tools/pipeline/run-pipeline.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS.generate);

const steps = values.steps?.split(",").map((s) => s.trim());
const unknown = steps?.filter((s) => !(STEP_NAMES as readonly string[]).includes(s)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown step(s): ${unknown.join(", ")}. Steps: ${STEP_NAMES.join(", ")}`);
  process.exit(2);
}

const result = await runPipeline({
  rootDir: values.root ?? process.cwd(),
  check: values.check === true,
  ...(values.spec ? { specEntry: values.spec } : {}),
  ...(values.out ? { outDir: values.out } : {}),
  ...(steps ? { steps: steps as StepName[] } : {}),
  onStep: (step) => {
    if (values.quiet !== true) console.log(formatStep(step));
  },
});

for (const line of formatProblems(result.problems)) console.log(line);
if (result.mode === "check") for (const line of formatDiff(result)) console.log(line);
console.log(formatSummary(result));
process.exitCode = result.ok ? 0 : 1;
