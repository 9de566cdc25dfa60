import { describe, expect, it } from "vitest";
import { collectExampleChecks } from "../../tools/pipeline/validate-examples.js";

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
                    examples: { one: { $ref: "#/components/examples/One" }, external: { externalValue: "https://x" } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        parameters: { Q: { name: "q", in: "query", schema: { type: "string", enum: ["a"], default: "a" } } },
        examples: { One: { value: { a: 2 } } },
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
        "default /components/parameters/Q/schema/default <- /components/parameters/Q/schema",
        "example /components/schemas/W/example <- /components/schemas/W",
        "example /components/schemas/W/properties/a/examples/0 <- /components/schemas/W/properties/a",
        "example /components/schemas/W/properties/a/examples/1 <- /components/schemas/W/properties/a",
        "default /components/schemas/W/properties/list/items/default <- /components/schemas/W/properties/list/items",
        "default /components/schemas/W/allOf/0/properties/b/default <- /components/schemas/W/allOf/0/properties/b",
      ]),
    );
    expect(rows).toHaveLength(11);
  });
});
