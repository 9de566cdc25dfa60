// The Webinar validator module is loaded by the first call that validates, never by a client
// that does not validate: an application pays for the validators it uses, nothing more.
import { expect, it, vi } from "vitest";
import { createZoomClient, getWebinar } from "../../src/index.js";
import { recurringWebinar } from "./support/spec-examples.js";

const loads = vi.hoisted(() => ({ modules: 0 }));
vi.mock("../../generated/validators/Webinar.js", async (importOriginal) => {
  loads.modules += 1;
  return importOriginal();
});

const params = { accountId: "ABcdEFgh123456789IJklmN", webinarId: "97871060099" } as const;

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

it("is not loaded while validation is off, and loaded once when it is on", async () => {
  const offBody = { ...recurringWebinar(), id: "not a number" };
  await expect(getWebinar(serving(offBody, false), params)).resolves.toEqual(offBody);
  await expect(getWebinar(serving(offBody, false), params)).resolves.toEqual(offBody);
  expect(loads.modules).toBe(0);

  await expect(getWebinar(serving(recurringWebinar(), true), params)).resolves.toEqual(recurringWebinar());
  await expect(getWebinar(serving(offBody, true), params)).rejects.toMatchObject({ mismatches: [{ instancePath: "/id", message: "must be integer" }] });
  expect(loads.modules).toBe(1);
});
