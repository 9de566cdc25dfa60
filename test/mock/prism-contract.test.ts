// Every operation against the Prism mock of the contract (in process, one for the file): the
// generated function, called with the contract's parameter and request examples, is accepted by
// Prism's request validation; each documented success example comes back unchanged and valid
// against the operation's response schema; each documented error example rejects as one
// ZoomApiError with its status and Zoom code. Prism reports what it found wrong with a request
// or with its own answer in the `sl-violations` header: every exchange here must have none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ops from "../../src/index.js";
import { createZoomClient, ZoomApiError, type ResponseDrift, type ZoomClient } from "../../src/index.js";
import { getWebinar as generatedGetWebinar } from "../../generated/operations.js";
import { preferHeader, startPrismMock, type PrismMock } from "../../tools/mock/index.js";
import { exampleParams, loadContract, operationRows, TINY_PNG, type NamedExample, type OperationRow } from "../support/contract-operations.js";

const document = loadContract();
const rows = operationRows(document);
// The two multipart uploads are rows like the others: their body is the smallest PNG, as a Blob.
const uploads = rows.filter((row) => row.requestBody?.mediaType === "multipart/form-data");

// Calls in flight at once per operation: Prism answers in process, on the same two cores.
const CONCURRENCY = 4;

type AnyOperation = (client: ZoomClient, params: unknown, bodyOrOptions?: unknown, options?: unknown) => Promise<unknown>;
// The package's getWebinar is the camelCase wrapper; the generated one takes the table's params.
const functions: Record<string, unknown> = { ...ops, getWebinar: generatedGetWebinar };

interface Exchange {
  /** Drift the client's response validation reported (an enum value or field the contract lacks). */
  drift?: ResponseDrift;
  status: number;
  /** Prism's `sl-violations` header: null when it found nothing wrong with request or response. */
  violations: string | null;
}

interface Case {
  name: string;
  body: unknown;
  prefer: { code: number; example?: string } | undefined;
  check(outcome: { value?: unknown; error?: unknown }, exchanges: Exchange[]): void;
}

let mock: PrismMock;
beforeAll(async () => {
  mock = await startPrismMock();
});
afterAll(async () => {
  await mock.stop();
});

/**
 * A client whose every exchange with the mock is recorded; no retries, so one call is one
 * exchange. Responses are validated by the client (the generated module of each operation's
 * 2xx schema): a body that breaks its schema rejects the call, and drift is recorded.
 */
function recordingClient(exchanges: Exchange[], drifts: ResponseDrift[] = []): ZoomClient {
  return createZoomClient({
    baseUrl: `${mock.baseUrl}${mock.basePath}`,
    accessToken: "t",
    retry: { retries: 0 },
    validateResponses: true,
    onDrift: (drift) => drifts.push(drift),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      exchanges.push({ status: response.status, violations: response.headers.get("sl-violations") });
      return response;
    },
  });
}

interface Violation {
  location?: unknown[];
  severity?: string;
  code?: string;
  message?: string;
}

/**
 * What Prism found wrong, less the one warning the contract asks for: a query parameter the
 * contract marks deprecated (page_number) is still sent, since it has an example, and Prism
 * warns that it is deprecated.
 */
function unexpectedViolations(row: OperationRow, header: string | null): Violation[] {
  if (header === null) return [];
  let found: Violation[];
  try {
    found = JSON.parse(header) as Violation[];
  } catch {
    return [{ message: header }];
  }
  const deprecated = new Set(row.parameters.filter((p) => p.in === "query" && p.deprecated).map((p) => p.name));
  return found.filter((v) => !(v.code === "deprecated" && v.severity === "Warning" && v.location?.[0] === "request" && v.location[1] === "query" && deprecated.has(String(v.location[2]))));
}

