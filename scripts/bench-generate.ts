/**
 * `npm run bench:generate [-- --rounds 5] [--root DIR]`: the in-process pipeline vs the naive
 * chain of separate CLI processes, on the same spec. Printing only; see tools/pipeline/bench.ts.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { benchGenerate, formatBench } from "../tools/pipeline/bench.js";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, root: { type: "string", default: process.cwd() } },
  strict: true,
});

const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("--rounds must be a positive integer");
  process.exit(2);
}
const result = await benchGenerate({ rootDir: path.resolve(values.root), rounds, log: (line) => console.log(line) });
for (const line of formatBench(result)) console.log(line);
