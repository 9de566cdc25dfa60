// The bench's package-cost measurements on a tiny package of three operations, each with a lazy
// validator: what it reports must follow from the package, not from the bench's assumptions.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSizes, loadedValidators, type PackagePaths } from "../../tools/bench/package-cost.js";
import { loadBundledContract } from "../contract/support/contract.js";
import { repoRoot } from "../support/spec.js";

const OPERATIONS = { createWebinar: "WebinarCreated", listWebinarRegistrants: "RegistrantList", getWebinar: "Webinar" };
let root: string;
let paths: PackagePaths;

beforeAll(async () => {
  // Inside the repository, so the bundle resolves openapi-fetch from its node_modules.
  await mkdir(path.join(repoRoot, "node_modules/.cache"), { recursive: true });
  root = await mkdtemp(path.join(repoRoot, "node_modules/.cache/bench-fixture-"));
  const src = path.join(root, "dist/esm");
  const validators = path.join(root, "dist/esm/validators");
  await mkdir(src, { recursive: true });
  await mkdir(validators, { recursive: true });
  const operations = Object.entries(OPERATIONS).map(
    ([id, schema]) =>
      `export const ${id} = /* @__PURE__ */ define(${JSON.stringify(id)}, () => import("./validators/${schema}.js"));`,
  );
  await writeFile(
    path.join(src, "index.js"),
    [
      `import createClient from "openapi-fetch";`,
      `export function createZoomClient(options) { return { ...createClient({ baseUrl: "http://127.0.0.1:9" }), validate: options.validateResponses === true }; }`,
      `function define(id, validator) { return async (zoom) => { if (zoom.validate) (await validator()).default({ id }); return id; }; }`,
      ...operations,
    ].join("\n"),
  );
  for (const schema of Object.values(OPERATIONS)) {
    // Big enough to tell apart, different enough that gzip cannot fold them together.
    await writeFile(path.join(validators, `${schema}.js`), `export default function validate(data) { return ${JSON.stringify(`${schema}:`.repeat(200))}.length > 0 && data !== null; }\n`);
  }
  paths = { root, entry: path.join(src, "index.js"), validatorsDir: validators };
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("bundleSizes", () => {
  it("counts every validator as a lazy chunk for the whole package, and only the two an app's operations can import", async () => {
    const sizes = await bundleSizes(paths);
    expect(sizes.validatorsPresent).toBe(true);
    expect(sizes.everyOperation.validators.names).toEqual(["RegistrantList", "Webinar", "WebinarCreated"]);
    // esbuild writes a chunk for getWebinar's validator too; nothing left after tree-shaking imports it.
    expect(sizes.twoOperations.validators.names).toEqual(["RegistrantList", "WebinarCreated"]);
    expect(sizes.twoOperations.validators.gzip).toBeLessThan(sizes.everyOperation.validators.gzip);
    // Up front: the package's code with openapi-fetch in it (its `createClient` code is there).
    expect(sizes.everyOperation.upfront.gzip).toBeGreaterThan(0.5 * sizes.openapiFetch.gzip);
    expect(sizes.twoOperations.upfront.min).toBeLessThan(sizes.everyOperation.upfront.min);
  }, 60_000);
});

describe("loadedValidators", () => {
  it("records the validator modules a fresh process resolves while calling the two operations", async () => {
    const loaded = await loadedValidators(paths, loadBundledContract());
    expect(loaded.loaded).toEqual(["RegistrantList", "WebinarCreated"]);
    expect(loaded.shipped).toBe(3);
  }, 60_000);
});
