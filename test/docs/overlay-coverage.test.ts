import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyOverlay } from "../../tools/docs/apply-overlay.js";
import { DEFAULT_OVERLAYS_DIR } from "../../tools/docs/build-docs-pages.js";
import { loadOverlay } from "../../tools/docs/load-overlay.js";
import { checkOverlayCoverage, type OverlayCoverage } from "../../tools/docs/overlay-coverage.js";
import { textLocations } from "../../tools/docs/text-locations.js";
import type { JsonObject, JsonValue, OverlayDocument } from "../../tools/docs/types.js";
import { bundledSpec } from "../support/spec.js";

let english: JsonObject;
let chineseOverlay: OverlayDocument;
let coverage: OverlayCoverage;

beforeAll(async () => {
  english = (await bundledSpec()) as JsonObject;
  chineseOverlay = await loadOverlay(path.join(DEFAULT_OVERLAYS_DIR, "zh-CN.yaml"));
  coverage = checkOverlayCoverage(english, chineseOverlay);
});

describe("openapi/overlays/zh-CN.yaml against the English bundle", () => {
  it("finds prose to translate (the walker sees the bundle)", () => {
    expect(textLocations(english).length).toBeGreaterThan(200);
  });

  it("translates every description, summary, title, x-enumDescriptions text and scope text", () => {
    expect(coverage.untranslated, "English texts with no Chinese counterpart in zh-CN.yaml").toEqual([]);
  });

  it("has no action whose target is gone from the English bundle", () => {
    expect(coverage.staleTargets).toEqual([]);
  });

  it("writes prose only: no field, type, enum or example comes from the overlay", () => {
    expect(coverage.notText).toEqual([]);
  });

  it("is written in Chinese", () => {
    expect(coverage.notChinese).toEqual([]);
  });

  it("leaves the structure of the bundle exactly as in English once applied", async () => {
    const chinese = await applyOverlay(english, chineseOverlay);
    expect(withoutProse(chinese)).toEqual(withoutProse(english));
    expect(chinese).not.toEqual(english);
  });
});

describe("checkOverlayCoverage", () => {
  const bundle: JsonObject = {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {},
    components: {
      schemas: {
        Thing: {
          type: "object",
          description: "A thing.",
          properties: {
            kind: { type: "string", enum: ["a", "b"], description: "Kind.", "x-enumDescriptions": { a: "A.", b: "B." } },
            note: { type: "string", description: "Note.", example: "description" },
          },
        },
      },
    },
  };
  const overlay = (...actions: OverlayDocument["actions"]): OverlayDocument => ({
    overlay: "1.0.0",
    info: { title: "test", version: "1" },
    actions,
  });

  it("lists each untranslated text by its normalized JSONPath", () => {
    const result = checkOverlayCoverage(
      bundle,
      overlay({ target: "$.components.schemas.Thing", update: { description: "东西。", properties: { kind: { description: "种类。" } } } }),
    );
    expect(result.untranslated).toEqual([
      "$['info']['title']",
      "$['components']['schemas']['Thing']['properties']['kind']['x-enumDescriptions']['a']",
      "$['components']['schemas']['Thing']['properties']['kind']['x-enumDescriptions']['b']",
      "$['components']['schemas']['Thing']['properties']['note']['description']",
    ]);
    expect(result.staleTargets).toEqual([]);
    expect(result.notText).toEqual([]);
  });

  it("reports a target that selects nothing, and one that is not JSONPath", () => {
    const result = checkOverlayCoverage(
      bundle,
      overlay(
        { target: "$.components.schemas.Gone.description", update: "没了。" },
        { target: "$.components.schemas[", update: "坏了。" },
      ),
    );
    expect(result.staleTargets).toHaveLength(2);
    expect(result.staleTargets[0]).toContain("$.components.schemas.Gone.description (action 0)");
  });

  it("reports writes to anything but prose: a field gone from English, an enum, an array, a removal", () => {
    const result = checkOverlayCoverage(
      bundle,
      overlay(
        { target: "$.components.schemas.Thing.properties", update: { removed: { description: "已删除的字段。" } } },
        { target: "$.components.schemas.Thing.properties.kind", update: { enum: ["甲"] } },
        // Names with `-` need brackets in RFC 9535 JSONPath.
        { target: "$.components.schemas.Thing.properties.kind['x-enumDescriptions']", update: { c: "丙。" } },
        { target: "$.components.schemas.Thing.properties.note", remove: true },
      ),
    );
    expect(result.notText).toHaveLength(4);
    expect(result.notText.join("\n")).toMatch(/\['removed'\]\['description'\]/);
    expect(result.notText.join("\n")).toMatch(/\['enum'\].*array/);
    expect(result.notText.join("\n")).toMatch(/\['x-enumDescriptions'\]\['c'\]/);
  });

  it("reports a translation with no Chinese character", () => {
    const result = checkOverlayCoverage(bundle, overlay({ target: "$.info.title", update: "T" }));
    expect(result.notChinese).toEqual(["$['info']['title']"]);
  });

  it("does not treat example data as prose", () => {
    const paths = textLocations(bundle).map((location) => location.path);
    expect(paths.some((p) => p.includes("example"))).toBe(false);
  });
});

describe("openapi/overlays/code-samples.yaml", () => {
  it("adds a curl and a TypeScript sample to Get a webinar, and nothing else", async () => {
    const samples = await loadOverlay(path.join(DEFAULT_OVERLAYS_DIR, "code-samples.yaml"));
    const withSamples = await applyOverlay(english, samples);
    const operation = ((withSamples.paths as JsonObject)["/accounts/{accountId}/webinars/{webinarId}"] as JsonObject)
      .get as JsonObject;
    const added = operation["x-codeSamples"] as Array<{ label: string; source: string }>;
    expect(added.map((sample) => sample.label)).toEqual(["curl", "TypeScript"]);
    expect(added[1]?.source).toContain("getWebinar(zoom, {");
    delete operation["x-codeSamples"];
    expect(withSamples).toEqual(english);
  });
});

/** The document with every prose string blanked and display-only names dropped: its structure. */
function withoutProse(document: JsonObject): JsonValue {
  const copy = structuredClone(document);
  for (const { keys } of textLocations(copy)) {
    const parent = keys.slice(0, -1).reduce<JsonValue>((node, key) => (node as Record<string | number, JsonValue>)[key]!, copy);
    const last = keys[keys.length - 1]!;
    if (last === "x-displayName") delete (parent as JsonObject)[last];
    else (parent as Record<string | number, JsonValue>)[last] = "";
  }
  return copy;
}
