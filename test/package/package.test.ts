// The package as a user gets it: `npm pack` (prepack builds dist/), the tarball installed offline
// into a fresh project, an ESM and a CommonJS consumer calling getWebinar against the mock, tsc
// for every moduleResolution, and are-the-types-wrong. Packing and installing happen once.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrismMock, type PrismMock } from "../../tools/mock/index.js";
import { writeConsumerProject } from "./consumer-project.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const consumerSources = fileURLToPath(new URL("./consumer/", import.meta.url));
const attw = path.join(root, "node_modules/@arethetypeswrong/cli/dist/index.js");

let work: string;
let tarball: string;
let consumer: string;
let files: string[];
let mock: PrismMock;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "zoom-package-"));
  consumer = path.join(work, "consumer");
  const [packed] = await Promise.all([
    run("npm", ["pack", "--json", "--pack-destination", work], { cwd: root, maxBuffer: 16 * 1024 * 1024 }),
    (async () => {
      mock = await startPrismMock();
    })(),
  ]);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  if (info === undefined) throw new Error("npm pack reported nothing");
  tarball = path.join(work, info.filename);
  files = info.files.map((file) => file.path).sort();

  await writeConsumerProject(root, tarball, consumer);
  await run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: consumer });
  for (const file of ["esm.mjs", "cjs.cjs", "typed.ts"]) await copyFile(path.join(consumerSources, file), path.join(consumer, file));
}, 300_000);

afterAll(async () => {
  await mock?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the tarball", () => {
  it("holds the two builds with their types, the contract and its types, and nothing else", () => {
    const outside = files.filter((file) => !file.startsWith("dist/") && !["package.json", "README.md", "LICENSE", "CHANGELOG.md"].includes(file));
    expect(outside).toEqual([]);
    expect(files.filter((file) => file.endsWith(".map") || file.startsWith("src/"))).toEqual([]);
    for (const build of ["esm", "cjs"]) {
      for (const file of ["index.js", "src/index.d.ts", "generated/operations.d.ts", "generated/schema.d.ts", "validators/Webinar.js"]) {
        expect(files).toContain(`dist/${build}/${file}`);
      }
    }
    // One bundle per format; ESM also has the chunks loaded on first use (the upload code, the
    // OAuth token code) and the one they share with the entry. Validators apart.
    const scripts = files.filter((file) => file.endsWith(".js") && !file.includes("/validators/"));
    expect(scripts.filter((file) => file.startsWith("dist/cjs/"))).toEqual(["dist/cjs/index.js"]);
    expect(scripts.filter((file) => file.startsWith("dist/esm/")).map((file) => file.replace(/-\w+\.js$/, "-*.js"))).toEqual([
      "dist/esm/chunk-*.js",
      "dist/esm/index.js",
      "dist/esm/server-to-server-token-*.js",
      "dist/esm/upload-form-*.js",
    ]);
    expect(files).toContain("dist/cjs/package.json");
    expect(files).toEqual(expect.arrayContaining(["dist/generated/openapi.json", "dist/generated/openapi.yaml"]));
  });

  it("ships the contract byte for byte as generated/ has it", async () => {
    const installed = await readFile(path.join(consumer, "node_modules/zoom-webinar-contract/dist/generated/openapi.json"), "utf8");
    expect(installed).toBe(await readFile(path.join(root, "generated/openapi.json"), "utf8"));
  });
});

describe("an installed consumer", () => {
  it.each([
    ["ESM", "esm.mjs"],
    ["CommonJS", "cjs.cjs"],
  ])("in %s calls operations by name against the mock under /v2, with response validation", { timeout: 30_000 }, async (_, file) => {
    const { stdout } = await run(process.execPath, [file, `${mock.baseUrl}${mock.basePath}`], { cwd: consumer });
    const contract = JSON.parse(await readFile(path.join(root, "generated/openapi.json"), "utf8")) as { info: { version: string }; paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(contract.paths).flatMap((item) => ["get", "post", "put", "patch", "delete"].filter((method) => item[method] !== undefined)).length;
    const common = { topic: expect.any(String), contractVersion: contract.info.version, yaml: "/dist/generated/openapi.yaml" };
    // The ESM consumer calls every operation of the contract, imported by its operationId.
    expect(JSON.parse(stdout)).toEqual(file === "esm.mjs" ? { ...common, called: operations, failed: [] } : { ...common, panelists: true });
  });

  // One tsc program per setting, in this process; the source is the same, its extension picks
  // the module format under node16.
  it.each([
    ["node10", { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }, "typed.ts"],
    ["node16 (CommonJS)", { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }, "typed.cts"],
    ["node16 (ESM)", { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }, "typed.mts"],
    ["bundler", { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }, "typed.ts"],
  ] as const)("type-checks under moduleResolution %s", { timeout: 120_000 }, async (_, settings, name) => {
    const file = path.join(consumer, name);
    if (name !== "typed.ts") await copyFile(path.join(consumer, "typed.ts"), file);
    const program = ts.createProgram([file], {
      ...settings,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      strict: true,
      noEmit: true,
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
    // Checked against the installed declarations, not this repository's sources.
    const declarations = program.getSourceFiles().map((source) => source.fileName).filter((f) => f.includes("zoom-webinar-contract"));
    expect(declarations.length).toBeGreaterThan(0);
    expect(declarations.every((f) => f.startsWith(path.join(consumer, "node_modules/zoom-webinar-contract/dist/")))).toBe(true);
  });

  it("has no problem according to are-the-types-wrong (node10, node16 CJS and ESM, bundler)", { timeout: 120_000 }, async () => {
    // The YAML is a file to locate (require.resolve), not a module TypeScript can type.
    const { stdout } = await run(process.execPath, [attw, tarball, "--format", "json", "--exclude-entrypoints", "./openapi.yaml"], { cwd: work });
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./openapi.json", "./package.json", "./schema"]);
    expect(report.analysis.problems).toEqual([]);
  });
});
