// `npm test`: runs vitest, then prints the plain closing line CI reads (`N passed, N failed`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { formatSummary, parseReport, summarise } from "../tools/tooling/vitest-summary.js";

const reportFile = "test-output/vitest-report.json";
mkdirSync("test-output", { recursive: true });
rmSync(reportFile, { force: true });

const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);

if (!existsSync(reportFile)) {
  console.log("vitest wrote no report: it did not run to the end.");
  console.log(formatSummary({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(run.status === 0 ? 1 : (run.status ?? 1));
}
console.log(formatSummary(summarise(parseReport(readFileSync(reportFile, "utf8")))));
process.exit(run.status ?? 1);
