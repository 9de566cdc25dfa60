import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import { compileSchema, createOpenApiAjv, type OpenApiDocument } from "../validation/openapi-ajv.js";
import type { ResponseMismatch } from "./zoom-api-error.js";

// Read relative to this module, which sits at the same depth under src/ and dist/, so both find
// the one generated/openapi.json at the package root. Reading it (rather than importing the
// JSON) keeps it out of the module graph until a client actually asks for validation.
const SPEC_URL = new URL("../../generated/openapi.json", import.meta.url);

let validateWebinar: ValidateFunction | undefined;

/** Compiled on first use and then shared by every client in the process. */
function webinarValidator(): ValidateFunction {
  if (validateWebinar === undefined) {
    let document: OpenApiDocument;
    try {
      document = JSON.parse(readFileSync(SPEC_URL, "utf8")) as OpenApiDocument;
    } catch (error) {
      throw new Error(`validateResponses needs the bundled contract at ${SPEC_URL.pathname}`, { cause: error });
    }
    validateWebinar = compileSchema(createOpenApiAjv(document), "Webinar");
  }
  return validateWebinar;
}

/**
 * Every place where `body` breaks the contract's Webinar schema, or undefined when it fits.
 * The schema leaves additionalProperties open, so fields Zoom adds later are not mismatches.
 */
export function findWebinarMismatches(body: unknown): ResponseMismatch[] | undefined {
  const validate = webinarValidator();
  if (validate(body)) return undefined;
  return (validate.errors ?? []).map(toMismatch);
}

function toMismatch(error: ErrorObject): ResponseMismatch {
  const allowed =
    error.keyword === "enum" && Array.isArray(error.params.allowedValues)
      ? ` (${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(", ")})`
      : "";
  return { instancePath: error.instancePath, message: `${error.message ?? error.keyword}${allowed}` };
}
