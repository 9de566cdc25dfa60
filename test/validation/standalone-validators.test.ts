// The modules `npm run generate` writes to generated/validators/: one per component schema of a
// 2xx JSON response, each with no imports at all, and each agreeing with Ajv compiled at run time
// from the full contract (the way the client validated before) on the contract's own examples and
// on bodies mutated from them. Table driven from the bundled contract, never per schema.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ts, type TS } from "../../tools/tooling/typescript.js";
import { beforeAll, describe, expect, it } from "vitest";
import { checkResponse, type ResponseCheck, type ResponseValidator } from "../../src/client/response-validator.js";
import { GENERATED_FILES, generatedFile } from "../../tools/spec/generated-files.js";
import { responseSchemaUses, validatedSchemaNames } from "../../tools/spec/response-schemas.js";
import { closeObjectSchemas, compileSchema, createOpenApiAjv } from "../../tools/spec/openapi-ajv.js";
import { getAt, isRecord, parsePointer, toPointer } from "../../src/util/json-pointer.js";
import { loadBundledContract } from "../contract/support/contract.js";

const dir = generatedFile(GENERATED_FILES.validatorsDir);
const document = loadBundledContract();
const uses = responseSchemaUses(document);
const names = validatedSchemaNames(document);
/** Mutated bodies per example: enough to reach nested enums and objects, bounded for time. */
const MAX_MUTATIONS = 80;

function moduleOf(name: string): Promise<{ default: ResponseValidator }> {
  return import(pathToFileURL(path.join(dir, `${name}.js`)).href) as Promise<{ default: ResponseValidator }>;
}

describe("generated/validators", () => {
  it("has one module and one declaration for every 2xx application/json response schema, and nothing else", () => {
    expect(uses.length).toBeGreaterThan(20);
    expect(uses.filter((use) => use.schema === undefined).map((use) => `${use.operation} ${use.status}`)).toEqual([]);
    const files = readdirSync(dir).sort();
    const expected = ["types.d.ts", ...names.flatMap((name) => [`${name}.d.ts`, `${name}.js`])].sort();
    expect(files).toEqual(expected);
    for (const use of uses) expect(files, `${use.operation} ${use.status}`).toContain(`${use.schema}.js`);
  });

  it.each(names)("%s.js is self-contained: no import, no require, no code generation at run time", async (name) => {
    const text = readFileSync(path.join(dir, `${name}.js`), "utf8");
    const { importedFiles } = ts.preProcessFile(text, true, true);
    expect(importedFiles.map((file) => file.fileName)).toEqual([]);
    expect(codeLoadingCalls(text)).toEqual([]);
    const { default: validate } = await moduleOf(name);
    expect(typeof validate).toBe("function");
  });

  it.each(names)("%s.d.ts imports only the shared ./types.js", (name) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(dir, `${name}.d.ts`), "utf8"), true, true);
    expect(importedFiles.map((file) => file.fileName)).toEqual(["./types.js"]);
  });
});

/**
 * Calls that load or compile code: `require(…)`, `import(…)`, `eval(…)`, `Function(…)` and
 * `new Function(…)`, found in the syntax tree (Ajv's runtime helpers keep their own
 * `require("…")` text in a string, which loads nothing).
 */
