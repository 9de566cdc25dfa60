// npm run contract:live against a loopback fake of Zoom (token endpoint + API) that answers every
// GET operation with the contract's own example, then with a webinar that has drifted from the
// contract. The fake records every request it receives: the check sends GETs and the token
// request, nothing else.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as generated from "../../generated/operations.js";
import {
  EXIT_MISMATCH,
  EXIT_NOT_CHECKED,
  EXIT_OK,
  ID_VARIABLES,
  OPTIONAL_ID_VARIABLES,
  planChecks,
  readOperations,
  REQUIRED_VARIABLES,
  runLiveCheck,
  type ReadOperation,
} from "../../tools/live-check/index.js";
import { responseExamples } from "../../tools/mock/examples.js";
import { followRefs } from "../../tools/spec/refs.js";
import { escapeSegment, getAt, parsePointer } from "../../src/util/json-pointer.js";
import { json, startFakeZoom, type FakeZoom, type Responder } from "../client/support/fake-zoom.js";
import { recurringWebinar } from "../client/support/spec-examples.js";
import { loadBundledContract } from "./support/contract.js";
import { repoRoot } from "../support/spec.js";
import { npmScriptArgs } from "../../tools/tooling/npm-script.js";

const CLIENT_ID = "live-client-Qm2";
const CLIENT_SECRET = "live-s3cr3t-Vb81-never-print";
const TOKEN = "live-tok-7Hq29xLpZ";
const MASTER_ACCOUNT = "master-Live-01";
const TARGET_ACCOUNT = "sub-Live-ABC";
const WEBINAR_ID = "97871060099";
const OPTIONAL_IDS = { ZOOM_USER_ID: "user-Live-1", ZOOM_WEBINAR_UUID: "uuid-Live-1", ZOOM_REGISTRANT_ID: "reg-Live-1", ZOOM_POLL_ID: "poll-Live-1" };

const document = loadBundledContract();
/** The GET operations as the contract lists them (not as the generated module does). */
const contractGets = Object.entries(document.paths).flatMap(([template, item]) => {
  const get = (item as { get?: { operationId: string } }).get;
  return get === undefined ? [] : [{ id: get.operationId, template }];
});

let fake: FakeZoom;

beforeEach(async () => {
  fake = await startFakeZoom();
  fake.token(json(200, { access_token: TOKEN, token_type: "bearer", expires_in: 3599, scope: "webinar:read:webinar:master" }));
});

afterEach(async () => {
  await fake.close();
});

function liveEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    ZOOM_ACCOUNT_ID: MASTER_ACCOUNT,
    ZOOM_CLIENT_ID: CLIENT_ID,
    ZOOM_CLIENT_SECRET: CLIENT_SECRET,
    ZOOM_TARGET_ACCOUNT_ID: TARGET_ACCOUNT,
    ZOOM_WEBINAR_ID: WEBINAR_ID,
    ZOOM_BASE_URL: fake.baseUrl,
    ZOOM_TOKEN_URL: fake.tokenUrl,
    ...overrides,
  };
}

/**
 * Answers each GET operation's path with the contract's 200 example, except those in
 * `overrides` (by operationId); any other request gets a 405.
 */
function zoomAnswering(overrides: Record<string, unknown> = {}): Responder {
  const routes = contractGets.map(({ id, template }) => {
    const pattern = new RegExp(`^/v2${template.replace(/\{\w+\}/g, "[^/?]+")}(?:\\?.*)?$`);
    return { id, pattern, body: id in overrides ? overrides[id] : okExample(template), params: template.split("{").length };
  });
  // A literal segment wins over a parameter, as on Zoom: `/registrants/questions` is not a registrant.
  routes.sort((a, b) => a.params - b.params);
  return (res, req) => {
    const route = req.method === "GET" ? routes.find((r) => r.pattern.test(req.rawUrl)) : undefined;
    if (route === undefined) return json(405, { code: 0, message: `fake: no ${req.method} ${req.rawUrl}` })(res, req);
    json(200, route.body)(res, req);
  };
}