async function runCase(row: OperationRow, item: Case): Promise<void> {
  const exchanges: Exchange[] = [];
  const drifts: ResponseDrift[] = [];
  const client = recordingClient(exchanges, drifts);
  const fn = functions[row.id];
  if (typeof fn !== "function") throw new Error(`src/index.ts exports no function ${row.id}`);
  // A lone `example` has no key Prism's `example=` could name: the status alone picks it.
  const prefer = item.prefer?.example === "example" ? { code: item.prefer.code } : item.prefer;
  const options = prefer === undefined ? {} : { headers: { Prefer: preferHeader(prefer) } };
  const params = exampleParams(row);
  const body = row.requestBody?.mediaType === "multipart/form-data" ? item.body : structuredClone(item.body);
  const call = row.requestBody === undefined ? (fn as AnyOperation)(client, params, options) : (fn as AnyOperation)(client, params, body, options);
  const outcome: { value?: unknown; error?: unknown } = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  try {
    expect(exchanges).toHaveLength(1);
    const violations = unexpectedViolations(row, exchanges[0]?.violations ?? null);
    if (violations.length > 0) throw new Error(`Prism's sl-violations: ${JSON.stringify(violations)}`);
    if (outcome.error !== undefined && !(item.prefer !== undefined && item.prefer.code >= 400)) throw new Error(`rejected: ${(outcome.error as Error).message}`);
    // The contract's own examples use only the values and fields it declares.
    expect(drifts, "drift in the contract's own example").toEqual([]);
    item.check(outcome, exchanges);
  } catch (error) {
    throw new Error(`${row.id}, ${item.name}: ${(error as Error).message}`, { cause: error });
  }
}

/** Runs the cases with at most CONCURRENCY in flight; every failure is reported, not only the first. */
async function runAll(row: OperationRow, cases: Case[]): Promise<void> {
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const item = cases[next++] as Case;
      await runCase(row, item).catch((error: unknown) => failures.push((error as Error).message));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases.length) }, worker));
  expect(failures).toEqual([]);
}

/** The request bodies to send: the contract's examples; for an upload, the smallest PNG as a Blob. */
function requestBodies(row: OperationRow): NamedExample[] {
  if (row.requestBody === undefined) return [{ name: "no body", value: undefined }];
  if (row.requestBody.mediaType === "multipart/form-data") return [{ name: "tiny PNG", value: { file: new Blob([TINY_PNG], { type: "image/png" }) } }];
  return row.requestBody.examples;
}

function successCases(row: OperationRow): Case[] {
  const requestExamples = requestBodies(row);
  if (row.requestBody !== undefined && requestExamples.length === 0) throw new Error(`${row.pointer}: the request body has no example`);
  const { success } = row;
  const check = (expected: unknown) => (outcome: { value?: unknown; error?: unknown }, exchanges: Exchange[]) => {
    expect(outcome.error, "the call rejected").toBeUndefined();
    expect(exchanges[0]?.status).toBe(success.status);
    if (success.mediaType === undefined) {
      expect(outcome.value).toBeUndefined();
      return;
    }
    // Returned at all means valid: validateResponses rejects a body that breaks its schema.
    expect(outcome.value).toEqual(expected);
  };
  if (success.mediaType === undefined) {
    return requestExamples.map((request) => ({ name: `request ${request.name} → ${success.key}`, body: request.value, prefer: undefined, check: check(undefined) }));
  }
  if (success.examples.length === 0) throw new Error(`${row.pointer}: the ${success.key} response has no example`);
  const [firstRequest] = requestExamples;
  const [firstResponse] = success.examples;
  const cases: Case[] = [];
  // Each request example once, and each response example once: every example is exercised.
  for (const request of requestExamples) {
    const response = firstResponse as (typeof success.examples)[number];
    cases.push({ name: `request ${request.name} → ${success.key} ${response.name}`, body: request.value, prefer: { code: success.status, example: response.name }, check: check(response.value) });
  }
  for (const response of success.examples.slice(1)) {
    cases.push({ name: `request ${firstRequest?.name} → ${success.key} ${response.name}`, body: firstRequest?.value, prefer: { code: success.status, example: response.name }, check: check(response.value) });
  }
  return cases;
}

/** `status example-value`: the same documented answer, wherever the contract uses it. */
const answerKey = (status: number, value: unknown) => `${status} ${JSON.stringify(value)}`;

/**
 * The operation that sends each distinct error answer first. The 45 operations share their
 * error examples (368 uses of 54 answers): an answer already turned into a ZoomApiError through
 * one operation would go through the same client code again, so each is sent once, by the
 * first operation that documents it.
 */
const firstToSend = new Map<string, string>();
for (const row of rows) {
  for (const response of row.errors) {
    for (const example of response.examples) {
      const key = answerKey(response.status, example.value);
      if (!firstToSend.has(key)) firstToSend.set(key, row.id);
    }
  }
}

