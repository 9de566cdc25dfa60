// Shared vocabulary of the contract diff: JSON values, the Change record and the direction
// that decides whether a narrowing or a widening breaks someone.
import { isDeepStrictEqual } from "node:util";

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

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

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

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

/** RFC 6901 escaping, so a property called `a/b` cannot be read as two levels. */
export function pointerSegment(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}
