import { describe, expect, it } from "vitest";
import { collectExampleChecks } from "../../tools/pipeline/validate-examples.js";
import { compileSchema, createOpenApiAjv, formatAjvErrors, type OpenApiDocument } from "../../tools/spec/openapi-ajv.js";
import { getAt, parsePointer } from "../../src/util/json-pointer.js";
import { bundledSpec } from "../support/spec.js";

describe("every example and default in the contract", async () => {
  const document = (await bundledSpec()) as OpenApiDocument;
  const ajv = createOpenApiAjv(document);
  const checks = collectExampleChecks(document);

  it("covers every 200 example (Zoom's documented one included), every error example and the defaults", () => {
    const examples = checks.filter((c) => c.valuePointer.startsWith("/components/examples/")).map((c) => c.valuePointer.split("/")[3]);
    const components = Object.keys((document.components as { examples: Record<string, unknown> }).examples);
    expect(new Set(examples)).toEqual(new Set(components));
    expect(examples).toEqual(expect.arrayContaining(["ZoomDocumentedWebinar", "RecurringWebinar", "ScheduledWebinar"]));
    expect(checks.filter((c) => c.kind === "default").length).toBeGreaterThanOrEqual(12);
  });

  it.each(checks.map((c) => [`${c.kind} ${c.valuePointer}`, c] as const))("%s validates against its schema", (_name, check) => {
    const validate = compileSchema(ajv, `#${check.schemaPointer}`);
    const value = getAt(document, parsePointer(check.valuePointer));
    const ok = validate(value);
    expect(formatAjvErrors(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
});
