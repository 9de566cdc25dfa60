/**
 * `npm run bench:generate [-- --rounds 3] [--root DIR] [--operation getWebinar]`: generate (cold,
 * unchanged, warm) vs the chain of CLIs, and the whole contract vs its one-operation subset.
 * Printing only; see tools/pipeline/bench.ts.
 */
import path from "node:path";
import { benchGenerate, formatBench } from "../tools/pipeline/bench.js";
import { runCli, usageError } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS["bench:generate"]);

const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) usageError(COMMANDS["bench:generate"], "--rounds must be a positive integer");
const result = await benchGenerate({
  rootDir: path.resolve(values.root ?? process.cwd()),
  rounds,
  operationId: values.operation ?? "getWebinar",
  log: (line) => console.log(line),
});
for (const line of formatBench(result)) console.log(line);
