// Issue 11, pipeline row: a `$ref` may name only files inside the contract folder. Each case is
// the attack as an edited copy of the good spec. Outside targets are FIFOs: opening one to read
// would block, so a run that tried would hang and fail here instead of passing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { symlink } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { formatProblem } from "../../tools/pipeline/problems.js";
import { runPipeline } from "../../tools/pipeline/run-pipeline.js";
import { bundleContractText } from "../../tools/spec/bundle-contract.js";
import { ContainedResolver } from "../../tools/spec/ref-guard.js";
import { type FixtureCopy, copyFixture, hashTree } from "./support/fixtures.js";

const SPEC = "openapi/openapi.yaml";
const GOOD_REF = "'./components.yaml#/components/schemas/Webinar'";

let copy: FixtureCopy;
let outside: string;
let server: Server;
let connections = 0;
let base: string;

beforeAll(async () => {
  copy = await copyFixture();
  outside = path.join(path.dirname(copy.dir), "secret.yaml");
  execFileSync("mkfifo", [outside]);
  // A link inside the contract folder that leads out of it.
  await symlink(outside, path.join(copy.dir, "openapi/link.yaml"));
  server = createServer((_, res) => res.end("type: object\n"));
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await copy?.remove();
});

describe("$refs that leave the contract folder fail generate before anything they name is opened", () => {
  const cases = [
    { name: "a path that climbs out", ref: "../../secret.yaml" },
    { name: "a climb hidden by percent-encoding", ref: "..%2F..%2Fsecret.yaml" },
    { name: "an absolute path", ref: "<outside>" },
    { name: "a link inside that leads out", ref: "./link.yaml" },
    { name: "an http URL", ref: "<base>/schema.yaml" },
    { name: "an https URL", ref: "https://127.0.0.1:1/schema.yaml" },
    { name: "a file URL", ref: "file:///etc/hostname" },
    { name: "a protocol-relative URL", ref: "//127.0.0.1/schema.yaml" },
  ];

  it.each(cases)("$name", async ({ ref: template }) => {
    const ref = template.replace("<outside>", outside).replace("<base>", base);
    const outDir = path.join(copy.dir, "generated");
    const before = await hashTree(outDir);
    const restore = await copy.edit([{ file: SPEC, find: GOOD_REF, replace: `'${ref}#/Webinar'` }]);
    try {
      const result = await runPipeline({ rootDir: copy.dir, cacheDir: false });
      expect(result.ok).toBe(false);
      const report = result.problems.map(formatProblem);
      expect(report).toHaveLength(1);
      expect(report[0]).toMatch(new RegExp(`^${SPEC}:50:\\d+  error  ref-outside-contract  \\$ref "${escape(ref)}#/Webinar" is `));
      expect(result.steps.filter((s) => s.status !== "skipped").map((s) => s.name)).toEqual(["bundle"]);
      expect(await hashTree(outDir)).toEqual(before);
      expect(connections).toBe(0);
    } finally {
      await restore();
    }
  }, 15_000);
});

describe("the resolvers refuse the network even without the pre-check", () => {
  it("Redocly's resolver, given an http ref in a document's text, opens no connection", async () => {
    const text = JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas: { A: { $ref: `${base}/a.yaml` } } } });
    await expect(bundleContractText(text, path.join(copy.dir, "openapi", "from-git.json"))).rejects.toThrow(/Refusing to load http:\/\/127\.0\.0\.1/);
    await expect(new ContainedResolver(path.join(copy.dir, "openapi"), { parses: "copied" }).loadExternalRef(`${base}/b.yaml`)).rejects.toThrow(/opens no network connection/);
    expect(connections).toBe(0);
  });

  it("and still reads files inside the contract folder", async () => {
    const source = await new ContainedResolver(path.join(copy.dir, "openapi"), { parses: "copied" }).loadExternalRef(path.join(copy.dir, "openapi/components.yaml"));
    expect(source.body).toContain("Webinar:");
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
