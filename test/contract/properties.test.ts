// Property-based contract tests: webinar bodies generated from the bundled contract's Webinar
// schema must pass response validation and come out of getWebinar unchanged; the same bodies,
// broken at any place the schema constrains, must be refused by the validator at that place,
// except a value outside an enum, which is drift: the call succeeds and onDrift names the place.
//
// Seeded and bounded: FC_SEED (default below) picks the runs, FC_RUNS and FC_RUNS_PER_SITE size
// them. A failure prints the seed, fast-check's path and the command that replays it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZoomClient, getWebinar, ZoomApiError, type Webinar } from "../../src/index.js";
import { checkResponse, type ResponseDrift, type ResponseValidator } from "../../src/client/response-validator.js";
import { closeObjectSchemas, compileSchema, createOpenApiAjv, formatAjvErrors } from "../../tools/spec/openapi-ajv.js";
import { loadContract, operationRows, type OperationRow } from "../support/contract-operations.js";
import { json, startFakeZoom, type FakeZoom } from "../client/support/fake-zoom.js";
import { loadBundledContract } from "./support/contract.js";
import { applyMutation, componentPointer, mutationSites, schemaArbitrary, type MutationSite } from "./support/schema-arbitrary.js";
import { envInteger } from "../support/env.js";

const DEFAULT_SEED = 20_261_125;
const SEED = envInteger("FC_SEED") ?? DEFAULT_SEED;
const PATH = process.env.FC_PATH || undefined;
const BODY_RUNS = envInteger("FC_RUNS") ?? 300;
const LOOPBACK_RUNS = Math.min(BODY_RUNS, 25);
const RUNS_PER_SITE = envInteger("FC_RUNS_PER_SITE") ?? 3;
// A run that cannot finish in this time fails rather than quietly checking fewer cases.
const TIME_LIMIT_MS = 20_000;

const document = loadBundledContract();
const WEBINAR = componentPointer("Webinar");
const validateWebinar = compileSchema(createOpenApiAjv(document), "Webinar");
const webinars = schemaArbitrary(document, WEBINAR, { extraProperties: true });
const sites = mutationSites(document, WEBINAR);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * fc.check, turned into a thrown error that leads with how to replay the failure; fast-check's
 * own report (seed, path, shrunk counterexample, the assertion) follows it.
 */
async function checkProperty<Ts>(property: fc.IAsyncProperty<Ts>, numRuns: number, path = PATH): Promise<void> {
  const details = await fc.check(property, {
    seed: SEED,
    numRuns,
    interruptAfterTimeLimit: TIME_LIMIT_MS,
    markInterruptAsFailure: true,
    ...(path === undefined ? {} : { path }),
  });
  if (!details.failed) return;
  // vitest's -t matches the names of the describe blocks and the test joined by spaces.
  const name = (expect.getState().currentTestName ?? "").split(" > ").join(" ");
  const replay = `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ""} npx vitest run test/contract/properties.test.ts -t ${JSON.stringify(`^${escapeRegExp(name)}$`)}`;
  const cause = details.errorInstance;
  const reason = cause instanceof Error ? cause.message : String(cause);
  throw new Error(
    `property failed (seed ${details.seed}, path ${details.counterexamplePath ?? "none"})\nreplay: ${replay}\n${fc.defaultReportMessage(details) ?? ""}\nfailure: ${reason}`,
    { cause },
  );
}

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
  console.log(
    `properties: FC_SEED=${SEED}${SEED === DEFAULT_SEED ? " (default)" : ""}${PATH === undefined ? "" : ` FC_PATH=${PATH}`}, ` +
      `${BODY_RUNS} bodies, ${RUNS_PER_SITE} per mutation site × ${sites.length} sites`,
  );
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
    expect(message).toContain("Counterexample");
    // fast-check's own line, so its documented replay parameters are there as well.
    expect(message).toMatch(/\{ seed: -?\d+, path: "[\d:]+", endOnFailure: true \}/);
  });
});

// ---------------------------------------------------------------------------------------------
// Every schema of every operation: a table read from the contract, so a new operation's bodies
// are generated and broken without a line written for it.

