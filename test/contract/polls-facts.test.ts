// The polls, surveys and live streaming fact table (facts/polls.facts.ts, format facts/types.ts)
// against the bundled contract: every node of its components with its sources, the
// operations with their errors, scopes and parameters, and their tags, summaries and bodies.
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { DEFAULT_OVERLAYS_DIR } from "../../tools/docs/build-docs-pages.js";
import { loadOverlay } from "../../tools/docs/load-overlay.js";
import type { OverlayDocument } from "../../tools/docs/types.js";
import { bundledSpec, type JsonObject } from "../support/spec.js";
import { operationFacts, operationShapes, schemaFacts } from "./facts/polls.facts.js";
import type { FieldFact, OperationFact } from "./facts/types.js";

type Node = Record<string, unknown>;
let document: JsonObject;
let chinese: OverlayDocument;

beforeAll(async () => {
  document = await bundledSpec();
  chinese = await loadOverlay(path.join(DEFAULT_OVERLAYS_DIR, "zh-CN.yaml"));
});

const KEYWORDS = ["type", "format", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern"] as const;

function component(section: string, name: string): Node {
  const found = ((document.components as Record<string, Record<string, Node>>)[section] ?? {})[name];
  if (found === undefined) throw new Error(`no components.${section}.${name}`);
  return found;
}

/** Follows one internal `#/components/...` reference. */
function follow(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const [, , section = "", name = ""] = ref.split("/");
  return component(section, name);
}

const refName = (node: Node | undefined): string | undefined => (typeof node?.$ref === "string" ? node.$ref.split("/").pop() : undefined);

/** The node at a fact-table path (`a`, `a[]`, `a[].b`) and the object schema holding it. */
function nodeAt(root: Node, path: string): { node: Node; parent?: Node; name?: string } {
  if (path === "") return { node: root };
  let node = root;
  let parent: Node | undefined;
  let name: string | undefined;
  for (const step of path.split(".")) {
    const [prop = "", ...arrays] = step.split("[]");
    const holder = follow(node);
    const child = (holder.properties as Record<string, Node> | undefined)?.[prop];
    if (!child) throw new Error(`no property ${prop} on the way to ${path}`);
    [parent, name, node] = [holder, prop, child];
    for (let i = 0; i < arrays.length; i++) {
      const items = follow(node).items as Node | undefined;
      if (!items) throw new Error(`no items on the way to ${path}`);
      [parent, node] = [undefined, items];
    }
  }
  return { node, parent, name };
}

/** Every node path of a component, without entering other components. */
function nodePaths(root: Node, prefix = ""): string[] {
  return Object.entries((root.properties as Record<string, Node> | undefined) ?? {}).flatMap(([name, child]) => {
    const here = prefix ? `${prefix}.${name}` : name;
    if (typeof child.$ref === "string") return [here];
    const items = child.items as Node | undefined;
    const inner = items ? [`${here}[]`, ...(typeof items.$ref === "string" ? [] : nodePaths(items, `${here}[]`))] : [];
    return [here, ...inner, ...nodePaths(child, here)];
  });
}

const rows = Object.entries(schemaFacts).flatMap(([name, facts]) =>
  Object.entries(facts ?? {}).map(([path, fact]) => [`${name} ${path || "(schema)"}`, { name, path, fact }] as const),
);

describe("polls, surveys and live streaming schemas", () => {
  it.each(rows)("%s matches the contract", (_, { name, path, fact }: { name: string; path: string; fact: FieldFact }) => {
    const { node, parent, name: prop } = nodeAt(component("schemas", name), path);
    const target = follow(node);
    expect(target["x-sources"], "x-sources").toEqual(fact.sources);
    expect(target["x-keyword-sources"] ?? {}, "x-keyword-sources").toEqual(fact.keywordSources ?? {});
    for (const keyword of KEYWORDS) expect(target[keyword], keyword).toEqual(fact[keyword]);
    expect(target.deprecated === true, "deprecated").toBe(fact.deprecated === true);
    const required = (parent?.required as string[] | undefined) ?? [];
    expect(prop !== undefined && required.includes(prop), "required").toBe(fact.required === true);
    expect(typeof target.description === "string" && target.description !== "", "description").toBe(true);
  });

  it.each(Object.keys(schemaFacts))("%s has a row for every node and stays open", (name) => {
    const root = component("schemas", name);
    const known = new Set(Object.keys(schemaFacts[name as keyof typeof schemaFacts] ?? {}));
    expect(["", ...nodePaths(root)].filter((p) => !known.has(p))).toEqual([]);
    expect(JSON.stringify(root)).not.toContain('"additionalProperties":false');
  });
});

describe("polls, surveys and live streaming operations", () => {
  it.each(Object.entries(operationFacts))("%s matches the contract", (operationId, fact: OperationFact) => {
    const item = (document.paths as Record<string, Node>)[fact.path] as Node;
    const operation = item?.[fact.method] as Node;
    expect(operation?.operationId).toBe(operationId);
    expect(operation["x-sources"]).toEqual(fact.sources);
    const responses = operation.responses as Record<string, Node>;
    expect(Object.keys(responses).filter((s) => s.startsWith("2"))).toEqual([fact.successStatus]);
    for (const status of ["401", "429", "5XX"]) expect(responses[status], status).toBeDefined();
    for (const [status, codes] of Object.entries(fact.errors)) {
      const response = follow(responses[status] as Node);
      const examples = Object.values(((response.content as Record<string, Node>)["application/json"]?.examples ?? {}) as Record<string, Node>);
      const shown = [...new Set(examples.map((e) => (follow(e).value as { code: number }).code))].sort((a, b) => a - b);
      expect(shown, `codes under ${status}`).toEqual([...codes].sort((a, b) => a - b));
      for (const code of codes) {
        expect(response.description, `${status} describes ${code}`).toContain(`\`${code}\``);
        expect(fact.errorSources[code], `sources of ${code}`).toBeDefined();
      }
    }
    const security = operation.security as Record<string, string[]>[];
    expect(security.map((requirement) => Object.values(requirement).flat())).toEqual(fact.scopes);
    expect(operation["x-rate-limit-category"]).toBe(fact.rateLimitCategory);
    expect(operation.description).toContain(`Rate limit category: ${fact.rateLimitCategory}.`);
    const parameters = [...((item.parameters as Node[]) ?? []), ...((operation.parameters as Node[]) ?? [])].map(follow);
    expect(parameters.map((p) => p.name).sort()).toEqual(Object.keys(fact.parameters).sort());
    for (const parameter of parameters.filter((p) => p.name !== "accountId" && p.name !== "webinarId")) {
      // accountId and webinarId are Get a webinar's parameters, checked by its own table
      const { in: where, required, type, sources } = fact.parameters[parameter.name as string] ?? {};
      expect([parameter.in, parameter.required === true, (parameter.schema as Node).type, parameter["x-sources"]]).toEqual([where, required, type, sources]);
    }
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
    const ok = follow((operation.responses as Record<string, Node>)[fact.successStatus] as Node);
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
