import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError, type ResponseDrift } from "../../src/index.js";
import { fastClient, SUB_ACCOUNT } from "./support/clients.js";
import { json, startFakeZoom, type FakeZoom } from "./support/fake-zoom.js";
import { example, recurringWebinar, type Webinar } from "./support/spec-examples.js";

// Outcomes never depend on time (manual clock, gated answers); the timeout is only a net for a
// machine shared by many processes.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// Counts how often the generated Webinar validator module is loaded, and how often it runs.
const loads = vi.hoisted(() => ({ modules: 0, calls: 0 }));
vi.mock("../../generated/validators/Webinar.js", async (importOriginal) => {
  loads.modules += 1;
  const original = await importOriginal<typeof import("../../generated/validators/Webinar.js")>();
  const counted = Object.assign(
    (data: unknown) => {
      loads.calls += 1;
      const valid = original.validate(data);
      counted.errors = original.validate.errors;
      return valid;
    },
    { errors: null as typeof original.validate.errors },
  );
  return { ...original, default: counted, validate: counted };
});

let fake: FakeZoom;
beforeAll(async () => {
  fake = await startFakeZoom();
});
afterAll(async () => {
  await fake.close();
});

const params = { accountId: SUB_ACCOUNT, webinarId: "97871060099" };

async function validated(body: unknown, drift: ResponseDrift[] = []): Promise<Webinar> {
  fake.api(json(200, body));
  const { zoom } = fastClient(fake, { validateResponses: true, onDrift: (d) => drift.push(d) });
  return getWebinar(zoom, params);
}

async function mismatchOf(body: unknown): Promise<ZoomApiError> {
  const error = await validated(body).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

// First in the file: no call has validated yet. An application pays for the validators it uses.
describe("the Webinar validator module", () => {
  function serving(body: unknown, validateResponses: boolean) {
    const text = JSON.stringify(body);
    return createZoomClient({
      baseUrl: "http://127.0.0.1:9/v2",
      accessToken: "lazy-validator-token",
      validateResponses,
      retry: { retries: 0 },
      fetch: async () => new Response(text, { status: 200, headers: { "content-type": "application/json" } }),
    });
  }

  it("is not loaded while validation is off, and loaded once by the first call that validates", async () => {
    const offBody = { ...recurringWebinar(), id: "not a number" };
    await expect(getWebinar(serving(offBody, false), params)).resolves.toEqual(offBody);
    await expect(getWebinar(serving(offBody, false), params)).resolves.toEqual(offBody);
    expect(loads.modules).toBe(0);

    await expect(getWebinar(serving(recurringWebinar(), true), params)).resolves.toEqual(recurringWebinar());
    await expect(getWebinar(serving(offBody, true), params)).rejects.toMatchObject({ mismatches: [{ instancePath: "/id", message: "must be integer" }] });
    expect(loads.modules).toBe(1);
  });
});

describe("validateResponses", () => {
  it.each(["RecurringWebinar", "ScheduledWebinar"])("accepts the spec's own example %s", async (name) => {
    const body = example<Webinar>(name);
    await expect(validated(body)).resolves.toEqual(body);
  });

  it("an unknown field, at the top or nested, is drift: the call succeeds and onDrift hears of it", async () => {
    const body = { ...recurringWebinar(), brand_new_field: { a: 1 } } as Webinar & Record<string, unknown>;
    body.settings = { ...body.settings, "another/new~setting": true } as Webinar["settings"];
    const drift: ResponseDrift[] = [];
    await expect(validated(body, drift)).resolves.toMatchObject({ brand_new_field: { a: 1 } });
    expect(drift).toHaveLength(2);
    expect(drift).toContainEqual({ kind: "unknown-field", pointer: "/brand_new_field", value: { a: 1 }, expected: expect.arrayContaining(["topic", "settings", "occurrences"]) });
    expect(drift).toContainEqual({ kind: "unknown-field", pointer: "/settings/another~1new~0setting", value: true, expected: expect.arrayContaining(["audio"]) });
  });

  it("a value outside a documented enum is drift, reported with the values the contract lists", async () => {
    const body = recurringWebinar();
    const drifted = { ...body, type: 7, settings: { ...body.settings, audio: "bluetooth" } };
    const drift: ResponseDrift[] = [];
    await expect(validated(drifted, drift)).resolves.toMatchObject({ type: 7 });
    expect(drift).toEqual([
      { kind: "enum", pointer: "/type", value: 7, expected: [5, 6, 9] },
      { kind: "enum", pointer: "/settings/audio", value: "bluetooth", expected: ["both", "telephony", "voip", "thirdParty"] },
    ]);
  });

  it("an onDrift that throws does not fail the call", async () => {
    fake.api(json(200, { ...recurringWebinar(), type: 7 }));
    const { zoom } = fastClient(fake, {
      validateResponses: true,
      onDrift: () => {
        throw new Error("the caller's logger is broken");
      },
    });
    await expect(getWebinar(zoom, params)).resolves.toMatchObject({ type: 7 });
  });

  it("the spec's own examples give no drift", async () => {
    const drift: ResponseDrift[] = [];
    await validated(example<Webinar>("RecurringWebinar"), drift);
    await validated(example<Webinar>("ScheduledWebinar"), drift);
    expect(drift).toEqual([]);
  });

  it("rejects a wrong type with status 200, the JSON pointer and the reason", async () => {
    const error = await mismatchOf({ ...recurringWebinar(), id: "97871060099" });
    expect(error.status).toBe(200);
    expect(error.mismatches).toEqual([{ instancePath: "/id", message: "must be integer" }]);
    expect(error.message).toContain("does not match the Webinar schema: /id must be integer");
  });

  it("reports every breakage by its full pointer, and not the drift beside it", async () => {
    const body = recurringWebinar();
    const broken = {
      ...body,
      type: 7,
      occurrences: [{ ...body.occurrences?.[0], duration: "60" }],
      settings: { ...body.settings, audio: "bluetooth", approval_type: "automatic" },
    };
    const drift: ResponseDrift[] = [];
    const error = await validated(broken, drift).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomApiError);
    expect((error as ZoomApiError).mismatches).toEqual([
      { instancePath: "/occurrences/0/duration", message: "must be integer" },
      { instancePath: "/settings/approval_type", message: "must be integer" },
    ]);
    // A call that fails reports its breakage only; drift is for calls that succeed.
    expect(drift).toEqual([]);
  });

  it("is off by default: the same body passes through unchecked", async () => {
    const calls = loads.calls;
    fake.api(json(200, { ...recurringWebinar(), id: "not a number" }));
    const { zoom } = fastClient(fake);
    await expect(getWebinar(zoom, params)).resolves.toMatchObject({ id: "not a number" });
    expect(loads.calls).toBe(calls);
  });

  it("loads the generated validator module once per process, however many clients and calls", async () => {
    const calls = loads.calls;
    for (let i = 0; i < 3; i++) await validated(recurringWebinar());
    expect(loads.modules).toBe(1);
    expect(loads.calls - calls).toBe(3);
  });
});
