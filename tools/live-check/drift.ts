// Where a body Zoom sent departs from the contract: every validation error (Ajv, allErrors)
// as pointer / expected / seen, and every field the contract does not describe.
import type { ErrorObject } from "ajv";
import { compileSchema, createOpenApiAjv, type OpenApiDocument } from "../spec/openapi-ajv.js";
import { escapeSegment, getAt, isRecord, parsePointer } from "../../src/util/json-pointer.js";
import { resolveObject } from "../spec/refs.js";

export interface MismatchRow {
  /** JSON pointer into the body. */
  pointer: string;
  /** What the contract asks for there, e.g. `integer`, `one of 5, 6, 9`, `≤ 60`. */
  expected: string;
  /** What Zoom sent there, as short JSON; `(absent)` for a missing required field. */
  seen: string;
}

export interface UndocumentedField {
  pointer: string;
  /** The JSON type of the value only: an unknown field may hold anything, secrets included. */
  seen: string;
}

// Fields whose values let someone in (a signed start link, passcodes). A mismatch there shows
// the value's type and length, never the value.
const SENSITIVE_FIELDS = new Set(["start_url", "password", "h323_passcode", "encrypted_passcode"]);
const SEEN_MAX = 60;

/** Every mismatch of `body` against `components.schemas[schemaName]`, in Ajv's order. */
export function findMismatches(document: OpenApiDocument, body: unknown, schemaName = "Webinar"): MismatchRow[] {
  const validate = compileSchema(createOpenApiAjv(document, { allErrors: true }), schemaName);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => toRow(error, body));
}

function toRow(error: ErrorObject, body: unknown): MismatchRow {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return { pointer: `${error.instancePath}/${escapeSegment(params.missingProperty)}`, expected: "present (required)", seen: "(absent)" };
  }
  return { pointer: error.instancePath || "(body)", expected: expectedText(error), seen: seenText(body, error.instancePath) };
}

function expectedText(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return String(params.type);
    case "enum":
      return `one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`;
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

/**
 * Fields in `body` that the schema's `properties` do not name, at any depth that the schema
 * describes (objects and the items of arrays; `$ref`s followed). The contract stays open to
 * such fields, so they are reported for a person to decide, not counted as mismatches.
 */
export function findUndocumentedFields(document: OpenApiDocument, body: unknown, schemaName = "Webinar"): UndocumentedField[] {
  const found: UndocumentedField[] = [];
  const walk = (value: unknown, schemaNode: unknown, pointer: string): void => {
    const schema = resolveObject(document, schemaNode);
    if (schema === undefined) return;
    if (Array.isArray(value)) {
      if (schema.items !== undefined) value.forEach((item, index) => walk(item, schema.items, `${pointer}/${index}`));
      return;
    }
    if (!isRecord(value) || !isRecord(schema.properties)) return;
    const known = schema.properties;
    for (const [key, child] of Object.entries(value)) {
      const childPointer = `${pointer}/${escapeSegment(key)}`;
      if (Object.hasOwn(known, key)) walk(child, known[key], childPointer);
      else found.push({ pointer: childPointer, seen: jsonType(child) });
    }
  };
  walk(body, { $ref: `#/components/schemas/${escapeSegment(schemaName)}` }, "");
  return found;
}
