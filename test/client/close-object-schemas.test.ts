import { describe, expect, it } from "vitest";
import { closeObjectSchemas, compileSchema, createOpenApiAjv, type OpenApiDocument } from "../../tools/spec/openapi-ajv.js";

// A component validated on its own (Base) and also a branch of another one's allOf (Derived).
const document: OpenApiDocument = {
  openapi: "3.1.0",
  components: {
    schemas: {
      Base: { type: "object", properties: { a: { type: "string" }, nested: { type: "object", properties: { n: { type: "integer" } } } } },
      Derived: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { b: { type: "integer" } } }] },
      // The same through a component that only names another (a chain of refs).
      BaseAlias: { $ref: "#/components/schemas/Base" },
      Aliased: { allOf: [{ $ref: "#/components/schemas/BaseAlias" }, { type: "object", properties: { b: { type: "integer" } } }] },
      Map: { type: "object", properties: { k: { type: "string" } }, additionalProperties: { type: "string" } },
      Example: { type: "object", properties: { x: { type: "string" } }, example: { properties: { y: 1 } } },
    },
  },
};

function unknownFields(root: string, body: unknown): string[] {
  const validate = compileSchema(createOpenApiAjv(closeObjectSchemas(document, root)), root);
  validate(body);
  return (validate.errors ?? []).filter((e) => e.keyword === "unevaluatedProperties").map((e) => `${e.instancePath}/${String(e.params.unevaluatedProperty)}`).sort();
}

describe("closeObjectSchemas", () => {
  it.each<[string, unknown, string[]]>([
    ["Base", { a: "1", nested: { n: 1 } }, []],
    ["Base", { a: "1", extra: true, nested: { n: 1, deeper: 2 } }, ["/extra", "/nested/deeper"]],
    // Through allOf: the combining schema knows both branches' fields.
    ["Derived", { a: "1", b: 2 }, []],
    ["Derived", { a: "1", b: 2, c: 3 }, ["/c"]],
    ["Derived", { a: "1", nested: { n: 1, deeper: 2 } }, ["/nested/deeper"]],
    ["Aliased", { a: "1", b: 2 }, []],
    ["Aliased", { a: "1", b: 2, c: 3 }, ["/c"]],
    // A schema that declares its other fields keeps its own rule.
    ["Map", { k: "v", anything: "goes" }, []],
  ])("%s %j → unknown %j", (root, body, expected) => {
    expect(unknownFields(root, body)).toEqual(expected);
  });

  it("leaves the caller's document and example values untouched", () => {
    const before = JSON.stringify(document);
    const closed = closeObjectSchemas(document);
    expect(JSON.stringify(document)).toBe(before);
    const example = (closed.components?.schemas?.Example as { example: unknown }).example;
    expect(example).toEqual({ properties: { y: 1 } });
  });
});
