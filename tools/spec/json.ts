// The tools' JSON vocabulary: a parsed JSON/YAML value and the one guard that narrows to an object.
import { isRecord } from "../../src/util/json-pointer.js";

/** A parsed JSON/YAML object (an OpenAPI bundle, an Overlay document, a part of either). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** `isRecord`, for values that came from a JSON or YAML parser. */
export const isJsonObject = isRecord as (value: unknown) => value is JsonObject;
