import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { bundleSpec } from "../../tools/spec/bundle-contract.js";
import { parsedFile } from "../../tools/spec/parsed-files.js";
import { loadRedoclyConfig } from "../../tools/pipeline/redocly-common.js";
import { SourceLocator } from "../../tools/pipeline/source-locator.js";
import { type FixtureCopy, copyFixture } from "./support/fixtures.js";

describe("SourceLocator", () => {
  let copy: FixtureCopy;
  let locator: SourceLocator;
  let entry: string;

  beforeAll(async () => {
    copy = await copyFixture();
    const loaded = await loadRedoclyConfig(copy.dir, "redocly.yaml");
    if (!("config" in loaded)) throw new Error(loaded.problem.message);
    const result = await bundleSpec({ rootDir: copy.dir, entry: "openapi/openapi.yaml", config: loaded.config });
    if (!result.bundle) throw new Error("fixture does not bundle");
    entry = path.join(copy.dir, "openapi/openapi.yaml");
    locator = new SourceLocator(entry, result.bundle.document);
  });
  afterAll(() => copy?.remove());

  it("walks the files as they are: the bundler rewrote copies of the shared parses, not the parses", () => {
    for (const file of ["openapi/openapi.yaml", "openapi/components.yaml"]) {
      const full = path.join(copy.dir, file);
      const text = readFileSync(full, "utf8");
      expect(parsedFile(full, text).parsed, file).toEqual(parseYaml(text));
    }
  });

  it("maps a component the bundler pulled in from another file back to that file and line", () => {
    // components.yaml line 49 is `        type:` under Webinar.properties.
    expect(locator.locate("/components/schemas/Webinar/properties/type")).toEqual({
      file: path.join(copy.dir, "openapi/components.yaml"),
      line: 49,
      column: 9,
      exact: true,
    });
  });

  it("maps nodes of the root file to the root file", () => {
    expect(locator.locate("/components/examples/ScheduledWebinar/value/type")).toMatchObject({ file: entry, line: 104, exact: true });
  });

  it("falls back to the nearest ancestor for a node the source does not have", () => {
    expect(locator.locate("/components/examples/ScheduledWebinar/value/no/such")).toMatchObject({ file: entry, line: 100, exact: false }); // `value:`
  });

  it("names the origin file and pointer of a bundle node", () => {
    expect(locator.origin("/components/headers/RetryAfter/schema")).toEqual({
      file: path.join(copy.dir, "openapi/components.yaml"),
      pointer: "/components/headers/RetryAfter/schema",
      exact: true,
    });
  });
});
