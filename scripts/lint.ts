// `npm run lint`: Spectral and Redocly over openapi/ and its bundle; any error or warning fails.
import { lintContract } from "../tools/pipeline/lint-contract.js";
import { formatProblem, isFailing, summarizeProblems } from "../tools/pipeline/problems.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

runCli(COMMANDS.lint);

const problems = await lintContract({ rootDir: process.cwd() });
for (const problem of problems) console.log(formatProblem(problem));
const failing = problems.filter(isFailing);
console.log(problems.length === 0 ? "lint: 0 errors, 0 warnings" : `lint: ${summarizeProblems(problems)}`);
process.exitCode = failing.length > 0 ? 1 : 0;
