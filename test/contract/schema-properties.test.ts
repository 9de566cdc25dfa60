// Property-based contract tests for every JSON schema of every operation, a table read from the
// contract (a new operation's bodies are generated and broken without a line written for it):
// generated response bodies are valid and a mutation is drift or breakage at its place; generated
// request bodies are accepted and every value past a limit is refused at its place.
// The Webinar schema in depth, through getWebinar: properties.test.ts.
//
// Seeded and bounded (support/check-property.ts): FC_SEED picks the runs, FC_SCHEMA_RUNS and
// FC_SITE_RUNS size them.
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { checkResponse, type ResponseValidator } from "../../src/client/response-validator.js";
import { generatedFile, validatorFile } from "../../tools/spec/generated-files.js";
import { closeObjectSchemas, compileSchema, createOpenApiAjv, formatAjvErrors } from "../../tools/spec/openapi-ajv.js";
import { loadContract, operationRows, type OperationRow } from "../support/contract-operations.js";
import { envInteger } from "../support/env.js";
import { loadBundledContract } from "./support/contract.js";
import { checkProperty, seedLine } from "./support/check-property.js";
import { applyMutation, componentPointer, mutationSites, schemaArbitrary, type MutationSite } from "./support/schema-arbitrary.js";

const document = loadBundledContract();
const WEBINAR = componentPointer("Webinar");

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
      ? (import(pathToFileURL(generatedFile(validatorFile(name))).href) as Promise<{ validate: ResponseValidator }>).then((module) => module.validate)
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

beforeAll(() => {
  console.log(seedLine("schema properties", `${SCHEMA_RUNS} bodies per schema, ${SITE_RUNS} per mutation site`));
});

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
