// A small OpenAPI 3.1 document shaped like the real one (path-level $ref parameter, response
// schema behind $refs, error bodies, rate-limit header, OAuth scopes, a request body extending a
// shared schema through allOf, an upload media type), plus JSON-pointer edits so each test
// states its change as data.
import { dereferenceText, diffSpecs, type Change, type JsonObject, type JsonValue } from "../../tools/contract-diff/index.js";

export const OP = "GET /things/{thingId}";
export const BODY = "responses/200/application/json";
/** The operation with a request body; its schemas are its own, so response edits never reach it. */
export const POST = "POST /boards/{boardKind}/things";

export function baseSpec(): JsonObject {
  return {
    openapi: "3.1.0",
    info: { title: "Things", version: "1.0.0" },
    security: [{ oauth: ["things:read"] }, { oauth: ["things:all"] }],
    servers: [{ url: "https://api.example.test/v1" }],
    paths: {
      "/things/{thingId}": {
        parameters: [{ $ref: "#/components/parameters/ThingId" }],
        get: {
          operationId: "getThing",
          description: "Reads one thing.",
          parameters: [
            { name: "mode", in: "query", required: false, schema: { type: "string", enum: ["brief", "full"] } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 10 } },
          ],
          responses: {
            "200": {
              description: "OK",
              headers: { "X-Rate-Remaining": { required: true, schema: { type: "integer" } } },
              content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
            },
            "404": { description: "Not found", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          },
        },
      },
      "/boards/{boardKind}/things": {
        post: {
          operationId: "createThing",
          parameters: [
            { name: "boardKind", in: "path", required: true, schema: { type: "string", enum: ["public", "private"] } },
            { name: "X-Thing-Source", in: "header", schema: { type: "string", enum: ["web", "app"] } },
          ],
          requestBody: {
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/NewThing" } },
              "multipart/form-data": { schema: { type: "object", properties: { picture: { type: "string", contentMediaType: "image/png" } } } },
            },
          },
          responses: {
            "201": { description: "Created", content: { "application/json": { schema: { type: "object", properties: { id: { type: "integer" } } } } } },
          },
        },
      },
    },
    components: {
      parameters: {
        ThingId: { name: "thingId", in: "path", required: true, schema: { type: "string", minLength: 1 } },
      },
      schemas: {
        Thing: {
          type: "object",
          description: "A thing.",
          required: ["id", "name"],
          properties: {
            id: { type: "integer", format: "int64" },
            name: { type: "string", maxLength: 50 },
            email: { type: "string", format: "email" },
            status: { type: "string", enum: ["active", "ended"] },
            score: { type: "number" },
            tags: { type: "array", items: { $ref: "#/components/schemas/Tag" } },
            shape: { oneOf: [{ type: "string" }, { type: "integer" }] },
            parent: { $ref: "#/components/schemas/Thing" },
          },
        },
        Tag: { type: "object", properties: { label: { type: "string" } } },
        // Request side, after decision 0002: a request form extends a shared schema through allOf.
        NewThing: {
          type: "object",
          description: "What a caller sends to create a thing.",
          allOf: [{ $ref: "#/components/schemas/ThingCore" }],
          required: ["name"],
          properties: {
            name: { type: "string", minLength: 1, maxLength: 50 },
            kind: { type: "string", enum: ["plain", "fancy"] },
            size: { type: ["integer", "string"] },
            count: { type: "integer", minimum: 0, maximum: 10 },
            code: { type: "string", pattern: "^[a-z]+$" },
            settings: {
              type: "object",
              additionalProperties: false,
              properties: { color: { type: "string" }, legacy: { type: "boolean" }, updated_at: { type: "string", readOnly: true } },
            },
            labels: { type: "array", maxItems: 5, items: { $ref: "#/components/schemas/Label" } },
          },
        },
        ThingCore: { type: "object", properties: { id: { type: "integer", readOnly: true }, note: { type: "string" } } },
        Label: { type: "object", properties: { text: { type: "string" } } },
        Error: { type: "object", required: ["code", "message"], properties: { code: { type: "integer" }, message: { type: "string" } } },
      },
      securitySchemes: {
        oauth: {
          type: "oauth2",
          flows: { clientCredentials: { tokenUrl: "https://auth.example.test/token", scopes: { "things:read": "Read", "things:all": "All" } } },
        },
      },
    },
  };
}

/** Sets (or, with undefined, deletes) the value at an RFC 6901 pointer, creating objects on the way. */
export function edit(doc: JsonObject, pointer: string, value: JsonValue | undefined): void {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = parts.pop();
  if (last === undefined) throw new Error("cannot edit the root");
  let node: JsonValue = doc;
  for (const part of parts) {
    if (typeof node !== "object" || node === null) throw new Error(`${pointer}: ${part} is not in an object`);
    const container: JsonObject | JsonValue[] = node;
    if (Array.isArray(container)) node = container[Number(part)] as JsonValue;
    else node = container[part] ??= {};
  }
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(Number(last), 1);
    else node[Number(last)] = value;
  } else if (typeof node === "object" && node !== null) {
    if (value === undefined) delete node[last];
    else node[last] = value;
  } else {
    throw new Error(`${pointer}: parent is not a container`);
  }
}

export type Edit = [pointer: string, value: JsonValue | undefined];

let derefBase: Promise<JsonObject> | undefined;

/** Changes from the base fixture to the base fixture with `edits` applied, both dereferenced. */
export async function changesAfter(edits: readonly Edit[]): Promise<Change[]> {
  const head = baseSpec();
  for (const [pointer, value] of edits) edit(head, pointer, value);
  derefBase ??= dereferenceText(JSON.stringify(baseSpec()), "/base.json");
  return diffSpecs(await derefBase, await dereferenceText(JSON.stringify(head), "/head.json"));
}

/** `BREAKING kind location` with the operation prefix dropped, for compact expectations. */
export function brief(change: Change): string {
  const location = change.location.startsWith(`${OP} `) ? change.location.slice(OP.length + 1) : change.location;
  return `${change.breaking ? "BREAKING" : "ok"} ${change.kind} ${location}`;
}
