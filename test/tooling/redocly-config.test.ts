// redocly.yaml declares the API, so Redocly's own `redocly lint` (no arguments) runs, and it finds
// what the pipeline's in-process Redocly lint finds, on the same configuration.
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { lintWithRedocly } from "../../tools/pipeline/lint-redocly.js";
import { loadRedoclyConfig } from "../../tools/pipeline/redocly-common.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const redocly = path.join(root, "node_modules/@redocly/cli/bin/cli.js");
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Two problems recommended-strict reports: no license, no operationId.
const SPEC = `openapi: 3.1.0
info: {title: T, version: 1.0.0, description: d}
servers: [{url: "https://api.zoom.us/v2"}]
security: []
paths:
  /things:
    get:
      summary: List things
      description: d
      responses:
        '200': {description: OK}
`;

describe("redocly.yaml", () => {
  it("lets plain `redocly lint` lint the declared API, agreeing with the pipeline's lint", { timeout: 60_000 }, async () => {
    dir = await mkdtemp(path.join(tmpdir(), "redocly-config-"));
    await mkdir(path.join(dir, "openapi"));
    await writeFile(path.join(dir, "openapi/openapi.yaml"), SPEC);
    await copyFile(path.join(root, "redocly.yaml"), path.join(dir, "redocly.yaml"));

    const cli = await run(process.execPath, [redocly, "lint", "--format=json"], { cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: "off" } }).catch(
      (error: { stdout: string }) => error,
    );
    const report = JSON.parse(cli.stdout) as { problems: { ruleId: string }[] };
    const fromCli = report.problems.map((problem) => problem.ruleId).sort();

    const loaded = await loadRedoclyConfig(dir, "redocly.yaml");
    if ("problem" in loaded) throw new Error(loaded.problem.message);
    const inProcess = (await lintWithRedocly({ rootDir: dir, entry: "openapi/openapi.yaml", config: loaded.config })).map((problem) => problem.rule).sort();

    expect(fromCli).toEqual(expect.arrayContaining(["info-license", "operation-operationId"]));
    expect(inProcess).toEqual(fromCli);
  });
});
