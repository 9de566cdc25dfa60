// `npm run diff -- --base <git-ref> [--head <spec file>] [--format text|changelog]`: the
// breaking-change gate; see tools/contract-diff/. Exit 0: no breaking change, or breaking changes
// with a raised info.version major; 1: breaking changes without that bump; 2: unusable inputs.
import { formatChangelog } from "../tools/contract-diff/changelog.js";
import { GateInputError } from "../tools/contract-diff/git.js";
import { runGate } from "../tools/contract-diff/gate.js";
import { formatReport } from "../tools/contract-diff/report.js";
import { runCli, usageError } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS.diff);
if (values.base === undefined) usageError(COMMANDS.diff, "--base is required");
if (values.format !== "text" && values.format !== "changelog") usageError(COMMANDS.diff, `--format must be text or changelog, not ${values.format}`);

try {
  const result = await runGate({ cwd: process.cwd(), base: values.base, head: values.head });
  if (values.format === "changelog") {
    // Only the sections go to stdout, ready for CHANGELOG.md; the verdict goes to stderr.
    for (const line of formatChangelog(result.changes)) console.log(line);
    console.error(formatReport([], result.verdict)[0]);
  } else {
    console.log(`base: ${result.baseSource}\nhead: ${result.headSource}`);
    for (const line of formatReport(result.changes, result.verdict)) console.log(line);
  }
  process.exit(result.verdict.exitCode);
} catch (error) {
  if (error instanceof GateInputError) {
    console.error(`diff: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
