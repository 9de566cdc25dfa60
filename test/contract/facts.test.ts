// Every fact table in ./facts/*.facts.ts against the bundled contract (format: ./facts/types.ts).
// A new area adds a file; this test picks it up without edits.
import { describe, expect, it } from "vitest";
import { isRecord } from "../../src/util/json-pointer.js";
import { followRefs } from "../../tools/spec/refs.js";
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
const components = document.components as { schemas: Record<string, Node>; securitySchemes?: Record<string, Node> };
const registry = document["x-sources"] as Record<string, unknown>;

const CHECKED_KEYWORDS = ["type", "format", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern"] as const;
const SCHEMA_PREFIX = "#/components/schemas/";
const MEMBER = /^allOf\[(\d+)\]$/;
// allOf chains are a few members deep; a deeper one is a cycle the ref follower cannot see.
const MAX_MERGE_DEPTH = 16;

/** The node a `$ref` chain ends at; a dangling ref is an error, not an empty node. */
function follow(node: unknown): Node {
  const { node: target, pointer } = followRefs(document, node);
  if (!isRecord(target)) throw new Error(`$ref ${pointer} resolves to no object`);
  return target;
}

const members = (node: Node): unknown[] => (Array.isArray(node.allOf) ? (node.allOf as unknown[]) : []);
const ownProperties = (node: Node): Record<string, Node> => (node.properties as Record<string, Node> | undefined) ?? {};

/** Property `name` in the merged view of `holder` (its own first, then its allOf members' in order). */
function propertyOf(holder: Node, name: string, depth = 0): Node | undefined {
  if (depth > MAX_MERGE_DEPTH) throw new Error(`allOf nested deeper than ${MAX_MERGE_DEPTH} looking for ${name}`);
  const own = ownProperties(holder)[name];
  if (own) return own;
  for (const member of members(holder)) {
    const found = propertyOf(follow(member), name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The `required` names of `holder` in the merged view. */
function requiredOf(holder: Node, depth = 0): Set<string> {
  if (depth > MAX_MERGE_DEPTH) throw new Error(`allOf nested deeper than ${MAX_MERGE_DEPTH}`);
  const names = new Set(Array.isArray(holder.required) ? (holder.required as string[]) : []);
  for (const member of members(holder)) for (const name of requiredOf(follow(member), depth + 1)) names.add(name);
  return names;
}

/** The node at a fact-table path inside one component, and the object schema holding it. */
function nodeAt(root: Node, path: string): { node: Node; parent?: Node; name?: string } {
  if (path === "") return { node: root };
  let node = root;
  let parent: Node | undefined;
  let name: string | undefined;
  for (const step of path.split(".")) {
    const member = MEMBER.exec(step);
    if (member) {
      const found = members(follow(node))[Number(member[1])];
      if (!isRecord(found)) throw new Error(`no ${step} on the way to ${path}`);
      node = found;
      parent = undefined;
      name = undefined;
      continue;
    }
    const [prop = "", ...arrays] = step.split("[]");
    const holder = follow(node);
    const child = propertyOf(holder, prop);
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

const join = (prefix: string, step: string): string => (prefix ? `${prefix}.${step}` : step);

/**
 * Every node path of a component, without entering other components: own properties, items,
 * allOf members, and the properties of inline members at the holder's level (the merged view).
 */
function nodePaths(node: Node, prefix = ""): string[] {
  const paths: string[] = [];
  for (const [name, child] of Object.entries(ownProperties(node))) {
    const here = join(prefix, name);
    paths.push(here, ...innerPaths(child, here));
  }
  members(node).forEach((member, index) => {
    paths.push(join(prefix, `allOf[${index}]`));
    if (!isRecord(member) || typeof member.$ref === "string") return;
    // `allOf[n]` in a path means the holder's member n; a member's own allOf would collide with it.
    if (members(member).length > 0) throw new Error(`${join(prefix, `allOf[${index}]`)}: an inline allOf member with an allOf of its own cannot be addressed`);
    paths.push(...nodePaths(member, prefix));
  });
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

const byCode = (a: number | undefined, b: number | undefined): number => (a ?? 0) - (b ?? 0);

/** Every scope some security scheme's OAuth flows declare. */
const declaredScopes = new Set(
  Object.values(components.securitySchemes ?? {}).flatMap((scheme) =>
    Object.values((scheme.flows as Record<string, Node> | undefined) ?? {}).flatMap((flow) => Object.keys((flow.scopes as Node | undefined) ?? {})),
  ),
);

/** The component a JSON body's schema refers to, or undefined when there is no such body. */
function bodyComponent(holder: Node | undefined): string | undefined {
  const schema = ((holder?.content as Record<string, Node> | undefined)?.["application/json"] as Node | undefined)?.schema as Node | undefined;
  return typeof schema?.$ref === "string" && schema.$ref.startsWith(SCHEMA_PREFIX) ? schema.$ref.slice(SCHEMA_PREFIX.length) : undefined;
}

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
    if (fact.ref !== undefined) expect(node.$ref, "ref").toBe(`${SCHEMA_PREFIX}${fact.ref}`);
    const target = follow(node);
    expect(target["x-sources"], "x-sources").toEqual(fact.sources);
    expect(target["x-keyword-sources"] ?? {}, "x-keyword-sources").toEqual(fact.keywordSources ?? {});
    for (const keyword of CHECKED_KEYWORDS) expect(target[keyword], keyword).toEqual(fact[keyword as keyof FieldFact]);
    expect(target.deprecated === true, "deprecated").toBe(fact.deprecated === true);
    const required = parent ? requiredOf(parent) : new Set<string>();
    expect(name !== undefined && required.has(name), "required").toBe(fact.required === true);
  });

  it.each(
    [...new Set(schemaRows.map((r) => r.component))].map((c) => [c] as const),
  )("%s has a row for every node and every required name", (component) => {
    const rows = new Map(schemaRows.filter((r) => r.component === component).map((r) => [r.path, r.fact] as const));
    const root = components.schemas[component] as Node;
    const paths = ["", ...nodePaths(root)];
    expect(paths.filter((p) => !rows.has(p)), "nodes without a row").toEqual([]);
    // A name listed in `required` whose property sits in a referenced member has no node here.
    const unstated = paths.flatMap((p) => {
      const { node } = nodeAt(root, p);
      if (typeof node.$ref === "string" || !Array.isArray(node.required)) return [];
      return (node.required as string[]).map((n) => join(p, n)).filter((q) => rows.get(q)?.required !== true);
    });
    expect(unstated, "required names without a `required: true` row").toEqual([]);
  });

  it.each(operationRows.map((r) => [r.operationId, r.fact] as const))("operation %s matches the contract", (operationId, fact: OperationFact) => {
    const item = (document.paths as Record<string, Node>)[fact.path] as Node;
    const operation = item?.[fact.method] as Node;
    expect(operation?.operationId).toBe(operationId);
    if (fact.tag !== undefined) expect(operation.tags, "tag").toEqual([fact.tag]);
    const responses = operation.responses as Record<string, Node>;
    expect(Object.keys(responses).filter((s) => s.startsWith("2")), "2xx statuses").toEqual([fact.successStatus]);
    const success = follow(responses[fact.successStatus]);
    if (fact.successStatus === "204") expect(success.content, "a 204 has no body").toBeUndefined();
    if (fact.bodies) {
      const body = operation.requestBody === undefined ? undefined : follow(operation.requestBody);
      expect(bodyComponent(body), "request body").toBe(fact.bodies.request);
      if (body) expect(body.required, "request body required").toBe(true);
      expect(bodyComponent(success), "success body").toBe(fact.bodies.response);
    }
    // 401 and 429 are the shared components every operation has; their codes are not per operation.
    const errorStatuses = Object.keys(responses).filter((s) => /^4\d\d$/.test(s) && s !== "401" && s !== "429");
    expect(errorStatuses.sort(), "4xx statuses").toEqual(Object.keys(fact.errors).sort());
    for (const [status, codes] of Object.entries(fact.errors)) {
      const response = follow(responses[status]);
      const examples = Object.values(((response.content as Record<string, Node>)["application/json"]?.examples ?? {}) as Record<string, Node>);
      const exampleCodes = examples.map((e) => (follow(e).value as { code?: number }).code);
      // The examples show exactly the operation's codes (as a set: two examples may share one),
      // also through a response component: no operation shows a code its sources do not give.
      expect([...new Set(exampleCodes)].sort(byCode), `${status} example codes`).toEqual([...new Set(codes)].sort(byCode));
      for (const code of codes) {
        expect(response.description, `${status} describes code ${code}`).toContain(`\`${code}\``);
        expect(exampleCodes, `${status} has an example with code ${code}`).toContain(code);
        expect(fact.errorSources[code], `sources of code ${code}`).toBeDefined();
      }
    }
    const security = (operation.security ?? document.security) as Record<string, string[]>[];
    expect(security.map((requirement) => Object.values(requirement).flat())).toEqual(fact.scopes);
    expect(fact.scopes.flat().filter((scope) => !declaredScopes.has(scope)), "scopes no security scheme declares").toEqual([]);
    expect(operation["x-rate-limit-category"], "x-rate-limit-category").toBe(fact.rateLimitCategory);
    expect(operation.description).toContain(fact.rateLimitCategory ? `Rate limit category: ${fact.rateLimitCategory}.` : "Rate limit category: not stated");
    const byPlace = new Map<string, Node>();
    for (const parameter of [...((item.parameters as Node[]) ?? []), ...((operation.parameters as Node[]) ?? [])].map(follow)) {
      byPlace.set(`${String(parameter.in)} ${String(parameter.name)}`, parameter);
    }
    const parameters = [...byPlace.values()];
    expect(new Set(parameters.map((p) => p.name))).toEqual(new Set(Object.keys(fact.parameters)));
    for (const parameter of parameters) {
      const expected = fact.parameters[parameter.name as string];
      const schema = follow(parameter.schema);
      const { pattern, ...rest } = expected ?? { pattern: undefined };
      expect({ in: parameter.in, required: parameter.required === true, type: schema.type, sources: parameter["x-sources"] }, String(parameter.name)).toEqual(rest);
      if (pattern !== undefined) expect(schema.pattern, `${String(parameter.name)} pattern`).toBe(pattern);
    }
  });
});
