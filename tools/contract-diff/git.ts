// Reads a file as it is at a git ref, telling "no such ref" and "no such file at that ref" apart.
import { execFileSync } from "node:child_process";

/** A problem with the gate's inputs, not a verdict: the CLI exits 2 on it. */
export class GateInputError extends Error {}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", ["-C", cwd, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function repoRoot(cwd: string): string {
  try {
    return git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    throw new GateInputError(`${cwd} is not inside a git repository`);
  }
}

export function refExists(root: string, ref: string): boolean {
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** `path` is relative to the repository root. */
export function hasFileAtRef(root: string, ref: string, path: string): boolean {
  try {
    git(root, ["cat-file", "-e", `${ref}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

/** `path` is relative to the repository root. */
export function readAtRef(root: string, ref: string, path: string): string {
  if (!refExists(root, ref)) throw new GateInputError(`unknown git ref ${JSON.stringify(ref)}`);
  if (!hasFileAtRef(root, ref, path)) {
    throw new GateInputError(`git ref ${JSON.stringify(ref)} has no ${path}: nothing to compare against (commit a bundle there, or pick another --base)`);
  }
  return git(root, ["show", `${ref}:${path}`]);
}
