// The `validators` step on minimal inline documents: which schemas get a module, what is
// stripped, what is refused, and that a module behaves as the contract says once written.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponse, type ResponseValidator } from "../../src/client/response-validator.js";
import { emitValidators, stripAnnotations } from "../../tools/pipeline/emit-validators.js";
import { responseSchemaUses, validatedSchemaNames } from "../../tools/spec/response-schemas.js";
import type { OpenApiDocument } from "../../tools/spec/openapi-ajv.js";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** One good document: a 200 through a response $ref, a 201 shared schema, a 204, an error, a non-JSON 200. */
function document(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    paths: {
      "/things/{id}": {
        get: { operationId: "getThing", responses: { "200": { $ref: "#/components/responses/ThingDetails" }, "404": json(ref("Problem")) } },
        delete: { operationId: "deleteThing", responses: { "204": { description: "Gone." } } },
      },
      "/things": {
        post: { operationId: "createThing", responses: { "201": json(ref("Thing")) } },
        get: { operationId: "listThings", responses: { "200": json(ref("ThingList")), "default": json(ref("Problem")) } },
      },
      "/things/{id}/picture": { get: { operationId: "getPicture", responses: { "200": { content: { "image/png": { schema: { type: "string" } } } } } } },
    },
    components: {
      responses: { ThingDetails: { description: "A thing.", ...json(ref("Thing")) } },
      schemas: {
        Thing: {
          type: "object",
          description: "A thing.",
          "x-sources": ["page"],
          properties: {
            // A property called `description` is data, not an annotation.
            description: { type: "string", description: "What the thing is.", example: "a box" },
            kind: { type: "string", enum: ["box", "bag"], "x-enumDescriptions": { box: "A box.", bag: "A bag." } },
            size: { type: "integer", minimum: 0, default: 1, deprecated: true },
            created_at: { type: "string", format: "date-time" },
          },
          example: { description: "a box", kind: "box" },
        },
        ThingList: { type: "object", properties: { things: { type: "array", items: ref("Thing") }, next_page_token: { type: "string" } } },
        Problem: { type: "object", properties: { code: { type: "integer" } } },
      },
    },
  };
}

describe("responseSchemaUses / validatedSchemaNames", () => {
  it("lists every 2xx application/json response (path, then method order), following response $refs, and nothing else", () => {
    expect(responseSchemaUses(document()).map((use) => [use.operation, use.status, use.schema])).toEqual([
      ["getThing", "200", "Thing"],
      ["listThings", "200", "ThingList"],
      ["createThing", "201", "Thing"],
    ]);
    expect(validatedSchemaNames(document())).toEqual(["Thing", "ThingList"]);
  });
});

describe("stripAnnotations", () => {
  it("drops annotations and x-* at any depth but keeps property names and enum values", () => {
    const thing = document().components?.schemas?.Thing;
    expect(stripAnnotations(thing)).toEqual({
      type: "object",
      properties: {
        description: { type: "string" },
        kind: { type: "string", enum: ["box", "bag"] },
        size: { type: "integer", minimum: 0 },
        created_at: { type: "string", format: "date-time" },
      },
    });
  });

  it("keeps data that looks like annotations inside enum and const", () => {
    const schema = { enum: [{ description: "kept" }], const: { "x-kept": true }, items: { title: "dropped", type: "string" } };
    expect(stripAnnotations(schema)).toEqual({ enum: [{ description: "kept" }], const: { "x-kept": true }, items: { type: "string" } });
  });
});

describe("emitValidators", () => {
  let dir: string;
  let files: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "emit-validators-"));
    const result = await emitValidators(document(), { displayFile: "generated/openapi.json" });
    expect(result.problems).toEqual([]);
    files = result.files;
    for (const [file, text] of Object.entries(files)) {
      await writeFile(path.join(dir, path.basename(file)), text);
    }
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const load = async (name: string) => ((await import(pathToFileURL(path.join(dir, `${name}.js`)).href)) as { default: ResponseValidator }).default;

  it("writes a module and a declaration per schema, plus the shared types", () => {
    expect(Object.keys(files).sort()).toEqual(["validators/Thing.d.ts", "validators/Thing.js", "validators/ThingList.d.ts", "validators/ThingList.js", "validators/types.d.ts"]);
    // Descriptions and extensions never reach the emitted code.
    expect(files["validators/Thing.js"]).not.toContain("What the thing is");
    expect(files["validators/Thing.js"]).not.toContain("x-enumDescriptions");
  });

  it("gives the same bytes for the same document", async () => {
    const again = await emitValidators(document(), { displayFile: "generated/openapi.json" });
    expect(again.files).toEqual(files);
  });

  it.each<[string, unknown, { mismatches: string[]; drift: string[] }]>([
    ["Thing", { description: "a box", kind: "box", size: 2, created_at: "2026-01-02T03:04:05Z" }, { mismatches: [], drift: [] }],
    ["Thing", { kind: "crate", colour: "red" }, { mismatches: [], drift: ["enum /kind", "unknown-field /colour"] }],
    ["Thing", { size: -1, created_at: "yesterday", description: 5 }, { mismatches: ["/description must be string", "/size must be >= 0", '/created_at must match format "date-time"'], drift: [] }],
    ["ThingList", { things: [{ kind: "bag", extra: 1 }], next_page_token: "" }, { mismatches: [], drift: ["unknown-field /things/0/extra"] }],
  ])("%s %j → %j", async (name, body, expected) => {
    const { mismatches, drift } = checkResponse(await load(name), body);
    expect({ mismatches: mismatches.map((m) => `${m.instancePath} ${m.message}`).sort(), drift: drift.map((d) => `${d.kind} ${d.pointer}`) }).toEqual({
      mismatches: [...expected.mismatches].sort(),
      drift: expected.drift,
    });
  });

  it("refuses an inline 2xx JSON schema, naming the operation", async () => {
    const inline = document();
    (inline.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)["/things"]!.post!.responses["201"] = json({ type: "object" });
    const result = await emitValidators(inline, { displayFile: "generated/openapi.json", locate: () => ({ file: "openapi/paths/things.yaml", line: 7, column: 9 }) });
    expect(result.files).toEqual({});
    expect(result.problems).toEqual([
      expect.objectContaining({ file: "openapi/paths/things.yaml", line: 7, column: 9, rule: "validators-component-schema", severity: "error", message: expect.stringContaining("createThing 201") }),
    ]);
  });

  it.each(["../Escape", ".hidden", "Name With Space"])("refuses a schema name %j that cannot be a file name", async (name) => {
    const hostile = document();
    hostile.components!.schemas![name] = { type: "object" };
    (hostile.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)["/things"]!.post!.responses["201"] = json(ref(name));
    const result = await emitValidators(hostile, { displayFile: "generated/openapi.json" });
    expect(result.files).toEqual({});
    expect(result.problems.map((p) => p.rule)).toEqual(["validators-component-schema"]);
  });

  it("refuses a $ref to a schema the bundle does not define", async () => {
    const dangling = document();
    (dangling.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)["/things"]!.post!.responses["201"] = json(ref("Missing"));
    const result = await emitValidators(dangling, { displayFile: "generated/openapi.json" });
    expect(result.files).toEqual({});
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining("#/components/schemas/Missing")]);
  });
});
