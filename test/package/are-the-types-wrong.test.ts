// are-the-types-wrong's analysis of the packed tarball, through its library (@arethetypeswrong/core),
// which brings its own TypeScript: in a file of its own it shares nothing with the consumer checks
// in ./types.test.ts, and the two run side by side in the package project's two workers.
import { readFile } from "node:fs/promises";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import { expect, it } from "vitest";
import { packed } from "./packed.js";

it("has no problem according to are-the-types-wrong (node10, node16 CJS and ESM, bundler)", { timeout: 120_000 }, async () => {
  const { tarball } = await packed();
  // The YAML is a file to locate (require.resolve), not a module TypeScript can type.
  const result = await checkPackage(createPackageFromTarballData(new Uint8Array(await readFile(tarball))), { excludeEntrypoints: ["./openapi.yaml"] });
  if (result.types === false) throw new Error("are-the-types-wrong found no types in the tarball");
  expect(result.types).toEqual({ kind: "included" });
  expect(Object.keys(result.entrypoints).sort()).toEqual([".", "./openapi.json", "./package.json", "./schema"]);
  expect(result.problems).toEqual([]);
});