function codeLoadingCalls(text: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile("module.js", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) found.push("import()");
      else if (ts.isIdentifier(callee) && ["require", "eval", "Function"].includes(callee.text)) found.push(`${ts.isNewExpression(node) ? "new " : ""}${callee.text}()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The response examples of every operation that answers with `name` (media-type `examples` and `example`). */
function examplesOf(name: string): { label: string; value: unknown }[] {
  const found: { label: string; value: unknown }[] = [];
  for (const use of uses.filter((u) => u.schema === name)) {
    const media = getAt(document, parsePointer(use.pointer).slice(0, -1));
    if (!isRecord(media)) continue;
    if ("example" in media) found.push({ label: `${use.operation} example`, value: media.example });
    for (const [key, entry] of Object.entries(isRecord(media.examples) ? media.examples : {})) {
      const ref = isRecord(entry) && typeof entry.$ref === "string" ? entry.$ref : undefined;
      const target = ref === undefined ? entry : getAt(document, parsePointer(ref.slice(1)));
      if (isRecord(target) && "value" in target) found.push({ label: `${use.operation} ${key}`, value: target.value });
    }
  }
  // The same example shared by two operations is checked once.
  return found.filter((example, i) => found.findIndex((other) => JSON.stringify(other.value) === JSON.stringify(example.value)) === i);
}

/**
 * Bodies derived from `body` by one edit each: an undeclared field in an object, a string or a
 * number no enum lists, a value of the wrong type. Spread over the whole body, at most MAX_MUTATIONS.
 */
function mutations(body: unknown): { edit: string; body: unknown }[] {
  const edits: { edit: string; at: string[]; apply: (value: unknown) => unknown }[] = [];
  const walk = (value: unknown, at: string[]): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, String(i)]));
    else if (isRecord(value)) {
      edits.push({ edit: "unknown field", at, apply: (v) => ({ ...(v as object), zz_field_the_contract_lacks: 1 }) });
      for (const [key, child] of Object.entries(value)) walk(child, [...at, key]);
    } else if (typeof value === "string") {
      edits.push({ edit: "unlisted string", at, apply: () => "zz-value-no-enum-lists" });
      edits.push({ edit: "wrong type", at, apply: () => 12345 });
    } else if (typeof value === "number") {
      edits.push({ edit: "unlisted number", at, apply: () => 987_654 });
      edits.push({ edit: "wrong type", at, apply: (v) => String(v) });
    } else if (typeof value === "boolean") {
      edits.push({ edit: "wrong type", at, apply: (v) => String(v) });
    }
  };
  walk(body, []);
  const step = Math.max(1, Math.ceil(edits.length / MAX_MUTATIONS));
  return edits
    .filter((_, i) => i % step === 0)
    .map(({ edit, at, apply }) => {
      const copy = structuredClone(body);
      if (at.length === 0) return { edit: `${edit} at (root)`, body: apply(copy) };
      const parent = getAt(copy, at.slice(0, -1)) as Record<string, unknown>;
      const key = at[at.length - 1] as string;
      parent[key] = apply(parent[key]);
      return { edit: `${edit} at ${toPointer(at)}`, body: copy };
    });
}

/** What a validator said, in the terms that matter: validity, each error, and the client's verdict. */
function outcome(validate: ResponseValidator, body: unknown): { valid: boolean; errors: unknown[]; check: ResponseCheck } {
  const valid = validate(body);
  const errors = (validate.errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
  return { valid, errors: valid ? [] : errors, check: checkResponse(validate, body) };
}

const table = names.map((name) => ({ name, examples: examplesOf(name) })).filter((row) => row.examples.length > 0);

describe("standalone and run-time compiled Ajv agree", () => {
  const seen = { enum: 0, "unknown-field": 0, mismatch: 0, bodies: 0 };

  beforeAll(() => {
    // Several schemas, with nested objects, must be covered, or agreement says little.
    expect(table.map((row) => row.name)).toEqual(expect.arrayContaining(["Webinar", "RegistrantList", "WebinarCreated"]));
  });

  it.each(table)("$name on its examples and bodies mutated from them", async ({ name, examples }) => {
    const { default: standalone } = await moduleOf(name);
    // As the client compiled it at run time before: the full contract, annotations and all.
    const runtime = compileSchema(createOpenApiAjv(closeObjectSchemas(document, name), { verbose: true }), name);
    for (const example of examples) {
      expect(outcome(standalone, example.value), `${name}: ${example.label}`).toEqual(outcome(runtime, example.value));
      expect(outcome(standalone, example.value).valid, `${name}: ${example.label} is valid`).toBe(true);
      for (const mutated of mutations(example.value)) {
        const got = outcome(standalone, mutated.body);
        expect(got, `${name}: ${example.label}, ${mutated.edit}`).toEqual(outcome(runtime, mutated.body));
        seen.bodies += 1;
        for (const drift of got.check.drift) seen[drift.kind] += 1;
        seen.mismatch += got.check.mismatches.length;
      }
    }
  });

  it("saw enum drift, unknown fields and breakage among the mutated bodies", () => {
    expect(seen.bodies).toBeGreaterThan(100);
    expect(seen.enum).toBeGreaterThan(0);
    expect(seen["unknown-field"]).toBeGreaterThan(0);
    expect(seen.mismatch).toBeGreaterThan(0);
  });
});
