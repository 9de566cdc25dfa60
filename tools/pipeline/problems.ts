import path from "node:path";

/** `info` is printed but never fails a run; lint errors and warnings both do. */
export type Severity = "error" | "warning" | "info";

export interface Problem {
  /** Repository-relative path with forward slashes (absolute only when outside the root). */
  file: string;
  /** 1-based; 0 when the tool gave no position. */
  line: number;
  /** 1-based; 0 when the tool gave no position. */
  column: number;
  rule: string;
  severity: Severity;
  message: string;
}

export function isFailing(problem: Problem): boolean {
  return problem.severity === "error" || problem.severity === "warning";
}

/** Paths in reports must be clickable from the repo root and stable across machines. */
export function relativeFile(rootDir: string, file: string): string {
  const absolute = path.resolve(rootDir, file);
  const relative = path.relative(rootDir, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    return absolute.split(path.sep).join("/");
  }
  return relative.split(path.sep).join("/");
}

/**
 * Tools embed absolute paths (often of a temp copy) in messages; strip the root so the
 * same problem prints the same text wherever the repo or fixture lives.
 */
export function relativizeMessage(rootDir: string, message: string): string {
  const prefix = path.resolve(rootDir) + path.sep;
  return message.split(prefix).join("").replace(/\s*\n\s*/g, " ").trim();
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${problem.rule}  ${problem.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}

/** Output order must not depend on which tool or which document found a problem first. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

/**
 * Spectral runs on the source and on the bundle, and a shared component can be reached twice:
 * the same rule at the same line with the same text is one problem, whatever the column.
 */
export function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const problem of problems) {
    const key = [problem.file, problem.line, problem.rule, problem.severity, problem.message].join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

export function summarizeProblems(problems: readonly Problem[]): string {
  const count = (severity: Severity) => problems.filter((p) => p.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  const infos = count("info");
  const parts = [`${errors} error${errors === 1 ? "" : "s"}`, `${warnings} warning${warnings === 1 ? "" : "s"}`];
  if (infos > 0) parts.push(`${infos} info`);
  return parts.join(", ");
}
