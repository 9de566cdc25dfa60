import { escapeSegment } from "../util/json-pointer.js";
import type { ResponseMismatch } from "./zoom-api-error.js";

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

/** One error as a validator reports it (the fields of Ajv's verbose ErrorObject read here). */
export interface ResponseValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The failing value. */
  data?: unknown;
  /** The schema object holding the failing keyword. */
  parentSchema?: unknown;
}

/**
 * A response schema's validator: the `validate` export of a module under generated/validators/
 * (Ajv standalone code compiled by `npm run generate`, object schemas closed, every error
 * reported verbosely). Returns whether `data` matches; `errors` then lists every difference.
 */
export interface ResponseValidator {
  (data: unknown): boolean;
  errors?: readonly ResponseValidationError[] | null;
}

export interface ResponseCheck {
  /** Breakage: a wrong type or shape. The call fails when there is any. */
  mismatches: ResponseMismatch[];
  drift: ResponseDrift[];
}

/**
 * Sorts every difference between `body` and the validator's schema into breakage and drift:
 * a value outside an enum (`enum`) or a field the schema does not declare
 * (`unevaluatedProperties`) is drift; everything else is breakage. At most MAX_FINDINGS of each.
 */
export function checkResponse(validate: ResponseValidator, body: unknown): ResponseCheck {
  const check: ResponseCheck = { mismatches: [], drift: [] };
  if (validate(body)) return check;
  for (const error of validate.errors ?? []) {
    const drift = driftOf(error);
    if (drift !== undefined) {
      if (check.drift.length < MAX_FINDINGS) check.drift.push(drift);
    } else if (check.mismatches.length < MAX_FINDINGS) {
      check.mismatches.push(toMismatch(error));
    }
  }
  return check;
}

/** The drift an error reports (a value outside an enum, an undeclared field), or undefined when it is breakage. */
export function driftOf(error: ResponseValidationError): ResponseDrift | undefined {
  if (error.keyword === "enum") {
    const allowed: unknown = error.params.allowedValues;
    return { kind: "enum", pointer: error.instancePath, value: error.data, expected: Array.isArray(allowed) ? allowed : [] };
  }
  if (error.keyword === "unevaluatedProperties") {
    const field: unknown = error.params.unevaluatedProperty;
    if (typeof field !== "string") return undefined;
    const declared: unknown = (error.parentSchema as { properties?: unknown } | undefined)?.properties;
    const data = error.data;
    return {
      kind: "unknown-field",
      pointer: `${error.instancePath}/${escapeSegment(field)}`,
      value: typeof data === "object" && data !== null ? (data as Record<string, unknown>)[field] : undefined,
      expected: typeof declared === "object" && declared !== null ? Object.keys(declared) : [],
    };
  }
  return undefined;
}

function toMismatch(error: ResponseValidationError): ResponseMismatch {
  return { instancePath: error.instancePath, message: error.message ?? error.keyword };
}
