// Where a body Zoom sent departs from the contract, as rows for a person to read: the errors of
// the operation's own response validator (the module `validateResponses` loads), sorted the way
// the client sorts them (driftOf): a value outside an enum or a field the contract does not
// declare is drift, everything else breaks the contract.
import { escapeSegment, getAt, parsePointer } from "../../src/util/json-pointer.js";
import { driftOf, type ResponseValidationError } from "../../src/client/response-validator.js";

/** One error as a generated validator reports it (Ajv's ErrorObject, verbose). */
export type ValidatorError = ResponseValidationError;

export interface MismatchRow {
  /** JSON pointer into the body. */
  pointer: string;
  /** What the contract asks for there, e.g. `integer`, `one of 5, 6, 9`, `≤ 60`. */
  expected: string;
  /** What Zoom sent there, as short JSON; `(absent)` for a missing required field. */
  seen: string;
}

export interface DriftRow {
  pointer: string;
  /** `outside the enum (one of …)` or `undocumented field`. */
  kind: string;
  /** The value for an enum (a short JSON text); for an undocumented field only its JSON type. */
  seen: string;
}

export interface DescribedCheck {
  breakage: MismatchRow[];
  drift: DriftRow[];
}

// Fields whose values let someone in or stream as someone (a signed start link, passcodes, join
// tokens, a stream key). A row there shows the value's type and length, never the value.
const SENSITIVE_FIELDS = new Set(["start_url", "join_url", "password", "h323_passcode", "encrypted_passcode", "token", "stream_key"]);
const SEEN_MAX = 60;

/** The validator's errors for `body` as breakage and drift rows, in the validator's order, sorted as the client sorts them (driftOf). */
export function describeErrors(errors: readonly ValidatorError[], body: unknown): DescribedCheck {
  const described: DescribedCheck = { breakage: [], drift: [] };
  for (const error of errors) {
    const drift = driftOf(error);
    if (drift === undefined) {
      described.breakage.push(toRow(error, body));
    } else if (drift.kind === "enum") {
      described.drift.push({
        pointer: drift.pointer || "(body)",
        kind: `outside the enum (one of ${drift.expected.map((value) => JSON.stringify(value)).join(", ")})`,
        seen: seenText(body, drift.pointer),
      });
    } else {
      // An unknown field may hold anything, secrets included: its type only.
      described.drift.push({ pointer: drift.pointer, kind: "undocumented field", seen: jsonType(getAt(body, parsePointer(drift.pointer))) });
    }
  }
  return described;
}

function toRow(error: ValidatorError, body: unknown): MismatchRow {
  const params = error.params;
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return { pointer: `${error.instancePath}/${escapeSegment(params.missingProperty)}`, expected: "present (required)", seen: "(absent)" };
  }
  return { pointer: error.instancePath || "(body)", expected: expectedText(error), seen: seenText(body, error.instancePath) };
}

function expectedText(error: ValidatorError): string {
  const params = error.params;
  switch (error.keyword) {
    case "type":
      return String(params.type);
    case "format":
      return `format ${String(params.format)}`;
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum":
      return `${String(params.comparison).replace("<=", "≤").replace(">=", "≥")} ${String(params.limit)}`;
    case "maxLength":
      return `at most ${String(params.limit)} characters`;
    case "minLength":
      return `at least ${String(params.limit)} characters`;
    case "maxItems":
      return `at most ${String(params.limit)} items`;
    case "minItems":
      return `at least ${String(params.limit)} items`;
    case "pattern":
      return `matching ${String(params.pattern)}`;
    default:
      return error.message ?? error.keyword;
  }
}

function seenText(body: unknown, instancePath: string): string {
  const segments = parsePointer(instancePath);
  const value = getAt(body, segments);
  const name = segments.at(-1);
  if (name !== undefined && SENSITIVE_FIELDS.has(name)) {
    return typeof value === "string" ? `(a string of ${value.length} characters, not shown)` : `(${jsonType(value)}, not shown)`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SEEN_MAX ? `${text.slice(0, SEEN_MAX - 1)}…` : text;
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
