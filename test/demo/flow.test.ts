// `npm run demo`'s flow: against a loopback fake of Zoom the exact requests it sends and how each
// step threads what the previous one returned; against the in-process Prism mock, the lines it
// prints, end to end through the real client with response validation.
import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZoomClient } from "../../src/index.js";
import { exchangeLog, MOCK_NOTE, NEW_PANELIST, NEW_REGISTRANTS, NEW_WEBINAR, runDemo, runFlow } from "../../tools/demo/index.js";
import { parameterExample, responseExamples } from "../../tools/mock/examples.js";
import { json, startFakeZoom, type FakeZoom } from "../client/support/fake-zoom.js";
import { example } from "../client/support/spec-examples.js";
import { loadBundledContract } from "../contract/support/contract.js";

const document = loadBundledContract();
const noContent = (res: ServerResponse): void => {
  res.writeHead(204);
  res.end();
};

describe("runFlow against a loopback fake of Zoom", () => {
  let fake: FakeZoom;
  beforeEach(async () => {
    fake = await startFakeZoom();
  });
  afterEach(async () => {
    await fake.close();
  });

  function flow(lines: string[]) {
    const log = exchangeLog();
    const zoom = createZoomClient({ baseUrl: fake.baseUrl, accessToken: "t", retry: { retries: 0 }, fetch: log.fetch });
    return runFlow({ zoom, log, accountId: "acct-1", userId: "user-1", out: (line) => lines.push(line), describeWebinar: (w) => [`summary of ${String(w.id)}`] });
  }

  it("sends the requests in order, each built from what the previous ones returned, and pages the registrants", async () => {
    fake.api(
      json(201, { id: 111, topic: "Created" }),
      json(201, { registrant_id: "reg-A" }),
      json(201, { registrant_id: "reg-B" }),
      noContent,
      json(200, { next_page_token: "page-2", registrants: [{ first_name: "Ana", last_name: "Souza", status: "approved" }] }),
      json(200, { next_page_token: "", registrants: [{ first_name: "Lena", last_name: "Vogel", status: "approved" }] }),
      json(201, { id: "111", updated_at: "2026-12-01T00:00:00Z" }),
      json(200, { id: 111, topic: "Created", type: 5, duration: 30 }),
      noContent,
    );
    const lines: string[] = [];
    await flow(lines);

    expect(fake.apiRequests.map((request) => `${request.method} ${request.rawUrl}`)).toEqual([
      "POST /v2/accounts/acct-1/users/user-1/webinars",
      "POST /v2/accounts/acct-1/webinars/111/registrants",
      "POST /v2/accounts/acct-1/webinars/111/registrants",
      "PUT /v2/accounts/acct-1/webinars/111/registrants/status",
      // paginate: the largest page the contract allows, then the token of the page before.
      "GET /v2/accounts/acct-1/webinars/111/registrants?status=approved&page_size=300",
      "GET /v2/accounts/acct-1/webinars/111/registrants?status=approved&page_size=300&next_page_token=page-2",
      "POST /v2/accounts/acct-1/webinars/111/panelists",
      "GET /v2/accounts/acct-1/webinars/111",
      "DELETE /v2/accounts/acct-1/webinars/111",
    ]);
    const bodies = fake.apiRequests.map((request) => (request.body === "" ? undefined : (JSON.parse(request.body) as unknown)));
    expect(bodies[0]).toEqual(NEW_WEBINAR);
    expect(bodies.slice(1, 3)).toEqual(NEW_REGISTRANTS);
    // The approval names the registrants the two calls before returned.
    expect(bodies[3]).toEqual({
      action: "approve",
      registrants: [
        { id: "reg-A", email: NEW_REGISTRANTS[0]?.email },
        { id: "reg-B", email: NEW_REGISTRANTS[1]?.email },
      ],
    });
    expect(bodies[6]).toEqual({ panelists: [NEW_PANELIST] });

    expect(lines).toEqual([
      `✓ createWebinar                    POST …/users/user-1/webinars { topic ${JSON.stringify(NEW_WEBINAR.topic)}, type 5, approval manual } → 201 webinar 111 "Created"`,
      "✓ addWebinarRegistrant             POST …/webinars/111/registrants { Ana Souza, ana.souza@example.com } → 201 registrant reg-A",
      "✓ addWebinarRegistrant             POST …/webinars/111/registrants { Lena Vogel, lena.vogel@example.com } → 201 registrant reg-B",
      "✓ updateWebinarRegistrantStatus    PUT …/webinars/111/registrants/status { action approve, 2 registrants } → 204 no content: approved",
      "✓ paginate(listWebinarRegistrants) GET …/webinars/111/registrants?status=approved&page_size=300 (2 requests) → 200/200 2 registrants: Ana Souza (approved), Lena Vogel (approved)",
      "✓ addWebinarPanelists              POST …/webinars/111/panelists { Marta Ruiz, marta.ruiz@example.com } → 201 webinar 111 updated at 2026-12-01T00:00:00Z",
      '✓ getWebinar                       GET …/webinars/111 → 200 "Created", type 5, 30 min',
      "    summary of 111",
      "✓ deleteWebinar                    DELETE …/webinars/111 → 204 no content: deleted",
    ]);
  });

  it("stops at the first failing step with a ✗ line and the error, sending nothing after it", async () => {
    fake.api(json(201, { id: 111, topic: "Created" }), json(404, { code: 3001, message: "Webinar does not exist: 111." }));
    const lines: string[] = [];
    await expect(flow(lines)).rejects.toMatchObject({ name: "ZoomApiError", status: 404 });
    expect(fake.apiRequests).toHaveLength(2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^✗ addWebinarRegistrant +POST …\/webinars\/111\/registrants \{ Ana Souza, ana\.souza@example\.com \} → .*404.*Webinar does not exist/);
  });
});

