// What facts.test.ts does not check for the polls, surveys and live streaming table
// (facts/polls.facts.ts): each operation's Chinese summary (the seed page's name), that the
// table lists every operation of the group's paths, and that the group's components stay open
// to fields Zoom adds.
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { DEFAULT_OVERLAYS_DIR } from "../../tools/docs/build-docs-pages.js";
import { loadOverlay } from "../../tools/docs/load-overlay.js";
import type { OverlayDocument } from "../../tools/docs/types.js";
import { bundledSpec, type JsonObject } from "../support/spec.js";
import { operationFacts, schemaFacts, summariesZh } from "./facts/polls.facts.js";

type Node = Record<string, unknown>;
let document: JsonObject;
let chinese: OverlayDocument;

beforeAll(async () => {
  document = await bundledSpec();
  chinese = await loadOverlay(path.join(DEFAULT_OVERLAYS_DIR, "zh-CN.yaml"));
});

function component(section: string, name: string): Node {
  const found = ((document.components as Record<string, Record<string, Node>>)[section] ?? {})[name];
  if (found === undefined) throw new Error(`no components.${section}.${name}`);
  return found;
}

describe("polls, surveys and live streaming", () => {
  it.each(Object.keys(schemaFacts))("%s stays open to fields Zoom adds", (name) => {
    expect(JSON.stringify(component("schemas", name))).not.toContain('"additionalProperties":false');
  });

  it.each(Object.entries(summariesZh))("%s has its Chinese summary", (operationId, summaryZh) => {
    const fact = operationFacts[operationId];
    expect(fact, `a row for ${operationId}`).toBeDefined();
    const target = `$.paths['${fact?.path}'].${fact?.method}`;
    const action = chinese.actions.find((a) => a.target === target);
    expect((action?.update as Node | undefined)?.summary, `zh-CN summary at ${target}`).toBe(summaryZh);
  });

  it("lists every operation of the group's paths, and only those", () => {
    const paths = [...new Set(Object.values(operationFacts).map((f) => f.path))];
    const documented = paths.flatMap((p) =>
      Object.keys((document.paths as Record<string, Node>)[p] ?? {})
        .filter((m) => ["get", "put", "post", "patch", "delete"].includes(m))
        .map((m) => `${m} ${p}`),
    );
    expect(documented.sort()).toEqual(Object.values(operationFacts).map((f) => `${f.method} ${f.path}`).sort());
    expect(Object.keys(summariesZh).sort()).toEqual(Object.keys(operationFacts).sort());
  });
});
