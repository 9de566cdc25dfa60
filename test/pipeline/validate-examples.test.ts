import { describe, expect, it } from "vitest";
import type { SourceLocator } from "../../tools/pipeline/source-locator.js";
import { collectExampleChecks, validateExamples } from "../../tools/pipeline/validate-examples.js";

describe("collectExampleChecks", () => {
  it("pairs every example and default with the schema it must satisfy", () => {
    const checks = collectExampleChecks({
      openapi: "3.1.0",
      paths: {
        "/w/{id}": {
          parameters: [{ name: "id", in: "path", schema: { type: "integer" }, example: 1, examples: { big: { value: 99 } } }],
          get: {
            parameters: [{ $ref: "#/components/parameters/Q" }],
            responses: {
              "200": {
                description: "ok",
                headers: { "X-Limit": { schema: { type: "integer", default: 30 } } },
                content: {
                  "application/json": {
                    schema: { $ref: "#/components/schemas/W" },
                    example: { a: 1 },
                    examples: {
                      one: { $ref: "#/components/examples/One" },
                      chained: { $ref: "#/components/examples/Alias" },
                      loop: { $ref: "#/components/examples/Loop" },
                      external: { externalValue: "https://x" },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        parameters: { Q: { name: "q", in: "query", schema: { type: "string", enum: ["a"], default: "a" } } },
        examples: { One: { value: { a: 2 } }, Alias: { $ref: "#/components/examples/Two" }, Two: { value: { a: 6 } }, Loop: { $ref: "#/components/examples/Loop" } },
        schemas: {
          W: {
            type: "object",
            example: { a: 3 },
            properties: { a: { type: "integer", examples: [4, 5] }, list: { type: "array", items: { type: "string", default: "x" } } },
            allOf: [{ properties: { b: { default: 1 } } }],
          },
        },
      },
    });
    const rows = checks.map((c) => `${c.kind} ${c.valuePointer} <- ${c.schemaPointer}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        "example /paths/~1w~1{id}/parameters/0/example <- /paths/~1w~1{id}/parameters/0/schema",
        "example /paths/~1w~1{id}/parameters/0/examples/big/value <- /paths/~1w~1{id}/parameters/0/schema",
        "default /paths/~1w~1{id}/get/responses/200/headers/X-Limit/schema/default <- /paths/~1w~1{id}/get/responses/200/headers/X-Limit/schema",
        "example /paths/~1w~1{id}/get/responses/200/content/application~1json/example <- /paths/~1w~1{id}/get/responses/200/content/application~1json/schema",
        // A referenced example is checked where it lives, against the schema of each user.
        "example /components/examples/One/value <- /paths/~1w~1{id}/get/responses/200/content/application~1json/schema",
        // Through a chain of refs to where the value is; a cyclic chain holds none.
        "example /components/examples/Two/value <- /paths/~1w~1{id}/get/responses/200/content/application~1json/schema",
        "default /components/parameters/Q/schema/default <- /components/parameters/Q/schema",
        "example /components/schemas/W/example <- /components/schemas/W",
        "example /components/schemas/W/properties/a/examples/0 <- /components/schemas/W/properties/a",
        "example /components/schemas/W/properties/a/examples/1 <- /components/schemas/W/properties/a",
        "default /components/schemas/W/properties/list/items/default <- /components/schemas/W/properties/list/items",
        "default /components/schemas/W/allOf/0/properties/b/default <- /components/schemas/W/allOf/0/properties/b",
      ]),
    );
    expect(rows).toHaveLength(12);
  });
});

describe("validateExamples", () => {
  const locator = { locate: () => undefined } as unknown as SourceLocator;
  const run = (document: Record<string, unknown>) =>
    validateExamples({ rootDir: "/", document, locator, displayFile: "generated/openapi.json" }).map((p) => `${p.rule} ${p.message}`);
  const document = (description: string, type: string, nested = { type: "integer", default: 1 }) => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1", description },
    paths: { "/w": { get: { parameters: [{ name: "n", in: "query", schema: nested }], responses: { "200": { description, content: { "application/json": { schema: { $ref: "#/components/schemas/W" }, example: { kind: 7 } } } } } } } },
    components: { schemas: { W: { type: "object", properties: { kind: { type, enum: [5, 6, 9] } } } } },
  });

  it("judges again after each edit: one outside the schemas, one in a component, one in an inline schema", () => {
    const mismatch = "example-matches-schema Example #/paths/~1w/get/responses/200/content/application~1json/example does not match schema #/paths/~1w/get/responses/200/content/application~1json/schema: /kind must be equal to one of the allowed values: 5, 6, 9";
    expect(run(document("a", "integer"))).toEqual([mismatch]);
    // The same schemas (this process reuses what Ajv compiled): the same verdict.
    expect(run(document("b", "integer"))).toEqual([mismatch]);
    // A broken component schema no longer compiles.
    expect(run(document("b", "text"))).toEqual([expect.stringMatching(/^schema-compile Schema #\/paths\/~1w\/get\/responses\/200\/content\/application~1json\/schema cannot be compiled/)]);
    // An inline parameter schema whose default no longer fits.
    expect(run(document("b", "integer", { type: "string", default: 1 }))).toEqual([
      "default-matches-schema Default #/paths/~1w/get/parameters/0/schema/default does not match schema #/paths/~1w/get/parameters/0/schema: (root) must be string",
      mismatch,
    ]);
  });
});
