// `npm run diff` end to end on a throwaway git repository: first commit without a bundle,
// second with one; the working tree then gets the edits under test.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GateInputError } from "../../tools/contract-diff/git.js";
import { runGate } from "../../tools/contract-diff/gate.js";
import { formatReport } from "../../tools/contract-diff/report.js";
import { npmScriptArgs } from "../../tools/tooling/npm-script.js";

// As npm runs it (package.json), without npm.
const DIFF = npmScriptArgs("diff");

const ROOT_YAML = `openapi: 3.1.0
info: {title: Things, version: 1.0.0}
paths:
  /things/{thingId}:
    get:
      parameters:
        - {name: thingId, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: schemas/Thing.yaml
`;
const THING_YAML = `type: object
properties:
  id: {type: integer}
  settings:
    type: object
    properties:
      hd_video: {type: boolean}
      audio: {type: string}
`;
// What the pipeline's bundler writes: one document, internal refs.
const BUNDLE = {
  openapi: "3.1.0",
  info: { title: "Things", version: "1.0.0" },
  paths: {
    "/things/{thingId}": {
      get: {
        parameters: [{ name: "thingId", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        properties: { id: { type: "integer" }, settings: { type: "object", properties: { hd_video: { type: "boolean" }, audio: { type: "string" } } } },
      },
    },
  },
};

let repo = "";

function git(...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.name=diff-test", "-c", "user.email=diff-test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...DIFF, ...args], { cwd: repo, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "contract-diff-"));
  git("init", "--quiet");
  write("openapi/openapi.yaml", ROOT_YAML);
  write("openapi/schemas/Thing.yaml", THING_YAML);
  git("add", ".");
  git("commit", "--quiet", "-m", "spec without a bundle");
  write("generated/openapi.json", `${JSON.stringify(BUNDLE, null, 2)}\n`);
  git("add", ".");
  git("commit", "--quiet", "-m", "bundle");
});

afterAll(() => {
  if (repo !== "") rmSync(repo, { recursive: true, force: true });
});

describe("npm run diff", { timeout: 120_000 }, () => {
  // In-process: the script's exit code is the verdict's (the exit-1 test below spawns it).
  it("exits 0 when the working tree matches the bundle at --base", async () => {
    const result = await runGate({ cwd: repo, base: "HEAD" });
    expect(formatReport(result.changes, result.verdict).join("\n")).toMatch(/^summary: 0 breaking, 0 non-breaking; PASS/m);
    expect(result.verdict.exitCode).toBe(0);
  });

  // In-process too: the script prints a GateInputError's message and exits 2.
  it("refuses, saying why, a --base that has no bundle or does not exist", async () => {
    const noBundle: unknown = await runGate({ cwd: repo, base: "HEAD~1" }).catch((error: unknown) => error);
    expect(noBundle).toBeInstanceOf(GateInputError);
    expect((noBundle as Error).message).toContain('git ref "HEAD~1" has no generated/openapi.json');
    await expect(runGate({ cwd: repo, base: "no-such-ref" })).rejects.toThrow(GateInputError);
  });

  it("exits 1 naming the field after an uncommitted deletion in openapi/, 0 once the major is raised", async () => {
    write("openapi/schemas/Thing.yaml", THING_YAML.replace("      hd_video: {type: boolean}\n", ""));
    const r = cli("--base", "HEAD");
    expect(r.stdout).toMatch(/^BREAKING {2}GET \/things\/\{thingId\} responses\/200\/application\/json#\/settings\/hd_video {2}property removed$/m);
    expect(r.stdout).toMatch(/^summary: 1 breaking, 0 non-breaking; FAIL/m);
    expect(r.status).toBe(1);

    write("openapi/openapi.yaml", ROOT_YAML.replace("version: 1.0.0", "version: 2.0.0"));
    const bumped = await runGate({ cwd: repo, base: "HEAD" });
    expect(bumped.verdict).toMatchObject({ exitCode: 0, breaking: 1, majorRaised: true });

    // --head compares a given file instead of bundling openapi/.
    const committed = await runGate({ cwd: repo, base: "HEAD", head: "generated/openapi.json" });
    expect(committed.changes).toEqual([]);
    expect(readFileSync(join(repo, "generated/openapi.json"), "utf8")).toContain('"hd_video"');
  });
});
