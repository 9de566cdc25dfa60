// What facts.test.ts does not check for the polls, surveys and live streaming table
// (facts/polls.facts.ts): each operation's tag, body schemas and Chinese summary (the seed
// page's name), that the table lists every operation of the group's paths, and that the
// group's components stay open to fields Zoom adds.
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { DEFAULT_OVERLAYS_DIR } from "../../tools/docs/build-docs-pages.js";
import { loadOverlay } from "../../tools/docs/load-overlay.js";
import type { OverlayDocument } from "../../tools/docs/types.js";
import { isRecord } from "../../src/util/json-pointer.js";
import { followRefs } from "../../tools/spec/refs.js";
import { bundledSpec, type JsonObject } from "../support/spec.js";
import { operationFacts, operationShapes, schemaFacts } from "./facts/polls.facts.js";

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

/** The node a `$ref` chain ends at; a dangling ref is an error, not an empty node. */
function follow(node: unknown): Node {
  const { node: target, pointer } = followRefs(document, node);
  if (!isRecord(target)) throw new Error(`$ref ${pointer} resolves to no object`);
  return target;
}

const refName = (node: Node | undefined): string | undefined => (typeof node?.$ref === "string" ? node.$ref.split("/").pop() : undefined);

describe("polls, surveys and live streaming", () => {
  it.each(Object.keys(schemaFacts))("%s stays open to fields Zoom adds", (name) => {
    expect(JSON.stringify(component("schemas", name))).not.toContain('"additionalProperties":false');
  });

  it.each(Object.entries(operationShapes))("%s has its tag, body schemas and Chinese summary", (operationId, shape) => {
    const fact = operationFacts[operationId];
    expect(fact).toBeDefined();
    if (!fact) return;
    const operation = ((document.paths as Record<string, Node>)[fact.path] as Node)[fact.method] as Node;
    expect(operation.tags).toEqual([shape.tag]);
    const body = operation.requestBody as Node | undefined;
    expect(refName((body?.content as Record<string, Node> | undefined)?.["application/json"]?.schema as Node | undefined)).toBe(shape.requestBody);
    if (body) expect(body.required).toBe(true);
    const ok = follow((operation.responses as Record<string, Node>)[fact.successStatus]);
    expect(refName((ok.content as Record<string, Node> | undefined)?.["application/json"]?.schema as Node | undefined)).toBe(shape.responseBody);
    if (fact.successStatus === "204") expect(ok.content).toBeUndefined();
    const target = `$.paths['${fact.path}'].${fact.method}`;
    const action = chinese.actions.find((a) => a.target === target);
    expect((action?.update as Node | undefined)?.summary, `zh-CN summary at ${target}`).toBe(shape.summaryZh);
  });

  it("lists every operation of the group's paths, and only those", () => {
    const paths = [...new Set(Object.values(operationFacts).map((f) => f.path))];
    const documented = paths.flatMap((p) =>
      Object.keys((document.paths as Record<string, Node>)[p] ?? {})
        .filter((m) => ["get", "put", "post", "patch", "delete"].includes(m))
        .map((m) => `${m} ${p}`),
    );
    expect(documented.sort()).toEqual(Object.values(operationFacts).map((f) => `${f.method} ${f.path}`).sort());
    expect(Object.keys(operationShapes).sort()).toEqual(Object.keys(operationFacts).sort());
  });
});
