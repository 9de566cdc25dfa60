// `npm run bench`: builds the package, then raw fetch vs the client vs the validating client over
// loopback, and what the package costs before a call (import time, bundle size, validators
// loaded); see tools/bench/client-bench.ts and tools/bench/package-cost.ts. It runs on plain Node
// (scripts/run-ts.mjs, no module hooks): a loader hook would handle every import() the client makes
// (one per validated response), ~350 µs each under tsx, and count it as the client's cost.
import { buildPackage } from "../tools/tooling/build-package.js";
import { runCli, usageError } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS.bench);
const rounds = Number(values.rounds);
const callsPerRound = Number(values.calls);
const importRuns = Number(values["import-runs"]);
if (!Number.isInteger(rounds) || rounds < 1) usageError(COMMANDS.bench, "--rounds must be a positive integer");
if (!Number.isInteger(callsPerRound) || callsPerRound < 1) usageError(COMMANDS.bench, "--calls must be a positive integer");
if (!Number.isInteger(importRuns) || importRuns < 1) usageError(COMMANDS.bench, "--import-runs must be a positive integer");

await buildPackage(process.cwd());
// Imported after the build: the bench loads the client from dist/esm, as consumers do.
const { formatBench, runClientBench } = await import("../tools/bench/client-bench.js");
console.log(formatBench(await runClientBench({ rounds, callsPerRound, warmupRounds: 3, importRuns })));
