// What `npm pack` puts in the tarball (test/package/global-setup.ts packs and installs it once per run).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_OPENAPI_JSON_PATH } from "../../tools/spec/generated-files.js";
import { packed } from "./packed.js";

const { root, files, consumer } = await packed();

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
    expect(installed).toBe(await readFile(path.join(root, GENERATED_OPENAPI_JSON_PATH), "utf8"));
  });
});
