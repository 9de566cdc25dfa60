// Reads the words for enum values from the contract (`x-enumDescriptions`), so the demo says
// what the spec says and a reworded or added value needs no second edit here.
import type { OpenApiDocument } from "../../src/validation/openapi-ajv.js";
import { getAt, isRecord, parsePointer } from "../../src/util/json-pointer.js";

type SchemaObject = Record<string, unknown>;

/**
 * The schema reached from `components.schemas[root]` by property names; `[]` steps into an
 * array's items (`["occurrences", "[]", "status"]`). `$ref`s are followed on the way.
 */
export function schemaAtPath(document: OpenApiDocument, root: string, steps: readonly string[]): SchemaObject | undefined {
  let schema = resolve(document, document.components?.schemas?.[root]);
  for (const step of steps) {
    if (schema === undefined) return undefined;
    const next = step === "[]" ? schema.items : isRecord(schema.properties) ? schema.properties[step] : undefined;
    schema = resolve(document, next);
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

function resolve(document: OpenApiDocument, node: unknown): SchemaObject | undefined {
  const seen = new Set<string>();
  let current = node;
  while (isRecord(current) && typeof current.$ref === "string") {
    // A cycle of bare refs points at nothing; stop instead of looping.
    if (seen.has(current.$ref) || !current.$ref.startsWith("#")) return undefined;
    seen.add(current.$ref);
    current = getAt(document, parsePointer(current.$ref));
  }
  return isRecord(current) ? current : undefined;
}
