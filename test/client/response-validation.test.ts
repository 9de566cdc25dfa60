import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getWebinar, ZoomApiError } from "../../src/index.js";
import { createOpenApiAjv } from "../../src/validation/openapi-ajv.js";
import { fastClient, SUB_ACCOUNT } from "./support/clients.js";
import { json, startFakeZoom, type FakeZoom } from "./support/fake-zoom.js";
import { example, recurringWebinar, type Webinar } from "./support/spec-examples.js";

// Counts how often an Ajv instance is built, to show the validator is compiled once per process.
vi.mock("../../src/validation/openapi-ajv.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/validation/openapi-ajv.js")>();
  return { ...original, createOpenApiAjv: vi.fn(original.createOpenApiAjv) };
});

let fake: FakeZoom;
beforeAll(async () => {
  fake = await startFakeZoom();
});
afterAll(async () => {
  await fake.close();
});

const params = { accountId: SUB_ACCOUNT, webinarId: "97871060099" };

async function validated(body: unknown): Promise<Webinar> {
  fake.api(json(200, body));
  const { zoom } = fastClient(fake, { validateResponses: true });
  return getWebinar(zoom, params);
}

async function mismatchOf(body: unknown): Promise<ZoomApiError> {
  const error = await validated(body).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

describe("validateResponses", () => {
  it.each(["RecurringWebinar", "ScheduledWebinar"])("accepts the spec's own example %s", async (name) => {
    const body = example<Webinar>(name);
    await expect(validated(body)).resolves.toEqual(body);
  });

  it("accepts unknown extra properties, at the top and nested", async () => {
    const body = { ...recurringWebinar(), brand_new_field: { a: 1 } } as Webinar & Record<string, unknown>;
    body.settings = { ...body.settings, another_new_setting: true } as Webinar["settings"];
    await expect(validated(body)).resolves.toMatchObject({ brand_new_field: { a: 1 } });
  });

  it("rejects a wrong type with status 200, the JSON pointer and the reason", async () => {
    const error = await mismatchOf({ ...recurringWebinar(), id: "97871060099" });
    expect(error.status).toBe(200);
    expect(error.mismatches).toEqual([{ instancePath: "/id", message: "must be integer" }]);
    expect(error.message).toContain("does not match the Webinar schema: /id must be integer");
  });

  it("reports every mismatch, nested ones by their full pointer", async () => {
    const body = recurringWebinar();
    const broken = {
      ...body,
      type: 7,
      occurrences: [{ ...body.occurrences?.[0], duration: "60" }],
      settings: { ...body.settings, audio: "bluetooth" },
    };
    const error = await mismatchOf(broken);
    expect(error.mismatches).toEqual(
      expect.arrayContaining([
        { instancePath: "/type", message: "must be equal to one of the allowed values (5, 6, 9)" },
        { instancePath: "/occurrences/0/duration", message: "must be integer" },
        {
          instancePath: "/settings/audio",
          message: 'must be equal to one of the allowed values ("both", "telephony", "voip", "thirdParty")',
        },
      ]),
    );
  });

  it("is off by default: the same body passes through unchecked", async () => {
    fake.api(json(200, { ...recurringWebinar(), id: "not a number" }));
    const { zoom } = fastClient(fake);
    await expect(getWebinar(zoom, params)).resolves.toMatchObject({ id: "not a number" });
  });

  it("compiles the validator once per process, however many clients and calls", async () => {
    for (let i = 0; i < 3; i++) await validated(recurringWebinar());
    expect(vi.mocked(createOpenApiAjv)).toHaveBeenCalledTimes(1);
  });
});
