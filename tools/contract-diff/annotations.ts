// The catch-all that runs after the specific rules at every level (schema, parameter, header,
// response, media type, operation): documentation-only keywords are listed as non-breaking;
// any other keyword no rule owns is listed as breaking, so the gate fails closed on what it
// does not understand instead of waving it through.
import type { ChangeList } from "./changes.js";
import type { JsonObject } from "./types.js";
import { sameJson, show } from "./types.js";

const DOCUMENTATION = new Set([
  "description", "title", "summary", "example", "examples", "$comment", "externalDocs", "xml",
  "tags", "operationId", "links", "$id", "$schema", "$anchor", "$defs", "definitions",
]);

export function isDocumentation(keyword: string): boolean {
  return DOCUMENTATION.has(keyword) || keyword.startsWith("x-");
}

export function reportOtherKeys(
  base: JsonObject,
  head: JsonObject,
  handled: ReadonlySet<string>,
  location: string,
  changes: ChangeList,
): void {
  const keys = new Set([...Object.keys(base), ...Object.keys(head)]);
  for (const key of keys) {
    if (handled.has(key) || sameJson(base[key], head[key])) continue;
    const verb = !(key in base) ? "added" : !(key in head) ? "removed" : "changed";
    if (isDocumentation(key)) {
      const detail = key === "operationId" ? ` from ${show(base[key])} to ${show(head[key])} (not on the wire)` : "";
      changes.ok(location, "documentation-changed", `${key} ${verb}${detail}`);
    } else {
      changes.breaking(location, "unclassified", `${key} ${verb}: no rule covers it, review by hand`);
    }
  }
}
