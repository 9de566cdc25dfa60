import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { Document, Spectral } from "@stoplight/spectral-core";
import spectralParsers from "@stoplight/spectral-parsers";
import { loadSpectralRuleset } from "../../tools/pipeline/spectral-ruleset.js";
import { type FixtureCopy, copyFixture } from "./support/fixtures.js";

const RULESET = `functionsDir: functions
functions: [houseRule]
rules:
  house-rule:
    given: $.info
    severity: error
    then:
      function: houseRule
`;
const fn = (text: string) => `export default function houseRule() {\n  return [{ message: ${JSON.stringify(text)} }];\n}\n`;

describe("loadSpectralRuleset", () => {
  let copy: FixtureCopy;
  let rulesetFile: string;
  let cacheDir: string;

  beforeAll(async () => {
    copy = await copyFixture("good-spec");
    rulesetFile = path.join(copy.dir, "house.spectral.yaml");
    cacheDir = path.join(copy.dir, "cache");
    await mkdir(path.join(copy.dir, "functions"));
    await writeFile(rulesetFile, RULESET);
    await writeFile(path.join(copy.dir, "functions/houseRule.js"), fn("first"));
  });
  afterAll(() => copy?.remove());

  const messages = async () => {
    const spectral = new Spectral();
    spectral.setRuleset(await loadSpectralRuleset(rulesetFile, cacheDir));
    const results = await spectral.run(new Document("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", spectralParsers.Yaml, "x.yaml"));
    return results.filter((r) => r.code === "house-rule").map((r) => r.message);
  };
  const entry = async () => {
    const [name] = await readdir(cacheDir);
    return JSON.parse(await readFile(path.join(cacheDir, name ?? ""), "utf8")) as { inputs: { file: string }[]; code: string };
  };

  it("bundles the ruleset with its custom functions and caches the code with every input file", async () => {
    expect(await messages()).toEqual(["first"]);
    const cached = await entry();
    expect(cached.inputs.map((i) => path.relative(copy.dir, i.file))).toEqual(["functions/houseRule.js", "house.spectral.yaml"]);
    expect(cached.code).toContain('"first"');
  });

  it("rebuilds when a custom function changes, in memory and on disk", async () => {
    await writeFile(path.join(copy.dir, "functions/houseRule.js"), fn("second"));
    expect(await messages()).toEqual(["second"]);
    expect((await entry()).code).toContain('"second"');
  });

  it("rebuilds when the ruleset file changes", async () => {
    await writeFile(rulesetFile, RULESET.replace("severity: error", "severity: warn"));
    const spectral = new Spectral();
    spectral.setRuleset(await loadSpectralRuleset(rulesetFile, cacheDir));
    const [result] = await spectral.run(new Document("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", spectralParsers.Yaml, "x.yaml"));
    expect(result?.severity).toBe(1);
  });
});
