// The package as a consumer gets it: `npm run build` emits dist/, the consumer file type-checks
// against dist/ through package.json "exports", and the built code runs, validator included
// (which proves dist/ finds generated/openapi.json).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startFakeZoom, type FakeZoom } from "./support/fake-zoom.js";
import { recurringWebinar } from "./support/spec-examples.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));

let fake: FakeZoom;
beforeAll(async () => {
  fake = await startFakeZoom();
});
afterAll(async () => {
  await fake.close();
});

describe("the built package", () => {
  it("builds, type-checks the consumer against dist/, and runs from dist/", { timeout: 60_000 }, async () => {
    await run("npm", ["run", "build", "--silent"], { cwd: root });

    const consumer = await run(process.execPath, [tsc, "-p", "test/consumer/tsconfig.json", "--listFiles"], { cwd: root });
    const checked = consumer.stdout.split("\n").filter((f) => !f.includes("node_modules"));
    expect(checked).toContain(`${root}dist/index.d.ts`);
    expect(checked.some((f) => f.startsWith(`${root}src/`))).toBe(false);

    fake.api(json(200, { ...recurringWebinar(), id: "wrong type" }), json(200, recurringWebinar()));
    const script = `
      import { createZoomClient, getWebinar, ZoomApiError } from "zoom-webinar-contract";
      const zoom = createZoomClient({ baseUrl: ${JSON.stringify(fake.baseUrl)}, accessToken: "t", validateResponses: true });
      const params = { accountId: "a", webinarId: "97871060099" };
      const first = await getWebinar(zoom, params).catch((e) => e);
      const second = await getWebinar(zoom, params);
      console.log(JSON.stringify({ isZoomApiError: first instanceof ZoomApiError, mismatches: first.mismatches, topic: second.topic }));
    `;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({
      isZoomApiError: true,
      mismatches: [{ instancePath: "/id", message: "must be integer" }],
      topic: "My Webinar",
    });
  });
});
