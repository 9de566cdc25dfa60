import type { JsonValue } from "../spec/json.js";

export { isJsonObject, type JsonObject, type JsonValue } from "../spec/json.js";

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
