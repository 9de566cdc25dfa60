// The gate's decision: breaking changes pass only together with a raised info.version major.
import type { Change } from "./types.js";

export interface GateVerdict {
  pass: boolean;
  exitCode: 0 | 1;
  breaking: number;
  nonBreaking: number;
  majorRaised: boolean;
  reason: string;
}

/** Leading integer of a semver-like version (`v` prefix allowed); undefined if there is none. */
export function majorOf(version: string | undefined): number | undefined {
  const match = /^v?(\d+)(?:\.|$)/.exec(version?.trim() ?? "");
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function gateVerdict(changes: readonly Change[], baseVersion: string | undefined, headVersion: string | undefined): GateVerdict {
  const breaking = changes.filter((c) => c.breaking).length;
  const nonBreaking = changes.length - breaking;
  const baseMajor = majorOf(baseVersion);
  const headMajor = majorOf(headVersion);
  // An unreadable version cannot approve anything: the gate fails closed.
  const majorRaised = baseMajor !== undefined && headMajor !== undefined && headMajor > baseMajor;
  const versions = `info.version ${baseVersion ?? "(none)"} -> ${headVersion ?? "(none)"}`;
  if (breaking === 0) {
    return { pass: true, exitCode: 0, breaking, nonBreaking, majorRaised, reason: `no breaking change (${versions})` };
  }
  if (majorRaised) {
    return { pass: true, exitCode: 0, breaking, nonBreaking, majorRaised, reason: `breaking changes approved by the major version bump (${versions})` };
  }
  return {
    pass: false, exitCode: 1, breaking, nonBreaking, majorRaised,
    reason: `breaking changes without a major version bump (${versions}); raise info.version's major number to release them`,
  };
}
