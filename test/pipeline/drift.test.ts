// Is the committed generated/ what `npm run generate` makes from the committed openapi/?
// Fails (listing the stale files or the spec's problems) until both are committed together.
import { expect, it } from "vitest";
import { formatProblem } from "../../tools/pipeline/problems.js";
import { formatDiff } from "../../tools/pipeline/report.js";
import { runPipeline } from "../../tools/pipeline/run-pipeline.js";
import { repoRoot } from "./support/fixtures.js";

it("generated/ is up to date with openapi/ (npm run generate -- --check)", async () => {
  const result = await runPipeline({ rootDir: repoRoot, check: true });
  const report = [...result.problems.map(formatProblem), ...formatDiff(result)].join("\n");
  expect(result.ok, `run \`npm run generate\` and commit generated/:\n${report}`).toBe(true);
}, 120_000);
