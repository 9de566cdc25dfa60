// Reads the words for enum values from the contract (`x-enumDescriptions`), so the demo says
// what the spec says and a reworded or added value needs no second edit here.
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { isRecord } from "../../src/util/json-pointer.js";
import { resolveObject } from "../spec/refs.js";

type SchemaObject = Record<string, unknown>;

/**
 * The schema reached from `components.schemas[root]` by property names; `[]` steps into an
 * array's items (`["occurrences", "[]", "status"]`). `$ref`s are followed on the way.
 */
export function schemaAtPath(document: OpenApiDocument, root: string, steps: readonly string[]): SchemaObject | undefined {
  let schema = resolveObject(document, document.components?.schemas?.[root]);
  for (const step of steps) {
    if (schema === undefined) return undefined;
    const next = step === "[]" ? schema.items : isRecord(schema.properties) ? schema.properties[step] : undefined;
    schema = resolveObject(document, next);
  }
  return schema;
}

/** The contract's text for `value` at that place, or undefined when it has none. */
export function enumWords(document: OpenApiDocument, root: string, steps: readonly string[], value: unknown): string | undefined {
  const descriptions = schemaAtPath(document, root, steps)?.["x-enumDescriptions"];
  if (!isRecord(descriptions) || (typeof value !== "string" && typeof value !== "number")) return undefined;
  const words = descriptions[String(value)];
  return typeof words === "string" ? words : undefined;
}
