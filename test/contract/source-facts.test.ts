import { beforeAll, describe, expect, it } from "vitest";
import { dereferencedSpec, type JsonObject } from "../support/spec.js";
import { allPropertyPaths, schemaAt, type Schema } from "./schema-walk.js";
import { sourceFacts } from "./source-facts.js";

let webinar: Schema;

beforeAll(async () => {
  const spec = await dereferencedSpec();
  const schemas = (spec.components as JsonObject).schemas as Record<string, Schema>;
  webinar = schemas.Webinar as Schema;
});

describe("the Webinar schema holds every fact of the source", () => {
  it.each(Object.entries(sourceFacts))("%s", (path, fact) => {
    const { schema, parent, name } = schemaAt(webinar, path);
    expect(schema.type, "type").toBe(fact.type);
    // The page gives integers no format; the contract states int32 for those, since every
    // documented value fits, and keeps int64 where the page says so (`id`).
    const format = fact.format ?? (fact.type === "integer" ? "int32" : undefined);
    expect(schema.format, "format").toBe(format);
    expect(schema.enum, "enum").toEqual(fact.enum);
    expect(schema.default, "default").toEqual(fact.default);
    expect(schema.minimum, "minimum").toBe(fact.minimum);
    expect(schema.maximum, "maximum").toBe(fact.maximum);
    expect(schema.maxLength, "maxLength").toBe(fact.maxLength);
    expect(schema.maxItems, "maxItems").toBe(fact.maxItems);
    expect(schema.deprecated === true, "deprecated").toBe(fact.deprecated === true);
    if (!path.endsWith("[]")) {
      const required = (parent.required as string[] | undefined) ?? [];
      expect(required.includes(name), "required").toBe(fact.required === true);
    }
    expect(typeof schema.description === "string" && schema.description.length > 0, "description").toBe(true);
  });

  it("describes no field that the fact table does not know", () => {
    const documented = allPropertyPaths(webinar);
    const unknown = documented.filter((p) => !(p in sourceFacts) && !p.endsWith("[]") && !isContainer(p));
    expect(unknown).toEqual([]);
  });

  it("stays open to fields Zoom adds later", () => {
    const closed = allPropertyPaths(webinar)
      .map((p) => ({ p, s: schemaAt(webinar, p).schema }))
      .filter(({ s }) => s.additionalProperties === false)
      .map(({ p }) => p);
    expect(webinar.additionalProperties).not.toBe(false);
    expect(closed).toEqual([]);
  });
});

// Array-of-object containers (`settings.language_interpretation.interpreters`) carry no
// fact of their own beyond being an array; their members are listed.
function isContainer(path: string): boolean {
  return schemaAt(webinar, path).schema.type === "array" && Object.keys(sourceFacts).some((k) => k.startsWith(`${path}[]`));
}
