// npm run contract:live against a loopback fake of Zoom (token endpoint + webinar endpoint)
// whose webinar has drifted from the contract: a field of the wrong type, a value outside its
// enum and fields the contract does not describe.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT_MISMATCH, EXIT_NOT_CHECKED, EXIT_OK, REQUIRED_VARIABLES, runLiveCheck } from "../../tools/live-check/index.js";
import { json, startFakeZoom, type FakeZoom } from "../client/support/fake-zoom.js";
import { recurringWebinar } from "../client/support/spec-examples.js";
import { repoRoot } from "../support/spec.js";

const CLIENT_ID = "live-client-Qm2";
const CLIENT_SECRET = "live-s3cr3t-Vb81-never-print";
const TOKEN = "live-tok-7Hq29xLpZ";
const MASTER_ACCOUNT = "master-Live-01";
const TARGET_ACCOUNT = "sub-Live-ABC";
const WEBINAR_ID = "97871060099";

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

/** The contract's own example, drifted the way Zoom's answers drift. */
function driftedWebinar(): Record<string, unknown> {
  const webinar = recurringWebinar() as Record<string, unknown>;
  webinar.duration = "60";
  (webinar.recurrence as Record<string, unknown>).type = 4;
  (webinar.settings as Record<string, unknown>).brand_new_setting = true;
  webinar.webinar_labels = [{ name: "internal" }];
  return webinar;
}

async function run(env: Record<string, string | undefined>) {
  const lines: string[] = [];
  const code = await runLiveCheck({ env, out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { code, lines, text: lines.join("\n") };
}

/** Data rows of the table printed under the line containing `title` (cells split on 2+ spaces). */
function tableAfter(lines: readonly string[], title: string): string[][] {
  const start = lines.findIndex((line) => line.includes(title));
  if (start < 0) return [];
  const rows: string[][] = [];
  // The title line, then the header and its rule, then rows until a line that is not indented.
  for (const line of lines.slice(start + 3)) {
    if (!line.startsWith("  ")) break;
    rows.push(line.trim().split(/ {2,}/));
  }
  return rows;
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(CLIENT_SECRET);
  expect(text).not.toContain(TOKEN);
}

describe("contract:live against a drifted webinar", () => {
  it("lists every mismatch and every undocumented field, and exits 1", async () => {
    fake.api(json(200, driftedWebinar()));
    const { code, lines, text } = await run(liveEnv());

    expect(code).toBe(EXIT_MISMATCH);
    expect(tableAfter(lines, "between Zoom's answer and the contract")).toEqual([
      ["/duration", "integer", '"60"'],
      ["/recurrence/type", "one of 1, 2, 3", "4"],
    ]);
    expect(tableAfter(lines, "the contract does not describe")).toEqual([
      ["/settings/brand_new_setting", "boolean"],
      ["/webinar_labels", "array"],
    ]);
    expect(lines.at(-1)).toBe("contract:live: FAIL");
    expectNoSecrets(text);

    // It went through the real client: Server-to-Server token, then the Master Account path.
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.tokenRequests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`);
    expect(fake.apiRequests.map((request) => request.rawUrl)).toEqual([`/v2/accounts/${TARGET_ACCOUNT}/webinars/${WEBINAR_ID}`]);
    expect(fake.apiRequests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("never prints the secret or the token, even when Zoom's body quotes them", async () => {
    const webinar = driftedWebinar();
    webinar.agenda = [`Bearer ${TOKEN}`, CLIENT_SECRET];
    webinar.start_url = 12345;
    webinar.debug_echo = TOKEN;
    fake.api(json(200, webinar));
    const { code, lines, text } = await run(liveEnv());

    expect(code).toBe(EXIT_MISMATCH);
    expectNoSecrets(text);
    const rows = tableAfter(lines, "between Zoom's answer and the contract");
    expect(rows).toContainEqual(["/agenda", "string", '["Bearer [redacted]","[redacted]"]']);
    // The start link lets the host in: a mismatch there shows the type, not the value.
    expect(rows).toContainEqual(["/start_url", "string", "(integer, not shown)"]);
    // Undocumented fields show only their type, whatever they hold.
    expect(tableAfter(lines, "the contract does not describe")).toContainEqual(["/debug_echo", "string"]);
  });

  it("exits 0 with no mismatch table when the webinar matches (undocumented fields alone do not fail)", async () => {
    const webinar = recurringWebinar() as Record<string, unknown>;
    webinar.brand_new_field = "x";
    fake.api(json(200, webinar));
    const { code, lines, text } = await run(liveEnv());
    expect(code).toBe(EXIT_OK);
    expect(text).toContain("matches the contract's Webinar schema");
    expect(tableAfter(lines, "the contract does not describe")).toEqual([["/brand_new_field", "string"]]);
    expect(lines.at(-1)).toBe("contract:live: OK");
  });

  it("exits 2 without printing the secret when Zoom refuses the credentials", async () => {
    fake.token(json(401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }));
    const { code, text } = await run(liveEnv());
    expect(code).toBe(EXIT_NOT_CHECKED);
    expect(text).toContain("could not fetch the webinar, nothing was checked");
    expectNoSecrets(text);
    expect(fake.apiRequests).toHaveLength(0);
  });
});

describe("contract:live without credentials", () => {
  it("names every missing variable and exits 0 as skipped", async () => {
    const { code, lines } = await run({});
    expect(code).toBe(EXIT_OK);
    expect(lines[0]).toBe(`contract:live: skipped — set ${REQUIRED_VARIABLES.join(", ")} to check a real webinar against the contract`);
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
  const tsx = path.join(repoRoot, "node_modules/.bin/tsx");
  // Never the developer's real credentials: the child sees only what the test sets.
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ZOOM_")));

  async function script(env: Record<string, string | undefined>) {
    try {
      const { stdout, stderr } = await execFileAsync(tsx, ["scripts/contract-live.ts"], { cwd: repoRoot, env: { ...baseEnv, ...env }, timeout: 30_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
  }

  it(
    "exits 1 with the table on stdout against the drifted fake, and 0 as skipped without variables",
    async () => {
      fake.api(json(200, driftedWebinar()));
      const drifted = await script(liveEnv() as Record<string, string>);
      expect(drifted.code).toBe(EXIT_MISMATCH);
      expect(drifted.stdout).toMatch(/\/duration\s+integer\s+"60"/);
      expectNoSecrets(drifted.stdout + drifted.stderr);

      const skipped = await script({});
      expect(skipped.code).toBe(EXIT_OK);
      expect(skipped.stdout).toContain("contract:live: skipped");
    },
    60_000,
  );
});
