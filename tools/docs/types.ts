import type { JsonObject, JsonValue } from "../spec/bundle-contract.js";

export type { JsonObject, JsonValue };

/** One action of an OpenAPI Overlay 1.0 document. */
export interface OverlayAction {
  target: string;
  description?: string;
  update?: JsonValue;
  remove?: boolean;
}

/** An OpenAPI Overlay 1.0 document, as this project writes them (no `extends`, no reusable actions). */
export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
