// The gate's changes as Keep a Changelog sections (https://keepachangelog.com/en/1.1.0/), to
// paste under a release heading in CHANGELOG.md and edit into prose where needed.
import type { Change } from "./types.js";

export const CHANGELOG_SECTIONS = ["Added", "Changed", "Deprecated", "Removed"] as const;
export type ChangelogSection = (typeof CHANGELOG_SECTIONS)[number];

export function changelogSection(change: Change): ChangelogSection {
  if (change.kind === "deprecation-changed") return change.message.includes("no longer") ? "Changed" : "Deprecated";
  // A new required input is a change to what callers must send, not an addition they may ignore.
  if (change.kind.startsWith("required-") || change.kind.endsWith("-made-required")) return "Changed";
  if (change.kind.endsWith("-added")) return "Added";
  if (change.kind.endsWith("-removed")) return "Removed";
  return "Changed";
}

/** `### Added` … sections with one bullet per change, breaking ones marked; empty sections left out. */
export function formatChangelog(changes: readonly Change[]): string[] {
  const lines: string[] = [];
  for (const section of CHANGELOG_SECTIONS) {
    const entries = changes.filter((change) => changelogSection(change) === section);
    if (entries.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(`### ${section}`, "");
    for (const change of entries) lines.push(`- ${change.breaking ? "**Breaking:** " : ""}\`${change.location}\`: ${change.message}`);
  }
  return lines.length > 0 ? lines : ["No changes to the contract."];
}
