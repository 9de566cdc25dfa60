// The example rules are memoized per process (tools/pipeline/spectral-memo.ts): one media object
// reached from a request body and from a response must still be judged in each place.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spectralProblems } from "./support/spectral.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "spectral-memo-"));
  await mkdir(path.join(dir, "openapi"));
  // `id` is readOnly and required: a request example may leave it out, a response example may not.
  await writeFile(
    path.join(dir, "openapi", "Media.yaml"),
    "schema:\n  type: object\n  required: [id]\n  properties:\n    id:\n      type: integer\n      readOnly: true\n    name:\n      type: string\nexample:\n  name: a\n",
  );
  // The request body comes first, so a memo keyed on content alone would hand its verdict
  // (no problem) to the response.
  const operation = (name: string) =>
    `  /${name}:\n    post:\n      requestBody:\n        content:\n          application/json:\n            $ref: Media.yaml\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              $ref: Media.yaml\n`;
  await writeFile(path.join(dir, "openapi", "openapi.yaml"), `openapi: 3.1.0\ninfo:\n  title: t\n  version: 1.0.0\npaths:\n${operation("a")}${operation("b")}`);
  await writeFile(path.join(dir, ".spectral.yaml"), "extends: [[spectral:oas, off]]\nrules:\n  oas3-valid-media-example: error\n");
});

afterAll(() => rm(dir, { recursive: true, force: true }));

it("judges a shared example by where it is used: the response misses its required id", async () => {
  const problems = await spectralProblems(dir);
  expect(problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([
    `openapi/Media.yaml:10 oas3-valid-media-example "example" property must have required property "id"`,
  ]);
});

it.each([
  ["switched off stays off", "oas3-valid-media-example: off", []],
  ["set to warn stays a warning", "oas3-valid-media-example: warn", ["warning"]],
])("an example rule the ruleset %s (its memoized copy keeps the ruleset's severity)", async (_, setting, severities) => {
  const ruleset = path.join(dir, `.spectral-${severities.length}.yaml`);
  await writeFile(ruleset, `extends: [spectral:oas]\nrules:\n  ${setting}\n`);
  const problems = await spectralProblems(dir, "openapi/openapi.yaml", path.basename(ruleset));
  expect(problems.filter((p) => p.rule === "oas3-valid-media-example").map((p) => p.severity)).toEqual(severities);
});

it("judges equal content in one place once, across lints, and re-roots its result paths", async () => {
  const { memoizeByContent } = await import("../../tools/pipeline/spectral-memo.js");
  const calls: string[] = [];
  const judge = memoizeByContent<unknown, null>((_input, _options, context) => {
    calls.push(context.path.join("/"));
    return [{ message: "bad", path: [...context.path, "example", "id"] }];
  });
  const oas31 = Object.assign(() => true, { displayName: "OpenAPI 3.1.x" });
  const oas30 = Object.assign(() => true, { displayName: "OpenAPI 3.0.x" });
  const context = (path: string[], format = oas31) => ({ path, document: { formats: new Set([format]) }, documentInventory: {} }) as never;
  const first = judge({ example: 1 }, null, context(["paths", "/a", "post", "responses", "200"]));
  // Another lint (a new document inventory), the same content in the same kind of place.
  const second = judge({ example: 1 }, null, context(["paths", "/b", "get", "responses", "404"]));
  expect(calls).toEqual(["paths//a/post/responses/200"]);
  expect(first).toEqual([{ message: "bad", path: ["paths", "/a", "post", "responses", "200", "example", "id"] }]);
  expect(second).toEqual([{ message: "bad", path: ["paths", "/b", "get", "responses", "404", "example", "id"] }]);
  // Another place, other content or another OpenAPI version is judged afresh.
  judge({ example: 1 }, null, context(["paths", "/a", "post", "requestBody"]));
  judge({ example: 2 }, null, context(["paths", "/a", "post", "responses", "200"]));
  judge({ example: 1 }, null, context(["paths", "/a", "post", "responses", "200"], oas30));
  expect(calls).toHaveLength(4);
});
