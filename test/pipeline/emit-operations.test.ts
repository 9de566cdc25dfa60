import { readFileSync } from "node:fs";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { emitOperations, OperationsError, readOperations } from "../../tools/pipeline/emit-operations.js";
import { GENERATED_FILES, GENERATED_OPENAPI_JSON, generatedFile, SPEC_ENTRY } from "../../tools/spec/generated-files.js";
import * as generated from "../../generated/operations.js";

const contract = JSON.parse(readFileSync(GENERATED_OPENAPI_JSON, "utf8")) as Record<string, unknown>;

/** A minimal document with one operation; `edit` changes the operation or the document. */
function documentWith(edit: (operation: Record<string, unknown>, document: Record<string, unknown>) => void = () => {}): Record<string, unknown> {
  const operation: Record<string, unknown> = {
    operationId: "getThing",
    summary: "Get a thing",
    parameters: [{ name: "thingId", in: "path", required: true, schema: { type: "string" } }],
    responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
  };
  const document: Record<string, unknown> = {
    openapi: "3.1.0",
    paths: { "/things/{thingId}": { get: operation } },
    components: { schemas: { Thing: { type: "object", properties: { items: { type: "array" } } } } },
  };
  edit(operation, document);
  return document;
}

describe("emit-operations", () => {
  it("describes every operation of the contract as openapi.json has it (method, path, parameters, status)", () => {
    const paths = contract.paths as Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    const expected = Object.entries(paths).flatMap(([path, item]) =>
      ["get", "post", "put", "patch", "delete"].flatMap((method) => {
        const operation = item[method];
        if (operation === undefined) return [];
        const success = Object.keys(operation.responses).find((status) => status.startsWith("2"));
        return [{ id: operation.operationId, method: method.toUpperCase(), path, success: Number(success) }];
      }),
    );
    const exported = Object.values(generated).map(({ operation }) => ({ id: operation.id, method: operation.method, path: operation.path, success: operation.success }));
    expect(exported).toEqual(expected);
    expect(exported).toHaveLength(45);
  });

  it("finds how each list operation pages, and the upload limits, from the contract", () => {
    const pages = Object.fromEntries(Object.values(generated).flatMap(({ operation }) => (operation.page ? [[operation.id, operation.page]] : [])));
    expect(pages.listWebinarRegistrants).toEqual({ items: "registrants", token: true, number: true, maxSize: 300 });
    expect(pages.listWebinarAbsentees).toEqual({ items: "registrants", token: true, number: false, maxSize: 300 });
    expect(pages.listWebinars).toEqual({ items: "webinars", token: false, number: true, maxSize: 300 });
    expect(pages.listWebinarPanelists).toEqual({ items: "panelists", token: false, number: false });
    // Two arrays (questions, custom_questions): not a list to page through.
    expect(pages.listWebinarRegistrationQuestions).toBeUndefined();
    expect(generated.uploadWebinarBrandingWallpaper.operation.upload).toEqual({ field: "file", types: ["image/jpeg", "image/gif", "image/png"], maxBytes: 15 * 1024 * 1024 });
    expect(generated.deleteWebinar.operation).not.toHaveProperty("validator");
  });

  it("writes what the committed generated/operations.ts holds", () => {
    expect(emitOperations(contract, SPEC_ENTRY)).toBe(readFileSync(generatedFile(GENERATED_FILES.operations), "utf8"));
  });

  it.each<[string, (operation: Record<string, unknown>, document: Record<string, unknown>) => void, RegExp]>([
    ["an operationId that is not an identifier", (op) => void (op.operationId = 'x = 1; require("child_process")'), /operationId must be a camelCase identifier/],
    ["no operationId", (op) => void delete op.operationId, /operationId must be a camelCase identifier/],
    ["a path parameter the operation does not declare", (op) => void (op.parameters = []), /path parameter \{thingId\} is not declared/],
    ["a parameter name that is not an identifier", (op) => void (op.parameters = [...(op.parameters as unknown[]), { name: "a'b", in: "query", schema: { type: "string" } }]), /parameter name "a'b"/],
    ["two success responses", (op) => void (op.responses = { ...(op.responses as object), "201": { description: "made" } }), /exactly one 2xx response, found 2/],
    ["an inline success schema", (op) => void (op.responses = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } }), /must be a \$ref to a PascalCase component/],
    ["a schema name that is not PascalCase", (op, doc) => {
      op.responses = { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/../x" } } } } };
      void doc;
    }, /must be a \$ref to a PascalCase component/],
    ["a multipart body without a size limit", (op) => void (op.requestBody = { content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } }, encoding: { file: { contentType: "image/png" } } } } }), /x-max-file-size/],
    ["a request media type the client cannot send", (op) => void (op.requestBody = { content: { "text/csv": { schema: { type: "string" } } } }), /text\/csv are not supported/],
  ])("refuses %s", (_, edit, message) => {
    expect(() => readOperations(documentWith(edit))).toThrow(OperationsError);
    expect(() => readOperations(documentWith(edit))).toThrow(message);
  });

  it("refuses an operationId used twice", () => {
    const document = documentWith((operation, doc) => {
      (doc.paths as Record<string, unknown>)["/other/{thingId}"] = { get: structuredClone(operation) };
    });
    expect(() => readOperations(document)).toThrow(/operationId getThing is used twice/);
  });

  it("keeps a hostile summary inside its comment: the output still parses to the same exports", () => {
    const text = emitOperations(documentWith((op) => void (op.summary = "Ends */ export const evil = 1; /*")), SPEC_ENTRY);
    const { code } = transformSync(text, { loader: "ts", format: "esm" });
    // esbuild drops comments: `evil` survives only if the summary broke out of its comment.
    expect(code).not.toMatch(/evil/);
    expect(code).toMatch(/export \{\s*getThing\s*\}/);
  });

  it("states each operation's type (a list operation's items array as its second argument, paginate accepts those only), as string literals", () => {
    const list = (name: string) =>
      documentWith((op, doc) => {
        op.operationId = "listThings";
        (doc.components as { schemas: Record<string, unknown> }).schemas.Thing = { type: "object", properties: { [name]: { type: "array" } } };
      });
    expect(emitOperations(list("things"), SPEC_ENTRY)).toContain('export const listThings: OperationFunction<"listThings", "things"> = /* @__PURE__ */ defineOperation({');
    expect(emitOperations(documentWith(), SPEC_ENTRY)).toContain('export const getThing: OperationFunction<"getThing"> = /* @__PURE__ */ defineOperation({');
    const hostile = emitOperations(list('a">(0); export const evil = ("'), SPEC_ENTRY);
    const { code } = transformSync(hostile, { loader: "ts", format: "esm" });
    // The name stays inside string literals: no statement declares `evil`.
    expect(code).not.toMatch(/^\s*(export )?const evil/m);
    expect(code).toMatch(/export \{\s*listThings\s*\}/);
  });
});
