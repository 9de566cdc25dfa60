import path from "node:path";
import { type Config, lint } from "@redocly/openapi-core";
import type { Problem } from "./problems.js";
import { fromRedoclyProblem, problemFromThrown } from "./redocly-common.js";

/**
 * Redocly lints the source (not the bundle): it follows `$ref`s itself and reports each
 * problem at `location[0].source` — the file a person edits.
 */
export async function lintWithRedocly(options: { rootDir: string; entry: string; config: Config }): Promise<Problem[]> {
  const entry = path.resolve(options.rootDir, options.entry);
  try {
    const problems = await lint({ ref: entry, config: options.config });
    return problems.filter((p) => !p.ignored).map((p) => fromRedoclyProblem(options.rootDir, p, entry));
  } catch (error) {
    return [problemFromThrown(options.rootDir, error, entry, "redocly-lint")];
  }
}
