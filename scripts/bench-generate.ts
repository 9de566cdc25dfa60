/**
 * `npm run bench:generate [-- --rounds 3] [--root DIR] [--operation getWebinar]`: generate (cold,
 * unchanged, warm) vs the chain of CLIs, and the whole contract vs its one-operation subset.
 * Printing only; see tools/pipeline/bench.ts.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { benchGenerate, formatBench } from "../tools/pipeline/bench.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    root: { type: "string", default: process.cwd() },
    operation: { type: "string", default: "getWebinar" },
  },
  strict: true,
});

const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("--rounds must be a positive integer");
  process.exit(2);
}
const result = await benchGenerate({ rootDir: path.resolve(values.root), rounds, operationId: values.operation, log: (line) => console.log(line) });
for (const line of formatBench(result)) console.log(line);
