// The bundled contract these tests check the client and the mock against.
import { readFileSync } from "node:fs";
// The path from the one place that names generated files: importing it from tools/mock would
// load Prism into every contract test file.
import { GENERATED_OPENAPI_JSON as DEFAULT_SPEC_PATH } from "../../../tools/spec/generated-files.js";
import type { OpenApiDocument } from "../../../tools/spec/openapi-ajv.js";

export function loadBundledContract(): OpenApiDocument & { paths: Record<string, unknown> } {
  let text: string;
  try {
    text = readFileSync(DEFAULT_SPEC_PATH, "utf8");
  } catch (error) {
    // Fail, never skip: a contract test without the contract has checked nothing.
    throw new Error(`${DEFAULT_SPEC_PATH} is missing: run \`npm run generate\` first`, { cause: error });
  }
  return JSON.parse(text) as OpenApiDocument & { paths: Record<string, unknown> };
}
