// Shared vocabulary of the contract diff: JSON values, the Change record and the direction
// that decides whether a narrowing or a widening breaks someone.
import { isDeepStrictEqual } from "node:util";
import type { JsonValue } from "../spec/json.js";

export { isJsonObject, type JsonObject, type JsonValue } from "../spec/json.js";

export interface Change {
  location: string;
  kind: string;
  breaking: boolean;
  message: string;
}

/**
 * `request`: values a caller sends (parameters, request bodies).
 * `response`: values a consumer receives (response bodies and headers).
 */
export type Direction = "request" | "response";

/** What a change does to the set of values a schema allows. */
export type Effect = "tightened" | "loosened" | "changed";

export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return isDeepStrictEqual(a, b);
}

/** Compact, bounded rendering of a value for a one-line message. */
export function show(value: JsonValue | undefined): string {
  if (value === undefined) return "(none)";
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // Dereferenced recursive schemas are cyclic object graphs.
    return "(recursive schema)";
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