/** The 200 answer's example in the contract: its first named one, or its single `example`. */
function okExample(template: string): unknown {
  const named = responseExamples(document, template, "get").find((e) => e.status === 200);
  if (named !== undefined) return named.value;
  const response = getAt(document, parsePointer(`/paths/${escapeSegment(template)}/get/responses/200`));
  const resolved = followRefs(document, response).node as { content?: Record<string, { example?: unknown }> } | undefined;
  const single = resolved?.content?.["application/json"]?.example;
  if (single === undefined) throw new Error(`GET ${template} has no 200 example`);
  return single;
}

/** The contract's own example, drifted the way Zoom's answers drift. */
function driftedWebinar(): Record<string, unknown> {
  const webinar = recurringWebinar() as Record<string, unknown>;
  webinar.duration = "60";
  (webinar.recurrence as Record<string, unknown>).type = 4;
  (webinar.settings as Record<string, unknown>).brand_new_setting = true;
  webinar.webinar_labels = [{ name: "internal" }];
  return webinar;
}

async function run(env: Record<string, string | undefined>, extra: { allowWrites?: boolean; operations?: ReadOperation[] } = {}) {
  const lines: string[] = [];
  const code = await runLiveCheck({ env, out: (line) => lines.push(line), err: (line) => lines.push(line), ...extra });
  return { code, lines, text: lines.join("\n") };
}

/** The line of one operation (`✓ getWebinar …`, `- listWebinars skipped …`). */
function lineOf(lines: readonly string[], id: string): string | undefined {
  return lines.find((line) => line.split(/\s+/)[1] === id);
}

