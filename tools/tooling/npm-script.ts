// How `npm run <name>` starts one of this package's scripts, as Node's arguments: the spawned
// smoke tests and bench:generate run a command exactly as package.json has it, without npm's own
// process start in front of it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** `node [--flag …] scripts/run-ts.mjs scripts/<entry>.ts`, the one form our scripts take. */
const SCRIPT = /^node((?: --[a-z][\w-]*(?:=\S+)?)*) (scripts\/run-ts\.mjs) (scripts\/[\w-]+\.ts)$/;

/** Node's flags, then the runner and the entry point as absolute paths. Throws for a script of another form. */
export function npmScriptArgs(name: string, rootDir: string = repoRoot): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(rootDir, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const command = scripts?.[name];
  const match = SCRIPT.exec(command ?? "");
  if (!match) throw new Error(`package.json script ${JSON.stringify(name)} is not \`node [flags] scripts/run-ts.mjs scripts/<entry>.ts\`: ${JSON.stringify(command)}`);
  const flags = (match[1] ?? "").split(" ").filter((flag) => flag !== "");
  return [...flags, path.join(rootDir, match[2]!), path.join(rootDir, match[3]!)];
}