describe("runDemo against the in-process Prism mock", () => {
  it("prints the header, one ✓ line per step with the mock's examples, and stops the mock", async () => {
    const lines: string[] = [];
    await runDemo({ out: (line) => lines.push(line) });
    // The client is pointed at the production base path, /v2, of the in-process mock.
    expect(lines[0]).toMatch(/^Prism mock of Zoom from .*openapi\.json on http:\/\/127\.0\.0\.1:\d+\/v2 /);
    expect(lines[1]).toBe(MOCK_NOTE);

    // What came back is the contract's own examples (Prism keeps no state).
    const created = responseExamples(document, "/accounts/{accountId}/users/{userId}/webinars", "post").find((e) => e.status === 201)?.value as { id: number; topic: string };
    const registrant = responseExamples(document, "/accounts/{accountId}/webinars/{webinarId}/registrants", "post").find((e) => e.status === 201)?.value as { registrant_id: string };
    const userId = parameterExample(document, "UserId");
    const steps = lines.filter((line) => /^[✓✗] /.test(line));
    expect(steps.map((line) => line.split(/\s+/)[1])).toEqual([
      "createWebinar",
      "addWebinarRegistrant",
      "addWebinarRegistrant",
      "updateWebinarRegistrantStatus",
      "paginate(listWebinarRegistrants)",
      "addWebinarPanelists",
      "getWebinar",
      "deleteWebinar",
    ]);
    expect(steps.every((line) => line.startsWith("✓ "))).toBe(true);
    expect(steps[0]).toMatch(new RegExp(`POST …/users/${userId}/webinars .* → 201 webinar ${created.id} ${JSON.stringify(created.topic)}$`));
    expect(steps[1]).toContain(`POST …/webinars/${created.id}/registrants`);
    expect(steps[1]).toMatch(new RegExp(`→ 201 registrant ${registrant.registrant_id}$`));
    expect(steps[3]).toMatch(/PUT …\/webinars\/\d+\/registrants\/status \{ action approve, 2 registrants \} → 204 /);
    expect(steps[6]).toMatch(new RegExp(`GET …/webinars/${created.id} → 200 `));
    expect(steps[7]).toMatch(new RegExp(`DELETE …/webinars/${created.id} → 204 `));
    expect(lines.at(-1)).toMatch(/^mock stopped; every answer was valid against the contract; \d+ ms in all$/);

    const baseUrl = lines[0]?.match(/on (http:\/\/\S+)/)?.[1];
    expect(baseUrl).toBeDefined();
    await expect(fetch(`${baseUrl}/accounts/a/webinars/1`)).rejects.toThrow();
  }, 60_000);

  it("reads back the getWebinar example it was asked for, summarised under the step", async () => {
    const lines: string[] = [];
    await runDemo({ example: "scheduledWebinar", out: (line) => lines.push(line) });
    const scheduled = example<{ id: number; topic: string }>("ScheduledWebinar");
    const at = lines.findIndex((line) => line.startsWith("✓ getWebinar "));
    expect(lines[at]).toContain(`→ 200 ${JSON.stringify(scheduled.topic)}`);
    expect(lines[at + 1]).toBe(`    ${scheduled.topic}  [webinar ${scheduled.id}]`);
    expect(lines).toContain("      type:          Webinar held once, at a scheduled time (5)");
  }, 60_000);

  it("names the 200 examples there are when asked for one that is not", async () => {
    await expect(runDemo({ example: "noSuchExample", out: () => {} })).rejects.toThrow(/recurringWebinar, scheduledWebinar/);
  });
});
