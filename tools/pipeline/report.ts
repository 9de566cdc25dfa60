import { type Problem, formatProblem, isFailing, summarizeProblems } from "./problems.js";
import type { PipelineResult, StepReport } from "./run-pipeline.js";

/** Rendering lives here (not in the script) so tests can pin the exact output format. */

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function formatStep(step: StepReport): string {
  if (step.status === "skipped") return `- ${step.name} skipped`;
  const mark = step.status === "ok" ? "✓" : "✗";
  const failing = step.problems.filter(isFailing).length;
  const details = [step.note, failing > 0 ? `${failing} problem${failing === 1 ? "" : "s"}` : undefined].filter(Boolean);
  return `${mark} ${step.name} ${formatMs(step.ms)}${details.length ? ` (${details.join(", ")})` : ""}`;
}

export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

/** Files listed as `generated/x  changed|missing|extra`, relative to the repo root. */
export function formatDiff(result: PipelineResult): string[] {
  const { changed, missing, extra } = result.diff;
  return [
    ...changed.map((f) => `${result.outDir}/${f}  changed`),
    ...missing.map((f) => `${result.outDir}/${f}  missing`),
    ...extra.map((f) => `${result.outDir}/${f}  extra`),
  ].sort();
}

export function formatSummary(result: PipelineResult): string {
  const time = formatMs(result.totalMs);
  if (result.problems.some(isFailing)) return `✗ generate failed: ${summarizeProblems(result.problems)} (${time}); ${result.outDir}/ left untouched`;
  if (!result.ok && result.mode === "check") {
    return `✗ ${result.outDir}/ is stale: ${result.changedFiles.length} file${result.changedFiles.length === 1 ? "" : "s"} differ (${time}); run \`npm run generate\``;
  }
  if (!result.ok) return `✗ generate failed (${time})`;
  if (result.mode === "check") return `✓ ${result.outDir}/ is up to date: ${result.outputs.length} files checked (${time})`;
  const changed = result.changedFiles.length;
  return `✓ generated ${result.outputs.length} files into ${result.outDir}/, ${changed === 0 ? "none changed" : `${changed} changed`} (${time})`;
}
