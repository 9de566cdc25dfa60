// The request body, in the request direction.
import { reportOtherKeys } from "./annotations.js";
import type { ChangeList } from "./changes.js";
import { diffContent } from "./content.js";
import type { JsonValue } from "./types.js";
import { isJsonObject } from "./types.js";

const HANDLED: ReadonlySet<string> = new Set(["required", "content"]);

export function diffRequestBody(base: JsonValue | undefined, head: JsonValue | undefined, opLabel: string, changes: ChangeList): void {
  const where = `${opLabel} requestBody`;
  const before = isJsonObject(base) ? base : undefined;
  const after = isJsonObject(head) ? head : undefined;
  if (before === undefined && after === undefined) return;
  if (before === undefined && after !== undefined) {
    if (after.required === true) changes.breaking(where, "request-body-added", "required request body added");
    else changes.ok(where, "request-body-added", "optional request body added");
    return;
  }
  if (before !== undefined && after === undefined) {
    changes.breaking(where, "request-body-removed", "request body removed: callers still send one");
    return;
  }
  if (before === undefined || after === undefined) return;
  const was = before.required === true;
  const is = after.required === true;
  if (!was && is) changes.breaking(where, "request-body-made-required", "request body made required");
  if (was && !is) changes.ok(where, "request-body-made-optional", "request body made optional");
  diffContent(before.content, after.content, "request", where, changes);
  reportOtherKeys(before, after, HANDLED, where, changes);
}
