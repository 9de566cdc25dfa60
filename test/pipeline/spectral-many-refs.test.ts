// A component reached through 150 files (as the contract's error responses are) is linted with
// its `$ref`s resolved: Spectral's file resolver once left them unresolved past ~100 references.
// Spectral now lints the bundle, whose refs are internal; this keeps the case.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spectralProblems } from "./support/spectral.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "spectral-many-refs-"));
  await mkdir(path.join(dir, "openapi", "schemas"), { recursive: true });
  // 150 path files, each referring to Outer.yaml, which refers to Inner.yaml: the chain the
  // contract has from path files through error responses to ZoomError and ZoomErrorDetail.
  await mkdir(path.join(dir, "openapi", "paths"));
  const operation = "get:\n  responses:\n    \"200\":\n      description: ok\n      content:\n        application/json:\n          schema:\n            $ref: ../schemas/Outer.yaml\n";
  const names = Array.from({ length: 150 }, (_, i) => `p${i}`);
  await Promise.all(names.map((name) => writeFile(path.join(dir, "openapi", "paths", `${name}.yaml`), operation)));
  const paths = names.map((name) => `  /${name}:\n    $ref: paths/${name}.yaml\n`).join("");
  await writeFile(path.join(dir, "openapi", "openapi.yaml"), `openapi: 3.1.0\ninfo:\n  title: t\n  version: 1.0.0\npaths:\n${paths}`);
  await writeFile(path.join(dir, "openapi", "schemas", "Outer.yaml"), "type: object\nproperties:\n  inner:\n    $ref: Inner.yaml\n");
  await writeFile(path.join(dir, "openapi", "schemas", "Inner.yaml"), "type: object\ndescription: the inner schema\n");
  // One rule that fails on any node under `inner` still holding a `$ref` (i.e. left unresolved).
  await writeFile(
    path.join(dir, ".spectral.yaml"),
    "rules:\n  resolved:\n    severity: error\n    given: $..properties.inner\n    then:\n      field: description\n      function: truthy\n",
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

it("resolves every $ref of a file reached through 150 other files", async () => {
  const problems = await spectralProblems(dir);
  expect(problems).toEqual([]);
});
