// Seeded, bounded fast-check runs for the contract's property tests: FC_SEED (default below)
// picks the runs, FC_PATH replays one; a failure leads with the command that replays it.
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { expect } from "vitest";
import { envInteger } from "../../support/env.js";

const DEFAULT_SEED = 20_261_125;
export const SEED = envInteger("FC_SEED") ?? DEFAULT_SEED;
const PATH = process.env.FC_PATH || undefined;
// A run that cannot finish in this time fails rather than quietly checking fewer cases.
export const TIME_LIMIT_MS = 20_000;

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** The seed line a property file prints before its runs. */
export const seedLine = (label: string, sizes: string): string =>
  `${label}: FC_SEED=${SEED}${SEED === DEFAULT_SEED ? " (default)" : ""}${PATH === undefined ? "" : ` FC_PATH=${PATH}`}, ${sizes}`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * fc.check, turned into a thrown error that leads with how to replay the failure; fast-check's
 * own report (seed, path, shrunk counterexample, the assertion) follows it.
 */
export async function checkProperty<Ts>(property: fc.IAsyncProperty<Ts>, numRuns: number, path = PATH): Promise<void> {
  const details = await fc.check(property, {
    seed: SEED,
    numRuns,
    interruptAfterTimeLimit: TIME_LIMIT_MS,
    markInterruptAsFailure: true,
    ...(path === undefined ? {} : { path }),
  });
  if (!details.failed) return;
  // vitest's -t matches the names of the describe blocks and the test joined by spaces.
  const state = expect.getState();
  const name = (state.currentTestName ?? "").split(" > ").join(" ");
  const file = relative(repoRoot, state.testPath ?? "").split(sep).join("/");
  const replay = `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ""} npx vitest run ${file} -t ${JSON.stringify(`^${escapeRegExp(name)}$`)}`;
  const cause = details.errorInstance;
  const reason = cause instanceof Error ? cause.message : String(cause);
  throw new Error(
    `property failed (seed ${details.seed}, path ${details.counterexamplePath ?? "none"})\nreplay: ${replay}\n${fc.defaultReportMessage(details) ?? ""}\nfailure: ${reason}`,
    { cause },
  );
}
