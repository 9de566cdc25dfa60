// Text rendering of a gate run: one line per change, then one summary line.
import type { Change } from "./types.js";
import type { GateVerdict } from "./verdict.js";

export function formatChange(change: Change): string {
  return `${(change.breaking ? "BREAKING" : "ok").padEnd(10)}${change.location}  ${change.message}`;
}

export function formatSummary(verdict: GateVerdict): string {
  const counts = `${verdict.breaking} breaking, ${verdict.nonBreaking} non-breaking`;
  return `summary: ${counts}; ${verdict.pass ? "PASS" : "FAIL"}: ${verdict.reason}`;
}

export function formatReport(changes: readonly Change[], verdict: GateVerdict): string[] {
  return [...changes.map(formatChange), formatSummary(verdict)];
}