/** The error examples this operation sends: those it documents first, else its first one, so every operation rejects at least once. */
function errorsToSend(row: OperationRow) {
  const documented = row.errors.flatMap((response) => response.examples.map((example) => ({ response, example })));
  const own = documented.filter(({ response, example }) => firstToSend.get(answerKey(response.status, example.value)) === row.id);
  return own.length > 0 ? own : documented.slice(0, 1);
}

function errorCases(row: OperationRow): Case[] {
  const body = requestBodies(row)[0]?.value;
  return errorsToSend(row).map(({ response, example }) => {
      const code = (example.value as { code?: unknown }).code;
      // ZoomError requires `code`: an error example without one is a contract bug, not a case to skip.
      if (typeof code !== "number") throw new Error(`${row.pointer}: error example ${example.name} has no numeric code`);
      return {
        name: `${response.key} ${example.name}`,
        body,
        prefer: { code: response.status, example: example.name },
        check(outcome: { value?: unknown; error?: unknown }, exchanges: Exchange[]) {
          expect(exchanges[0]?.status).toBe(response.status);
          expect(outcome.error).toBeInstanceOf(ZoomApiError);
          expect(outcome.error).toMatchObject({ status: response.status, code });
        },
      };
  });
}

describe("the Prism contract test", () => {
  it("covers all 45 operations, the two multipart uploads included", () => {
    expect(rows).toHaveLength(45);
    // Every documented error answer is sent, each by one operation, and every operation sends one.
    const documented = new Set(rows.flatMap((row) => row.errors.flatMap((response) => response.examples.map((example) => answerKey(response.status, example.value)))));
    const sent = rows.flatMap((row) => errorsToSend(row).map(({ response, example }) => answerKey(response.status, example.value)));
    expect(new Set(sent)).toEqual(documented);
    expect(rows.filter((row) => errorsToSend(row).length === 0)).toEqual([]);
    expect(uploads.map((row) => row.id).sort()).toEqual(["uploadWebinarBrandingVirtualBackground", "uploadWebinarBrandingWallpaper"]);
  });

  it("sees a request that breaks the contract: Prism answers the contract's 400 and names the violation", async () => {
    const row = rows.find((candidate) => candidate.id === "createWebinar");
    if (row === undefined) throw new Error("the contract has no createWebinar");
    const exchanges: Exchange[] = [];
    const body = { ...(row.requestBody?.examples[0]?.value as object), topic: 12_345 };
    const error = await (functions.createWebinar as AnyOperation)(recordingClient(exchanges), exampleParams(row), body).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: "ZoomApiError", status: 400 });
    expect(unexpectedViolations(row, exchanges[0]?.violations ?? null)).toEqual([expect.objectContaining({ location: ["request", "body", "topic"], severity: "Error" })]);
  });
  it("validates what the mock returns: the same answer, tampered on the way in, is refused at the broken place", async () => {
    const row = rows.find((candidate) => candidate.id === "listWebinarPanelists");
    if (row === undefined) throw new Error("the contract has no listWebinarPanelists");
    const client = createZoomClient({
      baseUrl: `${mock.baseUrl}${mock.basePath}`,
      accessToken: "t",
      retry: { retries: 0 },
      validateResponses: true,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const body = (await response.json()) as Record<string, unknown>;
        return new Response(JSON.stringify({ ...body, total_records: "many" }), { status: response.status, headers: response.headers });
      },
    });
    const error = await (functions.listWebinarPanelists as AnyOperation)(client, exampleParams(row)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ZoomApiError);
    expect((error as ZoomApiError).mismatches?.map((mismatch) => mismatch.instancePath)).toEqual(["/total_records"]);
  });
});

describe.each(rows.map((row) => [row.id, row] as const))("%s against the mock", (_, row) => {
  it(`accepts the contract's request examples and answers each ${row.success.key} example, unchanged and valid`, async () => {
    await runAll(row, successCases(row));
  });

  it("rejects with ZoomApiError, status and Zoom code for the error examples it is the first to document (at least one)", async () => {
    const cases = errorCases(row);
    expect(cases.length).toBeGreaterThan(0);
    await runAll(row, cases);
  });
});
