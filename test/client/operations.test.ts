// Every operation of the contract, one round trip each over loopback: the generated function is
// called with the contract's parameter and request examples, and the test reads back exactly
// what reached the server (method, path with its encoding, query string, headers, body) and what
// the call resolved to. The table comes from generated/openapi.json, so nothing here names a
// field or an operation except the encoding cases.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as ops from "../../src/index.js";
import { createZoomClient, getWebinar, type OperationDescriptor, type ZoomClient } from "../../src/index.js";
import { getWebinar as generatedGetWebinar } from "../../generated/operations.js";
import { exampleParams, loadContract, operationRows, TINY_PNG, type OperationRow } from "../support/contract-operations.js";
import { json, startFakeZoom, type FakeZoom, type Responder } from "./support/fake-zoom.js";

const document = loadContract();
const rows = operationRows(document);

// The two multipart uploads are rows like the others: their body is the smallest PNG, as a Blob.
const uploads = rows.filter((row) => row.requestBody?.mediaType === "multipart/form-data");

type AnyOperation = ((client: ZoomClient, params: unknown, bodyOrOptions?: unknown, options?: unknown) => Promise<unknown>) & {
  operation: OperationDescriptor;
};

// The package exports getWebinar as its camelCase wrapper (the signature it had before the
// generated operations); the table calls the generated one, and the wrapper is checked below.
const functions: Record<string, unknown> = { ...ops, getWebinar: generatedGetWebinar };

function operationFunction(id: string): AnyOperation {
  const found = functions[id];
  if (typeof found !== "function") throw new Error(`src/index.ts exports no function ${id}`);
  return found as AnyOperation;
}

/** Calls the generated function with `(client, params, body)` or `(client, params)`, as it takes. */
function call(row: OperationRow, client: ZoomClient, params: unknown, body?: unknown): Promise<unknown> {
  const fn = operationFunction(row.id);
  return row.requestBody === undefined ? fn(client, params) : fn(client, params, body);
}

// Zoom wants a webinar instance UUID encoded twice when it starts with `/` or contains `//`.
const UUID_PARAMETERS = new Set(["webinarId", "WebinarUUID"]);

function encodedPathValue(name: string, value: unknown): string {
  const text = String(value);
  const once = encodeURIComponent(text);
  return UUID_PARAMETERS.has(name) && (text.startsWith("/") || text.includes("//")) ? encodeURIComponent(once) : once;
}

/** The request target Zoom would see for `params`: `/v2` + the template filled in + the query in contract order. */
function expectedTarget(row: OperationRow, params: Record<string, unknown>): string {
  const path = row.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodedPathValue(name, params[name]));
  const query = row.parameters
    .filter((parameter) => parameter.in === "query" && params[parameter.name] !== undefined)
    .map((parameter) => `${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(params[parameter.name]))}`)
    .join("&");
  return `/v2${path}${query === "" ? "" : `?${query}`}`;
}

function successResponder(row: OperationRow): { responder: Responder; expected: unknown } {
  const example = row.success.examples[0];
  if (row.success.mediaType === undefined) {
    return {
      responder: (res) => {
        res.writeHead(row.success.status);
        res.end();
      },
      expected: undefined,
    };
  }
  if (example === undefined) throw new Error(`${row.pointer}: the ${row.success.key} response has no example`);
  return { responder: json(row.success.status, example.value), expected: example.value };
}

function requestExample(row: OperationRow): unknown {
  if (row.requestBody === undefined) return undefined;
  // An upload's form: the smallest PNG, as a Blob (the contract gives no example of bytes).
  if (row.requestBody.mediaType === "multipart/form-data") return { file: new Blob([TINY_PNG], { type: "image/png" }) };
  const example = row.requestBody.examples[0];
  if (example === undefined) throw new Error(`${row.pointer}: the request body has no example`);
  return structuredClone(example.value);
}

let fake: FakeZoom;
let client: ZoomClient;
beforeAll(async () => {
  fake = await startFakeZoom();
  client = createZoomClient({ baseUrl: fake.baseUrl, accessToken: "t", retry: { retries: 0 } });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.apiRequests.length = 0;
});

describe("the operation table", () => {
  it("holds every operation of the contract, each exported under its operationId", () => {
    expect(rows).toHaveLength(45);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) expect(typeof (ops as Record<string, unknown>)[row.id], row.id).toBe("function");
  });

  it("includes the two multipart uploads", () => {
    expect(uploads.map((row) => row.id).sort()).toEqual(["uploadWebinarBrandingVirtualBackground", "uploadWebinarBrandingWallpaper"]);
  });
});

