// `npm run diff -- --base <git-ref> [--head <spec file>]`: the breaking-change gate.
// Exit 0: no breaking change, or breaking changes with a raised info.version major.
// Exit 1: breaking changes without that bump. Exit 2: the inputs could not be compared.
import { parseArgs } from "node:util";
import { GateInputError } from "../tools/contract-diff/git.js";
import { BUNDLE_PATH, SPEC_ROOT, runGate } from "../tools/contract-diff/gate.js";
import { formatReport } from "../tools/contract-diff/report.js";

const USAGE = `usage: npm run diff -- --base <git-ref> [--head <spec file>]
  --base  git ref whose ${BUNDLE_PATH} is the old contract (e.g. HEAD, origin/main, v1.0.0)
  --head  spec to compare with it; default: ${SPEC_ROOT} bundled afresh, so uncommitted
          edits to openapi/ are included`;

function fail(message: string): never {
  console.error(`diff: ${message}`);
  process.exit(2);
}

let values: { base?: string; head?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { base: { type: "string" }, head: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (values.help === true) {
  console.log(USAGE);
  process.exit(0);
}
if (values.base === undefined) fail(`--base is required\n${USAGE}`);

try {
  const result = await runGate({ cwd: process.cwd(), base: values.base, head: values.head });
  console.log(`base: ${result.baseSource}\nhead: ${result.headSource}`);
  for (const line of formatReport(result.changes, result.verdict)) console.log(line);
  process.exit(result.verdict.exitCode);
} catch (error) {
  if (error instanceof GateInputError) fail(error.message);
  throw error;
}
