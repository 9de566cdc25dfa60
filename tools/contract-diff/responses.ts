// Responses: status codes, their headers and bodies, in the response direction.
import { reportOtherKeys } from "./annotations.js";
import type { ChangeList } from "./changes.js";
import { diffContent } from "./content.js";
import { diffSchema } from "./schema/diff-schema.js";
import type { JsonObject, JsonValue } from "./types.js";
import { isJsonObject } from "./types.js";

const RESPONSE_KEYS: ReadonlySet<string> = new Set(["headers", "content"]);
const HEADER_KEYS: ReadonlySet<string> = new Set(["required", "schema", "content", "deprecated"]);

function objects(value: JsonValue | undefined): Map<string, JsonObject> {
  return new Map(Object.entries(isJsonObject(value) ? value : {}).filter((e): e is [string, JsonObject] => isJsonObject(e[1])));
}

// Header names are case-insensitive on the wire.
function headersOf(response: JsonObject): Map<string, [string, JsonObject]> {
  return new Map([...objects(response.headers)].map(([name, h]) => [name.toLowerCase(), [name, h]]));
}

function diffHeaders(base: JsonObject, head: JsonObject, location: string, changes: ChangeList): void {
  const before = headersOf(base);
  const after = headersOf(head);
  for (const [key, [name, header]] of before) {
    const where = `${location}/headers/${name}`;
    const next = after.get(key)?.[1];
    if (next === undefined) {
      changes.breaking(where, "response-header-removed", "response header removed");
      continue;
    }
    const was = header.required === true;
    const is = next.required === true;
    if (was && !is) changes.breaking(where, "response-header-made-optional", "response header no longer required: consumers that rely on it break");
    if (!was && is) changes.ok(where, "response-header-made-required", "response header made required");
    if ((header.deprecated === true) !== (next.deprecated === true)) {
      changes.ok(where, "deprecation-changed", next.deprecated === true ? "header deprecated" : "header no longer deprecated");
    }
    diffSchema(header.schema, next.schema, "response", where, changes);
    diffContent(header.content, next.content, "response", where, changes);
    reportOtherKeys(header, next, HEADER_KEYS, where, changes);
  }
  for (const [key, [name]] of after) {
    if (!before.has(key)) changes.ok(`${location}/headers/${name}`, "response-header-added", "response header added");
  }
}

/**
 * A new status code is listed as non-breaking: consumers must already handle statuses the
 * contract does not list (this one documents only some of Zoom's error codes), while a
 * removed one breaks code and generated types that branch on it.
 */
export function diffResponses(base: JsonValue | undefined, head: JsonValue | undefined, opLabel: string, changes: ChangeList): void {
  const before = objects(base);
  const after = objects(head);
  for (const [status, response] of before) {
    const where = `${opLabel} responses/${status}`;
    const next = after.get(status);
    if (next === undefined) {
      changes.breaking(where, "status-removed", "status code removed");
      continue;
    }
    diffHeaders(response, next, where, changes);
    diffContent(response.content, next.content, "response", where, changes);
    reportOtherKeys(response, next, RESPONSE_KEYS, where, changes);
  }
  for (const status of after.keys()) {
    if (!before.has(status)) changes.ok(`${opLabel} responses/${status}`, "status-added", "status code added");
  }
}