const SCHEMA_RUNS = envInteger("FC_SCHEMA_RUNS") ?? 15;
const SITE_RUNS = envInteger("FC_SITE_RUNS") ?? 1;
const operationTable = operationRows(loadContract());
const componentName = (pointer: string): string => pointer.replace(/^#\/components\/schemas\//, "");

/** Schema pointer → the operations that use it, for test names and messages. */
function schemaTable(pick: (row: OperationRow) => (string | undefined)[]): [string, string[]][] {
  const table = new Map<string, string[]>();
  for (const row of operationTable) {
    for (const pointer of pick(row)) {
      if (pointer === undefined) continue;
      const ids = table.get(pointer) ?? [];
      if (!ids.includes(row.id)) table.set(pointer, [...ids, row.id]);
    }
  }
  return [...table];
}

const responseSchemas = schemaTable((row) =>
  [row.success, ...row.errors].filter((response) => response.mediaType === "application/json").map((response) => response.schemaPointer),
);
// Multipart uploads carry bytes, not JSON: their schemas describe form fields and are checked by
// the upload tests, not here.
const requestSchemas = schemaTable((row) => [row.requestBody?.mediaType === "application/json" ? row.requestBody.schemaPointer : undefined]);

const successSchemas = new Set(operationTable.map((row) => (row.success.mediaType === "application/json" ? row.success.schemaPointer : undefined)));

/**
 * The validator whose findings the client splits into drift and breakage: for a 2xx schema the
 * very module `validateResponses` loads (the `validate` export of generated/validators/<Name>.js); for an error schema
 * (ZoomError), which the client never validates, Ajv over the contract with object schemas
 * closed from that schema down, the way the modules are compiled.
 */
const responseValidators = new Map<string, Promise<ResponseValidator>>();
function responseValidator(pointer: string): Promise<ResponseValidator> {
  let validate = responseValidators.get(pointer);
  if (validate === undefined) {
    const name = componentName(pointer);
    validate = successSchemas.has(pointer)
      ? (import(new URL(`../../generated/validators/${name}.js`, import.meta.url).href) as Promise<{ validate: ResponseValidator }>).then((module) => module.validate)
      : Promise.resolve(compileSchema(createOpenApiAjv(closeObjectSchemas(document, name), { verbose: true }), name) as ResponseValidator);
    responseValidators.set(pointer, validate);
  }
  return validate;
}
const requestAjv = createOpenApiAjv(document);

/** Checks each site with its own seeded property; every failing site is reported, not only the first. */
async function checkSites(sites: readonly MutationSite[], check: (site: MutationSite) => Promise<void>): Promise<void> {
  const failures: string[] = [];
  for (const site of sites) {
    await check(site).catch((error: unknown) => failures.push(`${site.kind} ${site.instancePath || "(body)"} ${site.detail}: ${(error as Error).message.split("\n").slice(0, 3).join(" | ")}`));
  }
  expect(failures).toEqual([]);
}

describe("the schema tables", () => {
  it("hold every JSON response and request schema the operations use", () => {
    expect(responseSchemas.length).toBeGreaterThan(20);
    expect(responseSchemas.map(([pointer]) => pointer)).toEqual(expect.arrayContaining([WEBINAR, componentPointer("ZoomError")]));
    expect(requestSchemas.length).toBeGreaterThan(15);
    const uses = new Set([...responseSchemas, ...requestSchemas].flatMap(([, ids]) => ids));
    expect(uses.size).toBe(operationTable.length);
  });
});

describe.each(responseSchemas.map(([pointer, ids]) => [componentName(pointer), pointer, ids] as const))("response schema %s", (_, pointer, ids) => {
  const sites = mutationSites(document, pointer);

  it(`generated bodies (with fields the contract does not name) are valid for ${ids.length} operation(s); the extra fields are drift, nothing breaks`, async () => {
    const validate = await responseValidator(pointer);
    await checkProperty(
      fc.asyncProperty(schemaArbitrary(document, pointer, { extraProperties: true }), async (body) => {
        const { mismatches, drift } = checkResponse(validate, body);
        expect(mismatches).toEqual([]);
        expect(drift.filter((found) => found.kind !== "unknown-field")).toEqual([]);
      }),
      SCHEMA_RUNS,
    );
  });

  it("a value outside an enum is drift at its place, every other mutation breakage at its place", async () => {
    const validate = await responseValidator(pointer);
    await checkSites(sites, async (site) => {
      const bodies = schemaArbitrary(document, pointer, { force: site.steps });
      await checkProperty(
        fc.asyncProperty(bodies, site.replacement ?? fc.constant(undefined), async (body, replacement) => {
          const { mismatches, drift } = checkResponse(validate, applyMutation(body, site, replacement));
          if (site.kind === "enum") {
            expect(mismatches).toEqual([]);
            expect(drift.map((found) => [found.kind, found.pointer])).toEqual([["enum", site.instancePath]]);
          } else {
            expect(mismatches.length, "mismatches reported").toBeGreaterThan(0);
            expect(mismatches.map((mismatch) => mismatch.instancePath)).toEqual(mismatches.map(() => site.instancePath));
          }
        }),
        SITE_RUNS,
      );
    });
  });
});

describe.each(requestSchemas.map(([pointer, ids]) => [componentName(pointer), pointer, ids] as const))("request schema %s", (_, pointer, ids) => {
  const sites = mutationSites(document, pointer);

  it(`generated bodies are accepted by the schema ${ids.join(", ")} sends`, async () => {
    const validate = compileSchema(requestAjv, pointer);
    await checkProperty(
      fc.asyncProperty(schemaArbitrary(document, pointer), async (body) => {
        expect(validate(body) ? [] : formatAjvErrors(validate.errors)).toEqual([]);
      }),
      SCHEMA_RUNS,
    );
  });

  if (sites.length > 0) {
    it(`refuses every value past a limit (${[...new Set(sites.map((site) => site.kind))].join(", ")}) at its place, the value just past a bound included`, async () => {
      const validate = compileSchema(requestAjv, pointer);
      const refusedAt = (body: unknown, site: MutationSite): void => {
        expect(validate(body), "accepted").toBe(false);
        // Where the limit is: the value itself, or for a missing property the object holding it.
        expect((validate.errors ?? []).map((error) => error.instancePath)).toContain(site.instancePath);
      };
      await checkSites(sites, async (site) => {
        const bodies = schemaArbitrary(document, pointer, { force: site.steps });
        await checkProperty(
          fc.asyncProperty(bodies, site.replacement ?? fc.constant(undefined), async (body, replacement) => {
            refusedAt(applyMutation(body, site, replacement), site);
            if (site.boundary !== undefined) refusedAt(applyMutation(body, site, site.boundary), site);
          }),
          SITE_RUNS,
        );
      });
    });
  }
});

describe("request limits read from the contract", () => {
  it("include maxLength, maximum and enum sites to break", () => {
    const kinds = new Set(requestSchemas.flatMap(([pointer]) => mutationSites(document, pointer).map((site) => site.kind)));
    expect([...kinds]).toEqual(expect.arrayContaining(["maxLength", "range", "enum", "maxItems", "required", "type"]));
  });
});
