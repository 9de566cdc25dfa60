import { beforeAll, describe, expect, it } from "vitest";
import { bundledSpec, dereferencedSpec, type JsonObject } from "../support/spec.js";
import { operationFacts, schemaFacts, type SchemaFact } from "./facts/webinars-group-facts.js";
import type { Schema } from "./schema-walk.js";

// The webinars group's request schemas use allOf (update settings, the 201 answer, the list
// envelope); facts address the merged view, so allOf members are folded into one schema.
function merged(schema: Schema): Schema {
  const parts = (schema.allOf as Schema[] | undefined) ?? [];
  if (parts.length === 0) return schema;
  const out: Schema = { ...schema, properties: { ...((schema.properties as object) ?? {}) } };
  const required = new Set((schema.required as string[] | undefined) ?? []);
  for (const part of parts.map(merged)) {
    Object.assign(out.properties as object, part.properties ?? {});
    for (const name of (part.required as string[] | undefined) ?? []) required.add(name);
  }
  out.required = [...required];
  return out;
}

function at(root: Schema, path: string): { schema: Schema; parent: Schema; name: string } {
  let current = merged(root);
  let parent = current;
  let name = "";
  for (const step of path.split(".")) {
    const [prop = "", ...rest] = step.split("[]");
    const props = current.properties as Record<string, Schema> | undefined;
    if (!props?.[prop]) throw new Error(`no property ${prop} in ${path}`);
    parent = current;
    name = prop;
    current = merged(props[prop]);
    for (let i = 0; i < rest.length; i++) {
      parent = current;
      current = merged(current.items as Schema);
    }
  }
  return { schema: current, parent, name };
}

function paths(root: Schema, facts: Record<string, SchemaFact>, prefix = ""): string[] {
  const out: string[] = [];
  const props = (merged(root).properties as Record<string, Schema> | undefined) ?? {};
  for (const [name, raw] of Object.entries(props)) {
    const here = prefix ? `${prefix}.${name}` : name;
    out.push(here);
    if (facts[here]?.shared) continue;
    const child = merged(raw);
    if (child.type === "array" && child.items) out.push(...paths(merged(child.items as Schema), facts, `${here}[]`));
    else if (child.type === "object") out.push(...paths(child, facts, here));
  }
  return out;
}

let schemas: Record<string, Schema>;
let spec: JsonObject;
let bundled: JsonObject;

beforeAll(async () => {
  spec = await dereferencedSpec();
  bundled = await bundledSpec();
  schemas = (spec.components as JsonObject).schemas as Record<string, Schema>;
});

const rows = Object.entries(schemaFacts).flatMap(([name, facts]) =>
  Object.entries(facts).map(([path, fact]) => [`${name} ${path}`, name, path, fact] as const),
);

describe("the webinars group's schemas hold every fact of the sources", () => {
  it.each(rows)("%s", (_label, name, path, fact) => {
    const { schema, parent, name: prop } = at(schemas[name] as Schema, path);
    expect(schema.type, "type").toBe(fact.type);
    expect(typeof schema.description === "string" && schema.description.length > 0, "description").toBe(true);
    if (fact.shared) return;
    // `format: undefined` written out means "no format" (the shared PageInfo states no width).
    expect(schema.format, "format").toBe("format" in fact ? fact.format : fact.type === "integer" ? "int32" : undefined);
    expect(schema.enum, "enum").toEqual(fact.enum);
    expect(schema.default, "default").toEqual(fact.default);
    expect(schema.minimum, "minimum").toBe(fact.minimum);
    expect(schema.maximum, "maximum").toBe(fact.maximum);
    expect(schema.maxLength, "maxLength").toBe(fact.maxLength);
    expect(schema.minItems, "minItems").toBe(fact.minItems);
    expect(schema.maxItems, "maxItems").toBe(fact.maxItems);
    expect(schema.pattern, "pattern").toBe(fact.pattern);
    expect(schema.deprecated === true, "deprecated").toBe(fact.deprecated === true);
    expect(((parent.required as string[] | undefined) ?? []).includes(prop), "required").toBe(fact.required === true);
    // Provenance: each source of the row is named on the node or for one of its keywords.
    const named = new Set<string>((schema["x-sources"] as string[] | undefined) ?? []);
    for (const list of Object.values((schema["x-keyword-sources"] as Record<string, string[]> | undefined) ?? {})) {
      for (const id of list) named.add(id);
    }
    expect(fact.sources.filter((id) => !named.has(id)), "x-sources").toEqual([]);
  });

  it.each(Object.keys(schemaFacts).filter((n) => n !== "WebinarCreated"))("%s describes no field the facts do not know", (name) => {
    const facts = schemaFacts[name] ?? {};
    const unknown = paths(schemas[name] as Schema, facts).filter((p) => !(p in facts) && !p.endsWith("[]"));
    expect(unknown).toEqual([]);
  });

  it("the 201 answer of createWebinar is the shared Webinar plus its own field", () => {
    const webinar = Object.keys((schemas.Webinar as Schema).properties as object);
    const created = Object.keys(merged(schemas.WebinarCreated as Schema).properties as object);
    expect(created).toEqual([...webinar, ...Object.keys(schemaFacts.WebinarCreated ?? {})]);
  });
});

