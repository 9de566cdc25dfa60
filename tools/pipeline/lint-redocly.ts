import path from "node:path";
import { type Config, lint } from "@redocly/openapi-core";
import { ContainedResolver } from "../spec/ref-guard.js";
import type { Problem } from "./problems.js";
import { fromRedoclyProblem, problemFromThrown } from "./redocly-common.js";

/**
 * Redocly lints the source (not the bundle): it follows `$ref`s itself, only inside the
 * contract folder, and reports each problem at `location[0].source`, the file a person edits.
 */
export async function lintWithRedocly(options: { rootDir: string; entry: string; config: Config; contractDir?: string }): Promise<Problem[]> {
  const entry = path.resolve(options.rootDir, options.entry);
  try {
    // Lint only reads the documents unless a preprocessor is configured: then it gets its own parse.
    const shareParses = Object.values(options.config.preprocessors ?? {}).every((configured) => Object.keys(configured ?? {}).length === 0);
    const resolver = new ContainedResolver(options.contractDir ?? path.dirname(entry), { parses: shareParses ? "shared" : "copied" });
    const problems = await lint({ ref: entry, config: options.config, externalRefResolver: resolver });
    return problems.filter((p) => !p.ignored).map((p) => fromRedoclyProblem(options.rootDir, p, entry));
  } catch (error) {
    return [problemFromThrown(options.rootDir, error, entry, "redocly-lint")];
  }
}
