// The installed tarball run as a user runs it: an ESM and a CommonJS consumer (test/package/consumer/)
// in their own Node process, against the Prism mock of the contract.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrismMock, type PrismMock } from "../../tools/mock/index.js";
import { GENERATED_OPENAPI_JSON_PATH } from "../../tools/spec/generated-files.js";
import { packed } from "./packed.js";

const run = promisify(execFile);
const { root, consumer } = await packed();
let mock: PrismMock;

beforeAll(async () => {
  mock = await startPrismMock();
});

afterAll(async () => {
  await mock?.stop();
});

describe("an installed consumer", () => {
  it.each([
    ["ESM", "esm.mjs"],
    ["CommonJS", "cjs.cjs"],
  ])("in %s calls operations by name against the mock under /v2, with response validation", { timeout: 60_000 }, async (_, file) => {
    const { stdout } = await run(process.execPath, [file, `${mock.baseUrl}${mock.basePath}`], { cwd: consumer });
    const contract = JSON.parse(await readFile(path.join(root, GENERATED_OPENAPI_JSON_PATH), "utf8")) as { info: { version: string }; paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(contract.paths).flatMap((item) => ["get", "post", "put", "patch", "delete"].filter((method) => item[method] !== undefined)).length;
    const common = { topic: expect.any(String), contractVersion: contract.info.version, yaml: "/dist/generated/openapi.yaml" };
    // The ESM consumer calls every operation of the contract, imported by its operationId.
    expect(JSON.parse(stdout)).toEqual(file === "esm.mjs" ? { ...common, called: operations, failed: [] } : { ...common, panelists: true });
  });
});
