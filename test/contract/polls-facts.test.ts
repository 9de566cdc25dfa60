// Checks the rows of facts/polls.facts.ts against the contract: every fact of the polls,
// surveys and live streaming group, with its sources, and nothing undocumented beside them.
import { beforeAll, describe, expect, it } from "vitest";
import { bundledSpec, type JsonObject } from "../support/spec.js";
import { operationFacts, parameterFacts, schemaFacts, type SchemaFact } from "./facts/polls.facts.js";

type Node = { [key: string]: unknown };
let spec: JsonObject;

beforeAll(async () => {
  spec = await bundledSpec();
});

const KEYWORDS = ["type", "format", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"] as const;

function component(kind: string, name: string): Node {
  const found = ((spec.components as Node)[kind] as Record<string, Node> | undefined)?.[name];
  if (found === undefined) throw new Error(`no components.${kind}.${name}`);
  return found;
}

/** Follows one internal `$ref` (`#/components/kind/Name`). */
function resolve(node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const [, , kind = "", name = ""] = ref.split("/");
  return component(kind, name);
}

const refName = (node: Node | undefined): string | undefined =>
  typeof node?.$ref === "string" ? node.$ref.split("/").pop() : undefined;

function operation(method: string, path: string): Node {
  const item = (spec.paths as Record<string, Node>)[path];
  const op = item?.[method] as Node | undefined;
  if (op === undefined) throw new Error(`no ${method.toUpperCase()} ${path}`);
  return op;
}

const schemaNames = [...new Set(schemaFacts.map((f) => f.schema))];

describe("polls, surveys and live streaming schemas hold every fact of the sources", () => {
  it.each(schemaFacts.map((f) => [`${f.schema}${f.path ? "." + f.path : ""}`, f] as const))("%s", (_, fact: SchemaFact) => {
    const root = component("schemas", fact.schema);
    const node = fact.path === "" ? root : ((root.properties as Record<string, Node>)[fact.path] as Node | undefined);
    expect(node, "property exists").toBeDefined();
    if (node === undefined) return;
    if (fact.ref !== undefined) {
      expect(refName(node)).toBe(fact.ref);
      return;
    }
    for (const k of KEYWORDS) expect(node[k], k).toEqual(fact[k]);
    expect(node.deprecated === true, "deprecated").toBe(fact.deprecated === true);
    if (fact.path !== "") {
      expect(((root.required as string[] | undefined) ?? []).includes(fact.path), "required").toBe(fact.required === true);
    }
    if (fact.items !== undefined) {
      const items = node.items as Node;
      if ("ref" in fact.items) expect(refName(items)).toBe(fact.items.ref);
      else expect(items.type).toBe(fact.items.type);
    }
    expect(new Set(node["x-sources"] as string[]), "x-sources").toEqual(new Set(fact.sources));
    expect(node["x-keyword-sources"], "x-keyword-sources").toEqual(fact.keywordSources);
    expect(typeof node.description === "string" && node.description.length > 0, "description").toBe(true);
  });

  it.each(schemaNames)("%s documents no property the fact table does not know", (name) => {
    const documented = Object.keys((component("schemas", name).properties as Node | undefined) ?? {});
    const known = schemaFacts.filter((f) => f.schema === name && f.path !== "").map((f) => f.path);
    expect(documented.sort()).toEqual(known.sort());
  });

  it.each(schemaNames)("%s stays open to fields Zoom adds", (name) => {
    expect(component("schemas", name).additionalProperties).not.toBe(false);
  });
});

describe("polls, surveys and live streaming parameters", () => {
  it.each(parameterFacts.map((f) => [f.parameter, f] as const))("%s", (id, fact) => {
    const [opId, inline] = id.split(".");
    const param =
      inline === undefined
        ? component("parameters", id)
        : (() => {
            const f = operationFacts.find((o) => o.operationId === opId);
            if (f === undefined) throw new Error(`no operation fact ${opId}`);
            const list = (operation(f.method, f.path).parameters as Node[] | undefined) ?? [];
            const found = list.map(resolve).find((p) => p.name === inline);
            if (found === undefined) throw new Error(`no parameter ${inline} on ${opId}`);
            return found;
          })();
    const schema = param.schema as Node;
    expect([param.name, param.in, param.required === true]).toEqual([fact.name, fact.in, fact.required === true]);
    expect(schema.type).toBe(fact.type);
    expect(schema.minLength).toBe(fact.minLength);
    expect(new Set(param["x-sources"] as string[])).toEqual(new Set(fact.sources));
  });
});

describe("polls, surveys and live streaming operations", () => {
  it.each(operationFacts.map((f) => [f.operationId, f] as const))("%s", (_, fact) => {
    const op = operation(fact.method, fact.path);
    expect(op.operationId).toBe(fact.operationId);
    expect(op.tags).toEqual([fact.tag]);
    expect(op.security).toEqual(fact.scopes.map((scope) => ({ zoomOAuth: [scope] })));
    expect(op["x-rate-limit-category"]).toBe(fact.rateLimit);
    expect(new Set(op["x-sources"] as string[])).toEqual(new Set(fact.sources));

    const body = op.requestBody as Node | undefined;
    const bodySchema = (body?.content as Record<string, Node> | undefined)?.["application/json"]?.schema as Node | undefined;
    expect(refName(bodySchema)).toBe(fact.requestBody);
    if (body !== undefined) expect(body.required).toBe(true);

    const responses = op.responses as Record<string, Node>;
    const success = Object.keys(responses).filter((s) => s.startsWith("2"));
    expect(success).toEqual([String(fact.success)]);
    const ok = resolve(responses[String(fact.success)] as Node);
    const okSchema = (ok.content as Record<string, Node> | undefined)?.["application/json"]?.schema as Node | undefined;
    expect(refName(okSchema)).toBe(fact.responseBody);
    if (fact.success === 204) expect(ok.content).toBeUndefined();

    const query = ((op.parameters as Node[] | undefined) ?? []).map(resolve).filter((p) => p.in === "query").map((p) => p.name);
    expect(query).toEqual(fact.query ?? []);

    for (const status of ["401", "429", "5XX"]) expect(responses[status], status).toBeDefined();
    for (const [status, codes] of Object.entries(fact.errors)) {
      const response = resolve(responses[status] as Node);
      const examples = ((response.content as Record<string, Node>)["application/json"]?.examples ?? {}) as Record<string, Node>;
      const shown = [...new Set(Object.values(examples).map((e) => ((resolve(e).value as Node).code as number)))].sort((a, b) => a - b);
      expect(shown, `Zoom codes under ${status}`).toEqual([...codes]);
    }
  });

  it("lists every operation of the group's paths", () => {
    const paths = [...new Set(operationFacts.map((f) => f.path))];
    const documented = paths.flatMap((p) =>
      Object.keys((spec.paths as Record<string, Node>)[p] ?? {})
        .filter((m) => ["get", "put", "post", "patch", "delete"].includes(m))
        .map((m) => `${m} ${p}`),
    );
    expect(documented.sort()).toEqual(operationFacts.map((f) => `${f.method} ${f.path}`).sort());
  });
});