describe.each(rows.map((row) => [row.id, row] as const))("%s", (_, row) => {
  const params = exampleParams(row);
  const pathNames = row.parameters.filter((p) => p.in === "path").map((p) => p.name);

  it("is described as the contract says (method, path, parameters, body, success status)", () => {
    const descriptor = operationFunction(row.id).operation;
    expect(descriptor).toMatchObject({ id: row.id, method: row.method, path: row.path, success: row.success.status });
    expect([...descriptor.pathParams].sort()).toEqual([...pathNames].sort());
    expect([...descriptor.query].sort()).toEqual(row.parameters.filter((p) => p.in === "query").map((p) => p.name).sort());
    expect(descriptor.body).toBe(row.requestBody === undefined ? undefined : row.requestBody.mediaType === "multipart/form-data" ? "multipart" : "json");
  });

  it(`sends ${row.method} ${row.path} with the contract's examples and resolves to the ${row.success.key} answer`, async () => {
    const { responder, expected } = successResponder(row);
    const body = requestExample(row);
    fake.api(responder);
    const result = await call(row, client, { ...params }, body);

    expect(fake.apiRequests).toHaveLength(1);
    const [request] = fake.apiRequests;
    if (request === undefined) throw new Error("no request arrived");
    expect(request.method).toBe(row.method);
    expect(request.rawUrl).toBe(expectedTarget(row, params));
    expect(request.headers.authorization).toBe("Bearer t");
    if (row.requestBody === undefined) {
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.body).toBe("");
    } else if (row.requestBody.mediaType === "multipart/form-data") {
      const contentType = request.headers["content-type"] ?? "";
      expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
      // Read back as a server would: one part, `file`, a PNG with exactly the bytes sent.
      const form = await new Response(new Uint8Array(request.bytes), { headers: { "content-type": contentType } }).formData();
      expect(Array.from(form as unknown as Iterable<[string, unknown]>, ([name]) => name)).toEqual(["file"]);
      const file = form.get("file");
      expect(file).toBeInstanceOf(Blob);
      expect((file as File).type).toBe("image/png");
      expect(Buffer.from(await (file as File).arrayBuffer()).equals(TINY_PNG)).toBe(true);
    } else {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.body).toBe(JSON.stringify(body));
    }
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toEqual(expected);
  });

  it("refuses an unknown parameter with a TypeError, before any request", async () => {
    await expect(call(row, client, { ...params, not_a_parameter: "x" }, requestExample(row))).rejects.toThrow(TypeError);
    expect(fake.apiRequests).toHaveLength(0);
  });

  it.each(pathNames)("refuses a missing path parameter %s with a TypeError, before any request", async (name) => {
    const without: Record<string, unknown> = { ...params };
    delete without[name];
    await expect(call(row, client, without, requestExample(row))).rejects.toThrow(new RegExp(`\`${name}\``));
    await expect(call(row, client, without, requestExample(row))).rejects.toThrow(TypeError);
    expect(fake.apiRequests).toHaveLength(0);
  });

  if (row.requestBody !== undefined) {
    it.each([
      ["an array", []],
      ["a string", "{}"],
      ["null", null],
      ["no body", undefined],
    ])("refuses %s as the body with a TypeError, before any request", async (_, body) => {
      await expect(call(row, client, { ...params }, body)).rejects.toThrow(TypeError);
      expect(fake.apiRequests).toHaveLength(0);
    });
  }
});

describe("path encoding", () => {
  const byId = (id: string): OperationRow => {
    const found = rows.find((row) => row.id === id);
    if (found === undefined) throw new Error(`the contract has no operation ${id}`);
    return found;
  };
  const account = "ABcdEFgh123456789IJklmN";

  it.each([
    ["a UUID starting with / is encoded twice", "getWebinar", { webinarId: "/abc==" }, `/v2/accounts/${account}/webinars/%252Fabc%253D%253D`],
    ["a UUID holding // is encoded twice", "listWebinarAbsentees", { WebinarUUID: "ab//c+d==" }, `/v2/accounts/${account}/past_webinars/ab%252F%252Fc%252Bd%253D%253D/absentees`],
    ["a UUID with a single inner / is encoded once", "listWebinarAbsentees", { WebinarUUID: "Bznyg8KZTdCVbQxvS/oZ7w==" }, `/v2/accounts/${account}/past_webinars/Bznyg8KZTdCVbQxvS%2FoZ7w%3D%3D/absentees`],
    ["a numeric webinar ID is written as digits", "listWebinarPanelists", { webinarId: 97871060099 }, `/v2/accounts/${account}/webinars/97871060099/panelists`],
    ["a registrant ID with reserved characters is encoded once", "getWebinarRegistrant", { webinarId: "1", registrantId: "a/b?c#d" }, `/v2/accounts/${account}/webinars/1/registrants/a%2Fb%3Fc%23d`],
  ])("%s", async (_, id, override, target) => {
    const row = byId(id);
    // Only the path: the query of the contract's examples is checked by the table above.
    const params: Record<string, unknown> = { accountId: account, ...override };
    for (const parameter of row.parameters) if (parameter.in === "path" && params[parameter.name] === undefined) params[parameter.name] = parameter.example;
    fake.api(successResponder(row).responder);
    await call(row, client, params);
    expect(fake.apiRequests.map((request) => request.rawUrl)).toEqual([target]);
  });
});

describe("getWebinar as the package exports it (camelCase parameters)", () => {
  const row = rows.find((candidate) => candidate.id === "getWebinar");
  if (row === undefined) throw new Error("the contract has no getWebinar");
  const params = exampleParams(row);

  it("sends the same request as the generated operation", async () => {
    fake.api(successResponder(row).responder);
    await getWebinar(client, {
      accountId: String(params.accountId),
      webinarId: String(params.webinarId),
      occurrenceId: String(params.occurrence_id),
      showPreviousOccurrences: params.show_previous_occurrences === true,
    });
    expect(fake.apiRequests.map((request) => request.rawUrl)).toEqual([expectedTarget(row, params)]);
  });

  it("refuses a key it does not take (Zoom's snake_case name here) with a TypeError, before any request", async () => {
    const misspelt = { accountId: "a", webinarId: "1", occurrence_id: "1648194360000" } as unknown as Parameters<typeof getWebinar>[1];
    await expect(getWebinar(client, misspelt)).rejects.toThrow(/unknown parameter `occurrence_id`/);
    expect(fake.apiRequests).toHaveLength(0);
  });
});
