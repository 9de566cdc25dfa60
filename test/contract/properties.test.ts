// Property-based contract tests, the Webinar schema in depth: bodies generated from the bundled
// contract must pass response validation and come out of getWebinar unchanged; the same bodies,
// broken at any place the schema constrains, must be refused by the validator at that place,
// except a value outside an enum, which is drift: the call succeeds and onDrift names the place.
// Every other schema of every operation: schema-properties.test.ts.
//
// Seeded and bounded (support/check-property.ts): FC_SEED picks the runs, FC_RUNS and
// FC_RUNS_PER_SITE size them. A failure prints the seed, fast-check's path and the command that
// replays it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError, type Webinar } from "../../src/index.js";
import type { ResponseDrift } from "../../src/client/response-validator.js";
import { compileSchema, createOpenApiAjv, formatAjvErrors } from "../../tools/spec/openapi-ajv.js";
import { json, startFakeZoom, type FakeZoom } from "../client/support/fake-zoom.js";
import { loadBundledContract } from "./support/contract.js";
import { applyMutation, componentPointer, mutationSites, schemaArbitrary, type MutationSite } from "./support/schema-arbitrary.js";
import { envInteger } from "../support/env.js";
import { checkProperty, SEED, seedLine, TIME_LIMIT_MS } from "./support/check-property.js";

const BODY_RUNS = envInteger("FC_RUNS") ?? 300;
const LOOPBACK_RUNS = Math.min(BODY_RUNS, 25);
const RUNS_PER_SITE = envInteger("FC_RUNS_PER_SITE") ?? 3;

const document = loadBundledContract();
const WEBINAR = componentPointer("Webinar");
const validateWebinar = compileSchema(createOpenApiAjv(document), "Webinar");
const webinars = schemaArbitrary(document, WEBINAR, { extraProperties: true });
const sites = mutationSites(document, WEBINAR);

/** A client whose every request is answered with `body`, straight from an injected fetch. */
function clientServing(body: unknown, onDrift?: (drift: ResponseDrift) => void) {
  const text = JSON.stringify(body);
  return createZoomClient({
    baseUrl: "http://127.0.0.1:9/v2",
    accessToken: "property-test-token",
    validateResponses: true,
    ...(onDrift ? { onDrift } : {}),
    retry: { retries: 0 },
    fetch: async () => new Response(text, { status: 200, headers: { "content-type": "application/json;charset=UTF-8" } }),
  });
}

const params = { accountId: "ABcdEFgh123456789IJklmN", webinarId: "97871060099" } as const;

async function rejection(promise: Promise<Webinar>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

beforeAll(() => {
  console.log(seedLine("properties", `${BODY_RUNS} bodies, ${RUNS_PER_SITE} per mutation site × ${sites.length} sites`));
});

describe("generated Webinar bodies", () => {
  it(
    "pass validateResponses and come out of getWebinar unchanged",
    async () => {
      await checkProperty(
        fc.asyncProperty(webinars, async (body) => {
          expect(validateWebinar(body) ? [] : formatAjvErrors(validateWebinar.errors)).toEqual([]);
          expect(await getWebinar(clientServing(body), params)).toEqual(body);
        }),
        BODY_RUNS,
      );
    },
    TIME_LIMIT_MS + 10_000,
  );

  describe("over loopback HTTP", () => {
    let fake: FakeZoom | undefined;
    beforeAll(async () => {
      fake = await startFakeZoom();
    });
    afterAll(async () => {
      await fake?.close();
    });

    it(
      "arrive byte for byte through a real socket as well",
      async () => {
        if (fake === undefined) throw new Error("the loopback server did not start");
        const server = fake;
        const zoom = createZoomClient({ baseUrl: server.baseUrl, accessToken: "property-test-token", validateResponses: true, retry: { retries: 0 } });
        await checkProperty(
          fc.asyncProperty(webinars, async (body) => {
            server.api(json(200, body));
            expect(await getWebinar(zoom, params)).toEqual(body);
          }),
          LOOPBACK_RUNS,
        );
      },
      TIME_LIMIT_MS + 10_000,
    );
  });
});

describe("mutation sites read from the schema", () => {
  it("cover wrong types, out-of-range numbers and values outside enums", () => {
    const kinds = new Set(sites.map((site) => site.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(["type", "range", "enum"]));
    // Every property of the schema, at any depth, can at least be given a wrong type.
    expect(sites.filter((site) => site.kind === "type").length).toBeGreaterThan(100);
  });
});

const breakingSites = sites.filter((site) => site.kind !== "enum");
const driftSites = sites.filter((site) => site.kind === "enum");

describe.each(driftSites.map((site) => [`${site.instancePath} ${site.detail}`, site] as const))("a body drifting at enum %s", (_, site: MutationSite) => {
  it("is returned, and onDrift names that place", async () => {
    const bodies = schemaArbitrary(document, WEBINAR, { force: site.steps });
    const breakage = site.replacement ?? fc.constant(undefined);
    await checkProperty(
      fc.asyncProperty(bodies, breakage, async (body, replacement) => {
        const broken = applyMutation(body, site, replacement);
        const drifts: ResponseDrift[] = [];
        expect(await getWebinar(clientServing(broken, (drift) => drifts.push(drift)), params)).toEqual(broken);
        expect(drifts.map((drift) => [drift.kind, drift.pointer])).toEqual([["enum", site.instancePath]]);
      }),
      RUNS_PER_SITE,
    );
  });
});

describe.each(breakingSites.map((site) => [`${site.kind} ${site.instancePath} ${site.detail}`, site] as const))("a body broken by %s", (_, site: MutationSite) => {
  it("is refused by the validator at that place", async () => {
    const bodies = schemaArbitrary(document, WEBINAR, { extraProperties: true, force: site.steps });
    const breakage = site.replacement ?? fc.constant(undefined);
    await checkProperty(
      fc.asyncProperty(bodies, breakage, async (body, replacement) => {
        expect(validateWebinar(body) ? [] : formatAjvErrors(validateWebinar.errors), "the body before the mutation").toEqual([]);
        const broken = applyMutation(body, site, replacement);
        const error = await rejection(getWebinar(clientServing(broken), params));
        expect(error).toBeInstanceOf(ZoomApiError);
        const mismatches = (error as ZoomApiError).mismatches ?? [];
        expect(mismatches.length, "mismatches reported").toBeGreaterThan(0);
        // Only the broken place is reported: the rest of the body is still valid.
        expect(mismatches.map((mismatch) => mismatch.instancePath)).toEqual(mismatches.map(() => site.instancePath));
      }),
      RUNS_PER_SITE,
    );
  });
});

describe("a failing property", () => {
  it("reports the seed, the path and a replay command", async () => {
    const failing = fc.asyncProperty(webinars, async (body) => {
      expect((body as Webinar).topic ?? "").toHaveLength(0);
    });
    // Never with FC_PATH: that path belongs to the property being replayed, not to this one.
    const error = await checkProperty(failing, 50, undefined).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`replay: FC_SEED=${SEED} FC_PATH=\\d+(:\\d+)*`));
    expect(message).toContain(" npx vitest run test/contract/properties.test.ts -t ");
    expect(message).toContain("Counterexample");
    // fast-check's own line, so its documented replay parameters are there as well.
    expect(message).toMatch(/\{ seed: -?\d+, path: "[\d:]+", endOnFailure: true \}/);
  });
});
