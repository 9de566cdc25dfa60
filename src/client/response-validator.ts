import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import { closeObjectSchemas, compileSchema, createOpenApiAjv, type OpenApiDocument } from "../validation/openapi-ajv.js";
import { escapeSegment } from "../util/json-pointer.js";
import type { ResponseMismatch } from "./zoom-api-error.js";

// Read relative to this module, which sits at the same depth under src/ and dist/, so both find
// the one generated/openapi.json at the package root. Reading it (rather than importing the
// JSON) keeps it out of the module graph until a client actually asks for validation.
const SPEC_URL = new URL("../../generated/openapi.json", import.meta.url);
/** Most drift reports and mismatches kept from one body. */
export const MAX_FINDINGS = 100;

/** Something in a successful response the contract does not list, which does not break it. */
export interface ResponseDrift {
  /** `enum`: a value outside a documented enum; `unknown-field`: a field the contract does not declare. */
  kind: "enum" | "unknown-field";
  /** JSON pointer to the value in the body (for an unknown field, to the field itself). */
  pointer: string;
  /** The value found there, as received. */
  value: unknown;
  /** What the contract expects there: the enum's values, or the field names it declares in that object. */
  expected: readonly unknown[];
}

export interface WebinarCheck {
  /** Breakage: a wrong type or shape. The call fails when there is any. */
  mismatches: ResponseMismatch[];
  drift: ResponseDrift[];
}

let validateWebinar: ValidateFunction | undefined;

/**
 * Compiled on first use and then shared by every client in the process. One pass over a copy of
 * the contract whose object schemas are closed (closeObjectSchemas): Ajv then reports unknown
 * fields as `unevaluatedProperties` errors, and errors are sorted by keyword into drift
 * (`enum`, `unevaluatedProperties`) and breakage (everything else).
 */
function webinarValidator(): ValidateFunction {
  if (validateWebinar === undefined) {
    let document: OpenApiDocument;
    try {
      document = JSON.parse(readFileSync(SPEC_URL, "utf8")) as OpenApiDocument;
    } catch (error) {
      throw new Error(`validateResponses needs the bundled contract at ${SPEC_URL.pathname}`, { cause: error });
    }
    validateWebinar = compileSchema(createOpenApiAjv(closeObjectSchemas(document, "Webinar"), { verbose: true }), "Webinar");
  }
  return validateWebinar;
}

/** A compiled response validator: true when `data` matches, else its `errors` say where. */
export type ResponseValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Sorts every difference between `body` and the contract's Webinar schema into breakage and drift. */
export function checkWebinar(body: unknown): WebinarCheck {
  return checkResponse(webinarValidator(), body);
}

/** Sorts every difference between `body` and the schema `validate` checks into breakage and drift. */
export function checkResponse(validate: ResponseValidator, body: unknown): WebinarCheck {
  const check: WebinarCheck = { mismatches: [], drift: [] };
  if (validate(body)) return check;
  for (const error of validate.errors ?? []) {
    const drift = asDrift(error);
    if (drift !== undefined) {
      if (check.drift.length < MAX_FINDINGS) check.drift.push(drift);
    } else if (check.mismatches.length < MAX_FINDINGS) {
      check.mismatches.push(toMismatch(error));
    }
  }
  return check;
}

/** The breakage in `body` (wrong types or shapes), or undefined when there is none. */
export function findWebinarMismatches(body: unknown): ResponseMismatch[] | undefined {
  const { mismatches } = checkWebinar(body);
  return mismatches.length > 0 ? mismatches : undefined;
}

function asDrift(error: ErrorObject): ResponseDrift | undefined {
  if (error.keyword === "enum") {
    const allowed: unknown = error.params.allowedValues;
    return { kind: "enum", pointer: error.instancePath, value: error.data, expected: Array.isArray(allowed) ? allowed : [] };
  }
  if (error.keyword === "unevaluatedProperties") {
    const field: unknown = error.params.unevaluatedProperty;
    if (typeof field !== "string") return undefined;
    const declared: unknown = (error.parentSchema as { properties?: unknown } | undefined)?.properties;
    return {
      kind: "unknown-field",
      pointer: `${error.instancePath}/${escapeSegment(field)}`,
      value: (error.data as Record<string, unknown>)[field],
      expected: typeof declared === "object" && declared !== null ? Object.keys(declared) : [],
    };
  }
  return undefined;
}

function toMismatch(error: ErrorObject): ResponseMismatch {
  return { instancePath: error.instancePath, message: error.message ?? error.keyword };
}
