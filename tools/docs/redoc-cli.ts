// Runs `redocly build-docs` for one page. The command is only reachable as a CLI (its code is
// in unexported chunks of @redocly/cli), so it runs as a child process of the same Node.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const cliEntry = path.join(path.dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin/cli.js");

export interface BuildDocsArgs {
  /** A bundled OpenAPI document (JSON or YAML file). */
  api: string;
  output: string;
  title: string;
  template: string;
  /** A redocly.yaml for this run only; its `openapi` section holds the Redoc options. */
  config: string;
  templateOptions: Record<string, string>;
}

export async function redoclyBuildDocs(args: BuildDocsArgs): Promise<void> {
  const argv = [
    cliEntry,
    "build-docs",
    args.api,
    "--output",
    args.output,
    "--title",
    args.title,
    "--template",
    args.template,
    "--config",
    args.config,
    // Without it the page imports Redoc from Redocly's CDN at load time.
    "--inlineBundle",
    ...Object.entries(args.templateOptions).map(([key, value]) => `--templateOptions.${key}=${value}`),
  ];
  try {
    await run(process.execPath, argv, {
      env: {
        ...process.env,
        // No usage report and no npm version check: a docs build stays on this machine.
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
      },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`redocly build-docs failed for ${args.output}:\n${stderr || stdout || String(error)}`);
  }
}
