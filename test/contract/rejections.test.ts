import { describe, expect, it } from "vitest";
import { compileSchema, createOpenApiAjv, type OpenApiDocument } from "../../src/validation/openapi-ajv.js";
import { bundledSpec, type JsonObject, type JsonValue } from "../support/spec.js";
import { gluedEnumStrings, sourceFacts } from "./source-facts.js";

// Each case starts from the source page's own example (valid) and breaks one thing.
describe("the 200 schema rejects what Zoom's contract rules out", async () => {
  const document = (await bundledSpec()) as OpenApiDocument;
  const validate = compileSchema(createOpenApiAjv(document, { allErrors: true }), "Webinar");
  const examples = (document.components as { examples: Record<string, { value: JsonObject }> }).examples;
  const base = examples.RecurringWebinar?.value as JsonObject;

  /** A copy of the example with `path` (dotted, as in the fact table) set to `value`. */
  const withValue = (path: string, value: JsonValue): JsonObject => {
    const body = structuredClone(base);
    const steps = path.split(".");
    let node = body;
    for (const step of steps.slice(0, -1)) {
      node[step] ??= {};
      node = node[step] as JsonObject;
    }
    node[steps.at(-1) as string] = value;
    return body;
  };

  const rejects = (body: unknown, where: string) => {
    expect(validate(body), `expected a rejection at ${where}`).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(where);
  };

  it("accepts the unmodified example (so each rejection below is caused by its one change)", () => {
    expect(validate(base)).toBe(true);
  });

  it.each(Object.entries(gluedEnumStrings))("rejects the glued enum string of %s", (path, glued) => {
    rejects(withValue(path, glued), `/${path.replaceAll(".", "/")}`);
  });

  const bounded = Object.entries(sourceFacts).filter(([path, f]) => !path.includes("[]") && (f.maximum !== undefined || f.minimum !== undefined || f.maxLength !== undefined));
  it.each(bounded)("rejects %s one past its bound", (path, fact) => {
    const where = `/${path.replaceAll(".", "/")}`;
    if (fact.maximum !== undefined) rejects(withValue(path, fact.maximum + 1), where);
    if (fact.minimum !== undefined) rejects(withValue(path, fact.minimum - 1), where);
    if (fact.maxLength !== undefined) rejects(withValue(path, "x".repeat(fact.maxLength + 1)), where);
  });

  it("rejects more than 20 sign-language interpreters", () => {
    const interpreter = { sign_language: "American", email: "interpreter@example.com" };
    const body = withValue("settings.sign_language_interpretation.interpreters", Array.from({ length: 21 }, () => interpreter));
    rejects(body, "/settings/sign_language_interpretation/interpreters");
  });

  it.each([
    ["topic", 42],
    ["id", "97871060099"],
    ["settings.hd_video", "false"],
    ["settings.registrants_restrict_number", 1.5],
    ["occurrences", { duration: 60 }],
  ])("rejects a wrong type at %s", (path, value) => {
    rejects(withValue(path, value), `/${path.replaceAll(".", "/")}`);
  });

  it("rejects a recurrence without its type", () => {
    const body = structuredClone(base);
    delete (body.recurrence as JsonObject).type;
    rejects(body, "/recurrence");
  });

  it("rejects a start_time that is not a date-time", () => {
    rejects(withValue("start_time", "next Tuesday"), "/start_time");
  });

  it("rejects a host_email that is not an email address", () => {
    rejects(withValue("host_email", "jchill at example.com"), "/host_email");
  });

  it("still accepts fields Zoom adds later", () => {
    expect(validate(withValue("settings.some_future_setting", true))).toBe(true);
  });
});
