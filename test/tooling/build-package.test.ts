// The package build's declarations, on a minimal project written inline: each source's
// declaration file comes from that source alone (no type checker), so an export that does not
// state its type must fail the build, naming the file and line.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPackage } from "../../tools/tooling/build-package.js";

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    types: [],
    rootDir: ".",
    outDir: "dist/esm",
    declaration: true,
    emitDeclarationOnly: true,
    isolatedDeclarations: true,
  },
  include: ["src"],
};

let dir: string;

async function project(index: string): Promise<void> {
  const files: Record<string, string> = {
    "tsconfig.build.json": JSON.stringify(TSCONFIG),
    "src/index.ts": index,
    "src/label.ts": 'export const label = "webinar";\n',
    "generated/schema.d.ts": "export interface paths {}\n",
    "generated/openapi.json": "{}\n",
    "generated/openapi.yaml": "{}\n",
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "build-package-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("buildPackage's declarations", () => {
  it("writes one declaration file per source, as TypeScript declares it", async () => {
    await project('export { label } from "./label.js";\nexport const twice = (n: number): number => n * 2;\n');
    const { files } = await buildPackage(dir);
    expect(files).toEqual(expect.arrayContaining(["dist/esm/src/index.d.ts", "dist/esm/src/label.d.ts", "dist/cjs/src/index.d.ts"]));
    expect(await readFile(path.join(dir, "dist/esm/src/index.d.ts"), "utf8")).toBe('export { label } from "./label.js";\nexport declare const twice: (n: number) => number;\n');
    expect(await readFile(path.join(dir, "dist/esm/src/label.d.ts"), "utf8")).toBe('export declare const label = "webinar";\n');
  });

  it.each([
    ["a function without its return type", 'export { label } from "./label.js";\nexport const twice = (n: number) => n * 2;\n', /src\/index\.ts\(2,\d+\): error TS9007/],
    ["a constant computed from an expression", 'export const limit = 64 * 1024;\n', /src\/index\.ts\(1,\d+\): error TS9010/],
  ])("refuses %s, naming the file and line", async (_what, index, problem) => {
    await project(index);
    const failure = buildPackage(dir);
    await expect(failure).rejects.toThrow(/^declarations \(tsconfig\.build\.json\):\n/);
    await expect(failure).rejects.toThrow(problem);
  });
});
