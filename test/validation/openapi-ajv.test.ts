import { describe, expect, it } from "vitest";
import { compileSchema, createOpenApiAjv, formatAjvErrors, type OpenApiDocument, schemaRef } from "../../tools/spec/openapi-ajv.js";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  "x-tagGroups": [],
  paths: {
    "/accounts/{accountId}/webinars/{webinarId}": {
      get: {
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Webinar" } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Webinar: {
        type: "object",
        required: ["id", "type"],
        externalDocs: { url: "https://developers.zoom.us" },
        xml: { name: "webinar" },
        example: { id: 1, type: 5 },
        properties: {
          id: { type: "integer", format: "int64", minimum: 1 },
          duration: { type: "integer", format: "int32" },
          type: { type: "integer", enum: [5, 6, 9], "x-enumDescriptions": { "5": "Webinar" } },
          start_time: { type: "string", format: "date-time" },
          host_email: { type: "string", format: "email", deprecated: true },
          timezone: { type: "string", format: "zoom-timezone" },
          settings: { $ref: "#/components/schemas/Settings" },
        },
      },
      Settings: {
        type: "object",
        discriminator: { propertyName: "kind" },
        additionalProperties: false,
        properties: { kind: { type: "string" }, audio: { type: ["string", "null"] } },
      },
    },
  },
};

describe("createOpenApiAjv / compileSchema", () => {
  const ajv = createOpenApiAjv(document);

  it("compiles a component by name, tolerating OpenAPI keywords and x-* extensions", () => {
    const validate = compileSchema(ajv, "Webinar");
    expect(validate({ id: 1, type: 5, settings: { kind: "a", audio: null } })).toBe(true);
  });

  it("resolves #/components/schemas refs and reports every error", () => {
    const validate = compileSchema(ajv, "Webinar");
    expect(validate({ id: 0, type: 7, settings: { extra: true } })).toBe(false);
    expect(formatAjvErrors(validate.errors)).toEqual([
      "/id must be >= 1",
      "/type must be equal to one of the allowed values: 5, 6, 9",
      "/settings must NOT have additional properties: extra",
    ]);
  });

  it("checks formats, including OpenAPI's, and accepts formats it does not know", () => {
    const validate = compileSchema(ajv, "Webinar");
    expect(validate({ id: 1, type: 5, start_time: "yesterday" })).toBe(false);
    expect(validate({ id: 1, type: 5, start_time: "2026-01-02T03:04:05Z", timezone: "anything" })).toBe(true);
    expect(validate({ id: 1, type: 5, duration: 2 ** 31 })).toBe(false);
  });

  it("compiles a schema by JSON pointer, with path templates in it", () => {
    const validate = compileSchema(ajv, "#/paths/~1accounts~1{accountId}~1webinars~1{webinarId}/get/responses/200/content/application~1json/schema");
    expect(validate({ id: 3, type: 9 })).toBe(true);
    expect(validate({})).toBe(false);
  });

  it("returns the same validator for the same schema", () => {
    expect(compileSchema(ajv, "Webinar")).toBe(compileSchema(ajv, "#/components/schemas/Webinar"));
  });

  it("throws for a missing schema and for a misspelt keyword (strict mode stays on)", () => {
    expect(() => compileSchema(ajv, "Nope")).toThrow(/No schema at #\/components\/schemas\/Nope/);
    const typo = createOpenApiAjv({ components: { schemas: { Bad: { type: "string", maxLenght: 3 } } } });
    expect(() => compileSchema(typo, "Bad")).toThrow(/unknown keyword: "maxLenght"/);
  });

  it("does not mutate the document", () => {
    expect("$id" in document).toBe(false);
  });

  it("escapes component names into pointers", () => {
    expect(schemaRef("a/b~c")).toBe("#/components/schemas/a~1b~0c");
    expect(schemaRef("#/x")).toBe("#/x");
  });
});
