// `npm run bench`: raw fetch vs the client vs the client with response validation, over loopback.
// BENCH_ROUNDS / BENCH_CALLS override the defaults for a quicker or steadier run.
import { formatBench, runClientBench } from "../test/bench/client-bench.js";

const result = await runClientBench({
  rounds: Number(process.env.BENCH_ROUNDS ?? 60),
  callsPerRound: Number(process.env.BENCH_CALLS ?? 100),
  warmupRounds: 3,
});
console.log(formatBench(result));
