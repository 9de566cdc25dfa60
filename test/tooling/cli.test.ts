// Every npm script answers --help (usage, options, example, exit 0) and refuses an unknown option
// (one line, the usage, exit 2). In-process over the command table; one spawned smoke test.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../scripts/cli.js";
import { COMMANDS } from "../../scripts/commands.js";
import { npmScriptArgs } from "../../tools/tooling/npm-script.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const scripts = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }).scripts;
// Scripts that are another tool's own CLI, which answers --help itself, or an npm lifecycle alias.
const NATIVE: Record<string, string> = { test: "vitest run", typecheck: "tsc -p tsconfig.json --noEmit", prepack: "npm run typecheck --silent && npm run build --silent" };

const ours = Object.keys(scripts).filter((name) => !(name in NATIVE));

describe("the npm scripts", () => {
  it("are all in the command table, or are a tool's own CLI", () => {
    for (const [name, command] of Object.entries(NATIVE)) expect(scripts[name], name).toBe(command);
    expect(ours.sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it("are started by the smoke tests and bench:generate as npm starts them: Node's flags, the runner, the entry point", () => {
    expect(npmScriptArgs("generate")).toEqual(["--no-experimental-detect-module", `${root}scripts/run-ts.mjs`, `${root}scripts/generate.ts`]);
    expect(npmScriptArgs("lint")).toEqual([`${root}scripts/run-ts.mjs`, `${root}scripts/lint.ts`]);
    // Another tool's own CLI has no such arguments.
    expect(() => npmScriptArgs("test")).toThrow(/"test" is not `node \[flags\] scripts\/run-ts\.mjs/);
  });

  it.each(ours)("%s runs one TypeScript entry point that parses with the shared helper before anything else", (name) => {
    // `node [flags] scripts/run-ts.mjs scripts/<entry>.ts`, or npmScriptArgs throws.
    const entry = npmScriptArgs(name).at(-1)!;
    const source = readFileSync(entry, "utf8");
    const body = source.split("\n").filter((line) => line.trim() !== "" && !/^\s*(\/\/|\*|\/\*\*|import |\} from )/.test(line));
    // The first statement is the parse (or the destructuring of its result).
    expect(body[0], entry).toMatch(new RegExp(`runCli\\(COMMANDS(\\.${name}|\\["${name}"\\])\\)`));
  });
});

describe.each(Object.entries(COMMANDS))("npm run %s", (_, spec) => {
  it("prints usage, options and an example for --help and -h, exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const outcome = parseCommandLine(spec, [flag]);
      expect(outcome).toMatchObject({ kind: "exit", code: 0, stderr: "" });
      if (outcome.kind !== "exit") return;
      expect(outcome.stdout).toMatch(/^usage: npm run /);
      expect(outcome.stdout).toContain("\noptions:\n");
      expect(outcome.stdout).toMatch(/\nexamples:\n {2}\S/);
      for (const option of Object.keys(spec.options)) expect(outcome.stdout).toContain(`--${option}`);
    }
  });

  it("answers an unknown option with one line and the usage, exit 2", () => {
    const outcome = parseCommandLine(spec, ["--no-such-option"]);
    expect(outcome).toMatchObject({ kind: "exit", code: 2, stdout: "" });
    if (outcome.kind !== "exit") return;
    const [first, second] = outcome.stderr.split("\n");
    expect(first).toBe("Unknown option '--no-such-option'");
    expect(second).toMatch(/^usage: /);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a stray argument", () => {
    expect(parseCommandLine(spec, ["stray"])).toMatchObject({ kind: "exit", code: 2 });
  });
});

describe("one spawned script", () => {
  // The unknown-option exit (2, no stack) is parseCommandLine's, tested in-process above.
  it("prints its help and exits 0 without starting anything", { timeout: 60_000 }, async () => {
    // As npm runs it (package.json), without npm.
    const help = await run(process.execPath, [...npmScriptArgs("mock"), "--help"], { cwd: root });
    expect(help.stdout).toMatch(/^usage: npm run mock -- \[options\]/);
    expect(help.stdout).not.toContain("mock: Zoom's API on");
  });
});
