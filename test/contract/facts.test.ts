// Every fact table in ./facts/*.facts.ts against the bundled contract (format: ./facts/types.ts).
// A new area adds a file; this test picks it up without edits.
import { describe, expect, it } from "vitest";
import { bundledSpec, type JsonObject } from "../support/spec.js";
import type { FactModule, FieldFact, OperationFact } from "./facts/types.js";

// vitest (through vite) provides import.meta.glob; its type lives in vite/client, which is not a
// direct dependency, so the one overload used here is declared locally.
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true }): Record<string, T>;
  }
}

const modules = import.meta.glob<FactModule>("./facts/*.facts.ts", { eager: true });

type Node = Record<string, unknown>;

const document = (await bundledSpec()) as JsonObject;
const components = document.components as { schemas: Record<string, Node>; parameters?: Record<string, Node> };
const registry = document["x-sources"] as Record<string, unknown>;

const CHECKED_KEYWORDS = ["type", "format", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern"] as const;

/** A node with its `#/components/...` reference followed (one level is all the bundle uses). */
function follow(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const [, , section, name] = ref.split("/");
  const target = (document.components as Record<string, Record<string, Node>>)[section ?? ""]?.[name ?? ""];
  if (!target) throw new Error(`unresolved ${ref}`);
  return target;
}

/** The node at a fact-table path inside one component, and the object schema holding it. */
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
    parent = holder;
    name = prop;
    node = child;
    for (let i = 0; i < arrays.length; i++) {
      const items = follow(node).items as Node | undefined;
      if (!items) throw new Error(`no items on the way to ${path}`);
      parent = undefined;
      node = items;
    }
  }
  return { node, parent, name };
}

/** Every node path of a component, without entering other components. */
function nodePaths(root: Node, prefix = ""): string[] {
  const paths: string[] = [];
  for (const [name, child] of Object.entries((root.properties as Record<string, Node> | undefined) ?? {})) {
    const here = prefix ? `${prefix}.${name}` : name;
    paths.push(here, ...innerPaths(child, here));
  }
  return paths;
}

function innerPaths(node: Node, here: string): string[] {
  if (typeof node.$ref === "string") return [];
  const items = node.items as Node | undefined;
  const nested = items ? [`${here}[]`, ...innerPaths(items, `${here}[]`)] : [];
  return [...nested, ...nodePaths(node, here)];
}

const schemaRows = Object.entries(modules).flatMap(([file, module]) =>
  Object.entries(module.schemaFacts).flatMap(([component, rows]) =>
    Object.entries(rows ?? {}).map(([path, fact]) => ({ file, component, path, fact })),
  ),
);
const operationRows = Object.entries(modules).flatMap(([file, module]) =>
  Object.entries(module.operationFacts ?? {}).map(([operationId, fact]) => ({ file, operationId, fact })),
);

describe("fact tables", () => {
  it("are found (the glob matches the fact files)", () => {
    expect(Object.keys(modules)).toContain("./facts/get-webinar.facts.ts");
    expect(schemaRows.length).toBeGreaterThan(100);
  });

  it("name only sources of the root x-sources registry", () => {
    const ids = new Set([
      ...schemaRows.flatMap(({ fact }) => [...fact.sources, ...Object.values(fact.keywordSources ?? {}).flat()]),
      ...operationRows.flatMap(({ fact }) => [...fact.sources, ...Object.values(fact.errorSources).flat(), ...Object.values(fact.parameters).flatMap((p) => p.sources)]),
    ]);
    expect([...ids].filter((id) => !Object.hasOwn(registry, id))).toEqual([]);
  });

  it.each(schemaRows.map((r) => [`${r.component} ${r.path || "(schema)"}`, r] as const))("%s matches the contract", (_name, { component, path, fact }) => {
    const root = components.schemas[component];
    expect(root, `component ${component}`).toBeDefined();
    const { node, parent, name } = nodeAt(root as Node, path);
    const target = follow(node);
    expect(target["x-sources"], "x-sources").toEqual(fact.sources);
    expect(target["x-keyword-sources"] ?? {}, "x-keyword-sources").toEqual(fact.keywordSources ?? {});
    for (const keyword of CHECKED_KEYWORDS) expect(target[keyword], keyword).toEqual(fact[keyword as keyof FieldFact]);
    expect(target.deprecated === true, "deprecated").toBe(fact.deprecated === true);
    const required = (parent?.required as string[] | undefined) ?? [];
    expect(name !== undefined && required.includes(name), "required").toBe(fact.required === true);
  });

  it.each(
    [...new Set(schemaRows.map((r) => r.component))].map((c) => [c] as const),
  )("%s has a row for every node", (component) => {
    const rows = new Set(schemaRows.filter((r) => r.component === component).map((r) => r.path));
    const root = components.schemas[component] as Node;
    expect(["", ...nodePaths(root)].filter((p) => !rows.has(p))).toEqual([]);
  });

  it.each(operationRows.map((r) => [r.operationId, r.fact] as const))("operation %s matches the contract", (operationId, fact: OperationFact) => {
    const item = (document.paths as Record<string, Node>)[fact.path] as Node;
    const operation = item?.[fact.method] as Node;
    expect(operation?.operationId).toBe(operationId);
    const responses = operation.responses as Record<string, Node>;
    expect(Object.keys(responses)).toContain(fact.successStatus);
    for (const [status, codes] of Object.entries(fact.errors)) {
      const response = follow(responses[status] as Node);
      const examples = Object.values(((response.content as Record<string, Node>)["application/json"]?.examples ?? {}) as Record<string, Node>);
      const exampleCodes = examples.map((e) => (follow(e).value as { code?: number }).code);
      for (const code of codes) {
        expect(response.description, `${status} describes code ${code}`).toContain(`\`${code}\``);
        expect(exampleCodes, `${status} has an example with code ${code}`).toContain(code);
        expect(fact.errorSources[code], `sources of code ${code}`).toBeDefined();
      }
    }
    const security = (operation.security ?? document.security) as Record<string, string[]>[];
    expect(security.map((requirement) => Object.values(requirement).flat())).toEqual(fact.scopes);
    if (fact.rateLimitCategory) expect(operation.description).toContain(`Rate limit category: ${fact.rateLimitCategory}.`);
    const parameters = [...((item.parameters as Node[]) ?? []), ...((operation.parameters as Node[]) ?? [])].map(follow);
    expect(new Set(parameters.map((p) => p.name))).toEqual(new Set(Object.keys(fact.parameters)));
    for (const parameter of parameters) {
      const expected = fact.parameters[parameter.name as string];
      expect({ in: parameter.in, required: parameter.required === true, type: (parameter.schema as Node).type, sources: parameter["x-sources"] }).toEqual(expected);
    }
  });
});