/** Data rows of the table printed under the line containing `title` (cells split on 2+ spaces). */
function tableAfter(lines: readonly string[], title: string): string[][] {
  const start = lines.findIndex((line) => line.includes(title));
  if (start < 0) return [];
  const rows: string[][] = [];
  // The title line, then the header and its rule, then rows at the table's indent.
  for (const line of lines.slice(start + 3)) {
    if (!/^ {4}\S/.test(line) || / drift \(/.test(line)) break;
    rows.push(line.trim().split(/ {2,}/));
  }
  return rows;
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(CLIENT_SECRET);
  expect(text).not.toContain(TOKEN);
}

describe("which operations contract:live calls", () => {
  it("every GET operation of the contract, and no other", () => {
    expect(readOperations().map((fn) => fn.operation.id)).toEqual(contractGets.map((get) => get.id).sort());
    expect(readOperations().every((fn) => fn.operation.method === "GET")).toBe(true);
  });

  it("has an environment variable for every path parameter of a GET operation, each one listed as required or optional", () => {
    const parameters = new Set(readOperations().flatMap((fn) => fn.operation.pathParams));
    expect([...parameters].sort()).toEqual(Object.keys(ID_VARIABLES).sort());
    expect(Object.values(ID_VARIABLES).sort()).toEqual(
      [...OPTIONAL_ID_VARIABLES, ...REQUIRED_VARIABLES.filter((name) => Object.values(ID_VARIABLES).includes(name as never))].sort(),
    );
  });

  it("refuses to plan a write operation, whatever list it is handed", () => {
    expect(() => planChecks({ accountId: "a", userId: "u" }, [generated.createWebinar as unknown as ReadOperation])).toThrow(/GET operations only; createWebinar is POST/);
  });
});

describe("contract:live against a fake Zoom that answers with the contract's examples", () => {
  it("with every id set, calls each GET operation once, sends only GETs and the token request, and exits 0", async () => {
    fake.api(zoomAnswering());
    const { code, lines, text } = await run(liveEnv(OPTIONAL_IDS));

    expect(code, text).toBe(EXIT_OK);
    for (const { id } of contractGets) expect(lineOf(lines, id), id).toMatch(/^✓ \S+ +GET \/accounts\/sub-Live-ABC\/\S* → 200, matches the \w+ schema$/);
    expect(lines.at(-1)).toBe(`contract:live: OK: 0 break the contract, ${contractGets.length} match (0 with drift), 0 not checked, 0 skipped`);

    // What arrived on the wire: the token request (POST, as OAuth has it) and one GET per operation.
    expect(fake.tokenRequests.map((request) => request.method)).toEqual(["POST"]);
    expect(new Set(fake.apiRequests.map((request) => request.method))).toEqual(new Set(["GET"]));
    expect(fake.apiRequests).toHaveLength(contractGets.length);
    expect(fake.apiRequests.map((request) => request.rawUrl)).toContain(`/v2/accounts/${TARGET_ACCOUNT}/webinars/${WEBINAR_ID}/polls/${OPTIONAL_IDS.ZOOM_POLL_ID}`);
    expect(fake.apiRequests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expectNoSecrets(text);
  });

  it("without the optional ids, names what each skipped operation needs and calls only the others", async () => {
    fake.api(zoomAnswering());
    const { code, lines } = await run(liveEnv());

    const needs: Record<string, string> = {};
    for (const entry of planChecks({ accountId: "a", webinarId: "w" })) if (entry.kind === "skip") needs[entry.operation.operation.id] = entry.needs.join(", ");
    expect(Object.keys(needs).sort()).toEqual(["getWebinarPoll", "getWebinarRegistrant", "listWebinarAbsentees", "listWebinarTemplates", "listWebinars"]);
    for (const [id, variable] of Object.entries(needs)) expect(lineOf(lines, id)).toMatch(new RegExp(`^- ${id} +skipped: needs ${variable}$`));
    expect(needs.listWebinars).toBe("ZOOM_USER_ID");
    expect(needs.listWebinarAbsentees).toBe("ZOOM_WEBINAR_UUID");

    expect(fake.apiRequests).toHaveLength(contractGets.length - 5);
    expect(code).toBe(EXIT_OK);
    expect(lines.at(-1)).toMatch(/ 0 not checked, 5 skipped$/);
  });
});

describe("contract:live against a drifted webinar", () => {
  it("lists the breakage and the drift of that operation, the others still match, and exits 1", async () => {
    fake.api(zoomAnswering({ getWebinar: driftedWebinar() }));
    const { code, lines, text } = await run(liveEnv());

    expect(code).toBe(EXIT_MISMATCH);
    expect(lineOf(lines, "getWebinar")).toMatch(/^✗ getWebinar +GET \/accounts\/sub-Live-ABC\/webinars\/97871060099 → 200, 1 mismatch with the Webinar schema:$/);
    expect(tableAfter(lines, "1 mismatch with the Webinar schema")).toEqual([["/duration", "integer", '"60"']]);
    expect(tableAfter(lines, "drift (allowed by the client")).toEqual([
      ["/recurrence/type", "outside the enum (one of 1, 2, 3)", "4"],
      ["/settings/brand_new_setting", "undocumented field", "boolean"],
      ["/webinar_labels", "undocumented field", "array"],
    ]);
    expect(lineOf(lines, "getWebinarBranding")).toMatch(/^✓ /);
    expect(lines.at(-1)).toBe(`contract:live: FAIL: 1 breaks the contract, ${contractGets.length - 6} match (0 with drift), 0 not checked, 5 skipped`);
    expectNoSecrets(text);
  });

  it("never prints the secret or the token, even when Zoom's body quotes them", async () => {
    const webinar = driftedWebinar();
    webinar.agenda = [`Bearer ${TOKEN}`, CLIENT_SECRET];
    webinar.start_url = 12345;
    webinar.debug_echo = TOKEN;
    fake.api(zoomAnswering({ getWebinar: webinar }));
    const { code, lines, text } = await run(liveEnv());

    expect(code).toBe(EXIT_MISMATCH);
    expectNoSecrets(text);
    const rows = tableAfter(lines, "with the Webinar schema");
    expect(rows).toContainEqual(["/agenda", "string", '["Bearer [redacted]","[redacted]"]']);
    // The start link lets the host in: a mismatch there shows the type, not the value.
    expect(rows).toContainEqual(["/start_url", "string", "(integer, not shown)"]);
    // Undocumented fields show only their type, whatever they hold.
    expect(tableAfter(lines, "drift (allowed by the client")).toContainEqual(["/debug_echo", "undocumented field", "string"]);
  });

  it("exits 0 when the answers only drift (undocumented fields do not fail), and counts them", async () => {
    const webinar = recurringWebinar() as Record<string, unknown>;
    webinar.brand_new_field = "x";
    fake.api(zoomAnswering({ getWebinar: webinar }));
    const { code, lines } = await run(liveEnv());
    expect(code).toBe(EXIT_OK);
    expect(lineOf(lines, "getWebinar")).toMatch(/→ 200, matches the Webinar schema$/);
    expect(tableAfter(lines, "drift (allowed by the client")).toEqual([["/brand_new_field", "undocumented field", "string"]]);
    expect(lines.at(-1)).toMatch(/^contract:live: OK: 0 break the contract, \d+ match \(1 with drift\)/);
  });
});

describe("contract:live when calls fail", () => {
  it("exits 2 without printing the secret when Zoom refuses the credentials, every operation not checked", async () => {
    fake.token(json(401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }));
    const { code, lines, text } = await run(liveEnv());
    expect(code).toBe(EXIT_NOT_CHECKED);
    expect(lineOf(lines, "getWebinar")).toMatch(/^! getWebinar +GET \S+ → not checked: /);
    expect(lines.at(-1)).toBe(`contract:live: INCOMPLETE: 0 break the contract, 0 match (0 with drift), ${contractGets.length - 5} not checked, 5 skipped`);
    expectNoSecrets(text);
    expect(fake.apiRequests).toHaveLength(0);
  });

  it("exits 2 when one operation answers with an error, and checks the rest", async () => {
    const answer = zoomAnswering();
    fake.api((res, req) => (req.rawUrl.endsWith("/survey") ? json(404, { code: 3001, message: "No survey." })(res, req) : answer(res, req)));
    const { code, lines } = await run(liveEnv());
    expect(code).toBe(EXIT_NOT_CHECKED);
    expect(lineOf(lines, "getWebinarSurvey")).toMatch(/^! getWebinarSurvey +GET \S+\/survey → not checked: .*404/);
    expect(lineOf(lines, "getWebinar")).toMatch(/^✓ /);
  });
});

describe("contract:live --allow-writes", () => {
  it("is refused before anything is sent, with exit 2", async () => {
    fake.api(zoomAnswering());
    const { code, lines } = await run(liveEnv(OPTIONAL_IDS), { allowWrites: true });
    expect(code).toBe(EXIT_NOT_CHECKED);
    expect(lines).toEqual(["contract:live: --allow-writes: write operations are not available; this check calls GET operations only. Nothing was sent."]);
    expect(fake.tokenRequests).toHaveLength(0);
    expect(fake.apiRequests).toHaveLength(0);
  });
});

describe("contract:live without credentials", () => {
  it("names every missing variable and exits 0 as skipped", async () => {
    const { code, lines } = await run({});
    expect(code).toBe(EXIT_OK);
    expect(lines[0]).toBe(`contract:live: skipped — set ${REQUIRED_VARIABLES.join(", ")} to check a real webinar against the contract`);
    for (const name of OPTIONAL_ID_VARIABLES) expect(lines[1]).toContain(name);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it("names only the missing ones, and not the secret that was given", async () => {
    const { code, lines, text } = await run(liveEnv({ ZOOM_WEBINAR_ID: "", ZOOM_TARGET_ACCOUNT_ID: undefined }));
    expect(code).toBe(EXIT_OK);
    expect(lines[0]).toBe("contract:live: skipped — set ZOOM_TARGET_ACCOUNT_ID, ZOOM_WEBINAR_ID to check a real webinar against the contract");
    expectNoSecrets(text);
  });
});

describe("npm run contract:live (the script)", () => {
  const execFileAsync = promisify(execFile);
  // Never the developer's real credentials: the child sees only what the test sets.
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ZOOM_")));

  // The one spawned run: --allow-writes and missing variables are the in-process cases above.
  it(
    "exits 1 with the table on stdout against the drifted fake, without the secret",
    async () => {
      fake.api(zoomAnswering({ getWebinar: driftedWebinar() }));
      const drifted = await execFileAsync(process.execPath, npmScriptArgs("contract:live"), { cwd: repoRoot, env: { ...baseEnv, ...liveEnv() }, timeout: 30_000 }).then(
        () => ({ code: 0, stdout: "", stderr: "" }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
      );
      expect(drifted.code).toBe(EXIT_MISMATCH);
      expect(drifted.stdout).toMatch(/\/duration\s+integer\s+"60"/);
      expectNoSecrets(drifted.stdout + drifted.stderr);
    },
    90_000,
  );
});