type Operation = JsonObject & { responses: Record<string, JsonObject> };

function operation(doc: JsonObject, path: string, method: string): Operation {
  return ((doc.paths as JsonObject)[path] as JsonObject)[method] as Operation;
}

function schemaRef(node: JsonObject | undefined): string | undefined {
  const schema = ((node?.content as JsonObject | undefined)?.["application/json"] as JsonObject | undefined)?.schema as JsonObject | undefined;
  return typeof schema?.$ref === "string" ? schema.$ref.replace("#/components/schemas/", "") : undefined;
}

describe("the webinars group's operations hold every fact of the sources", () => {
  it.each(operationFacts.map((o) => [o.operationId, o] as const))("%s", (_id, fact) => {
    const op = operation(spec, fact.path, fact.method);
    const raw = operation(bundled, fact.path, fact.method);
    expect(op.operationId).toBe(fact.operationId);
    expect(op.tags).toEqual([fact.tag]);
    expect(op.security).toEqual([{ zoomOAuth: [fact.scopes[0]] }, { zoomOAuth: [fact.scopes[1]] }]);
    expect(op["x-rate-limit-category"]).toBe(fact.rateLimit);
    expect(String(op.description)).toContain(fact.rateLimit ? `Rate limit category: ${fact.rateLimit}.` : "Rate limit category: not stated");
    const successes = Object.keys(op.responses).filter((s) => s.startsWith("2"));
    expect(successes).toEqual([String(fact.success)]);
    expect(schemaRef(raw.requestBody as JsonObject | undefined)).toBe(fact.requestSchema);
    expect(schemaRef(raw.responses[String(fact.success)])).toBe(fact.responseSchema);
    const scopes = ((((spec.components as JsonObject).securitySchemes as JsonObject).zoomOAuth as JsonObject).flows as JsonObject)
      .clientCredentials as JsonObject;
    expect(Object.keys(scopes.scopes as JsonObject)).toEqual(expect.arrayContaining([...fact.scopes]));
    const codes: Record<string, number[]> = {};
    for (const [status, response] of Object.entries(op.responses)) {
      if (!/^4\d\d$/.test(status) || status === "401" || status === "429") continue;
      const examples = (((response.content as JsonObject)["application/json"] as JsonObject).examples ?? {}) as Record<string, JsonObject>;
      codes[status] = Object.values(examples).map((e) => (e.value as JsonObject).code as number).sort((a, b) => a - b);
    }
    if (fact.webinarIdPattern !== undefined) {
      const pathItem = (spec.paths as JsonObject)[fact.path] as JsonObject;
      const params = [...((op.parameters ?? []) as JsonObject[]), ...((pathItem.parameters ?? []) as JsonObject[])];
      const webinarId = params.find((p) => p.name === "webinarId" && p.in === "path");
      expect((webinarId?.schema as JsonObject | undefined)?.pattern, "webinarId pattern").toBe(fact.webinarIdPattern);
    }
    const expected = Object.fromEntries(Object.entries(fact.errorCodes).map(([s, c]) => [s, [...c].sort((a, b) => a - b)]));
    expect(codes).toEqual(expected);
  });
});
