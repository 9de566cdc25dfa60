// The gate on this repository itself: the bundle committed at the previous commit (or at
// CONTRACT_DIFF_BASE, e.g. a merge-base) against openapi/ as it is now, uncommitted edits included.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { BUNDLE_PATH, runGate } from "../../tools/contract-diff/gate.js";
import { hasFileAtRef, refExists, repoRoot } from "../../tools/contract-diff/git.js";
import { formatReport } from "../../tools/contract-diff/report.js";

const BASE = process.env.CONTRACT_DIFF_BASE ?? "HEAD~1";
const root = repoRoot(resolve(dirname(fileURLToPath(import.meta.url)), "../.."));

function skipReason(): string | undefined {
  if (!refExists(root, BASE)) return `${BASE} does not exist (first commit, or a shallow clone): nothing to compare against`;
  if (!hasFileAtRef(root, BASE, BUNDLE_PATH)) return `${BASE} has no ${BUNDLE_PATH}: nothing to compare against`;
  return undefined;
}

const reason = skipReason();
if (reason !== undefined) console.warn(`gate.test.ts: skipping the contract gate: ${reason}`);

it.skipIf(reason !== undefined)(`openapi/ has no unapproved breaking change against ${BASE}:${BUNDLE_PATH}`, { timeout: 20_000 }, async () => {
  const result = await runGate({ cwd: root, base: BASE });
  expect(result.verdict.pass, formatReport(result.changes, result.verdict).join("\n")).toBe(true);
});
