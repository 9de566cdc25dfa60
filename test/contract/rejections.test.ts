import { describe, expect, it } from "vitest";
import { compileSchema, createOpenApiAjv, formatAjvErrors, type OpenApiDocument } from "../../tools/spec/openapi-ajv.js";
import { bundledSpec, dereferencedSpec, type JsonObject, type JsonValue } from "../support/spec.js";
import { allPropertyPaths, schemaAt, type Schema } from "./schema-walk.js";

/** The glued strings the reference page printed instead of enum lists; none may be a valid value. */
const gluedEnumStrings: Record<string, string | number> = {
  type: 569,
  "settings.registration_type": 123,
  "settings.approval_type": 12, // "012" read as a number
  "settings.audio": "bothtelephonyvoipthirdParty",
  "settings.auto_recording": "localcloudnone",
  "recurrence.type": 123,
  "recurrence.monthly_week": -11234,
  "recurrence.monthly_week_day": 1234567,
};

const document = (await bundledSpec()) as OpenApiDocument;
const validate = compileSchema(createOpenApiAjv(document, { allErrors: true }), "Webinar");
const examples = (document.components as { examples: Record<string, { value: JsonObject }> }).examples;
/** Zoom's documented example, as the reference page shows it. */
const base = examples.ZoomDocumentedWebinar?.value as JsonObject;
const webinarSchema = ((await dereferencedSpec()).components as { schemas: Record<string, Schema> }).schemas.Webinar as Schema;

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

const accepts = (body: unknown) => {
  const ok = validate(body);
  expect(formatAjvErrors(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
};

// Each case starts from Zoom's documented example (valid) and breaks one thing.
describe("the 200 schema rejects what Zoom's contract rules out", () => {

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

  // Bounds as the contract states them (facts.test.ts ties each one to its sources).
  const bounded = allPropertyPaths(webinarSchema)
    .filter((path) => !path.includes("[]"))
    .map((path) => [path, schemaAt(webinarSchema, path).schema] as const)
    .filter(([, s]) => typeof s.maximum === "number" || typeof s.minimum === "number" || typeof s.maxLength === "number")
    .map(([path, s]) => [path, { maximum: s.maximum as number | undefined, minimum: s.minimum as number | undefined, maxLength: s.maxLength as number | undefined }] as const);
  it("finds the bounded fields", () => {
    expect(bounded.map(([path]) => path)).toEqual(expect.arrayContaining(["topic", "password", "recurrence.end_times", "settings.registrants_restrict_number"]));
  });
  it.each(bounded)("rejects %s one past its bound", (path, fact) => {
    const where = `/${path.replaceAll(".", "/")}`;
    if (fact.maximum !== undefined) rejects(withValue(path, fact.maximum + 1), where);
    if (fact.minimum !== undefined) rejects(withValue(path, fact.minimum - 1), where);
    if (fact.maxLength !== undefined) rejects(withValue(path, "x".repeat(fact.maxLength + 1)), where);
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

describe("the 200 schema accepts what Zoom may send", () => {
  it("accepts Zoom's documented example unchanged", () => {
    accepts(base);
  });

  // Optional text and link fields whose sources give no format: Zoom may send them empty.
  it.each([
    "join_url",
    "start_url",
    "settings.survey_url",
    "agenda",
    "timezone",
    "record_file_id",
    "settings.alternative_hosts",
    "settings.contact_email",
    "settings.authentication_domains",
    "settings.audio_conference_info",
    "recurrence.weekly_days",
    "occurrences.0.status",
    "tracking_fields.0.value",
    "settings.sign_language_interpretation.interpreters.0.email",
  ])("accepts an empty string at %s", (path) => {
    const body = structuredClone(base);
    const steps = path.split(".");
    let node: JsonValue = body;
    for (const step of steps.slice(0, -1)) node = (node as Record<string, JsonValue>)[step] as JsonValue;
    (node as Record<string, JsonValue>)[steps.at(-1) as string] = "";
    accepts(body);
  });

  it("accepts a recurrence of 61 occurrences (the reference page says at most 60; Zoom's spec allows 365)", () => {
    const first = Date.parse("2022-03-27T14:00:00Z");
    const occurrences = Array.from({ length: 61 }, (_, i) => {
      const start = first + i * 86_400_000;
      return { occurrence_id: String(start), start_time: new Date(start).toISOString().replace(".000Z", "Z"), duration: 60, status: "available" };
    });
    const body = { ...structuredClone(base), type: 9, recurrence: { type: 1, repeat_interval: 1, end_times: 61 }, occurrences };
    accepts(body);
    expect(validate({ ...body, recurrence: { type: 1, end_times: 366 } })).toBe(false);
  });

  it("accepts occurrence statuses and creation sources that no source lists", () => {
    accepts(withValue("creation_source", "some_new_source"));
    accepts({ ...structuredClone(base), occurrences: [{ status: "cancelled" }] });
  });

  it("accepts capacity, license_type, simulive_delay_start and global_dial_in_numbers whatever their shape", () => {
    accepts({ ...structuredClone(base), capacity: 500, license_type: "webinar_plus", simulive_delay_start: { enable: true, time: 10 } });
    accepts({ ...structuredClone(base), capacity: "1,000", license_type: 2 });
    accepts(withValue("settings.global_dial_in_numbers", [{ country: "US", number: "+1 1000200200", type: "premium" }]));
  });
});
