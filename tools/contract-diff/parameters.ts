// Operation parameters (path-level and operation-level merged), always in the request direction.
import { reportOtherKeys } from "./annotations.js";
import type { ChangeList } from "./changes.js";
import { diffContent } from "./content.js";
import { diffSchema } from "./schema/diff-schema.js";
import type { JsonObject, JsonValue } from "./types.js";
import { isJsonObject, show } from "./types.js";

const HANDLED: ReadonlySet<string> = new Set([
  "name", "in", "required", "deprecated", "style", "explode", "allowReserved", "allowEmptyValue", "schema", "content",
]);

interface Entry {
  label: string;
  param: JsonObject;
}

/**
 * Path parameters are keyed by their position in the template: `/a/{id}` -> `/a/{webinarId}`
 * sends the same bytes, so a rename must not read as one parameter removed and another added.
 * Header names are case-insensitive on the wire.
 */
function collect(template: string, pathItem: JsonObject, operation: JsonObject): Map<string, Entry> {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const entries = new Map<string, Entry>();
  const lists: JsonValue[] = [pathItem.parameters ?? [], operation.parameters ?? []];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const param of list) {
      if (!isJsonObject(param) || typeof param.name !== "string" || typeof param.in !== "string") continue;
      const position = names.indexOf(param.name);
      const key =
        param.in === "path" && position >= 0 ? `path#${position}`
        : param.in === "header" ? `header:${param.name.toLowerCase()}`
        : `${param.in}:${param.name}`;
      // Later lists win: an operation-level parameter overrides the path-level one.
      entries.set(key, { label: `${param.in}/${param.name}`, param });
    }
  }
  return entries;
}

// Serialization keywords compared by their effective values, so writing a default out is no change.
function serialization(p: JsonObject): string {
  const style = typeof p.style === "string" ? p.style : p.in === "query" || p.in === "cookie" ? "form" : "simple";
  const explode = typeof p.explode === "boolean" ? p.explode : style === "form";
  return JSON.stringify([style, explode, p.allowReserved === true, p.allowEmptyValue === true]);
}

export interface OperationSide {
  template: string;
  pathItem: JsonObject;
  operation: JsonObject;
}

export function diffParameters(base: OperationSide, head: OperationSide, opLabel: string, changes: ChangeList): void {
  const before = collect(base.template, base.pathItem, base.operation);
  const after = collect(head.template, head.pathItem, head.operation);
  for (const [key, { label, param }] of before) {
    const where = `${opLabel} parameters/${label}`;
    const next = after.get(key);
    if (next === undefined) {
      // Parameters have no additionalProperties: the contract cannot say whether the server now
      // refuses the parameter or ignores it (a filter silently dropped), so the gate fails closed.
      changes.breaking(where, "parameter-removed", "parameter removed: callers that send it are refused or silently lose its effect");
      continue;
    }
    const p = next.param;
    const at = `${opLabel} parameters/${next.label}`;
    if (p.name !== param.name) {
      changes.ok(at, "path-parameter-renamed", `path parameter renamed from ${show(param.name)} (not on the wire)`);
    }
    const wasRequired = param.required === true;
    const isRequired = p.required === true;
    if (!wasRequired && isRequired) changes.breaking(at, "parameter-made-required", "parameter made required");
    if (wasRequired && !isRequired) changes.ok(at, "parameter-made-optional", "parameter made optional");
    if ((param.deprecated === true) !== (p.deprecated === true)) {
      changes.ok(at, "deprecation-changed", p.deprecated === true ? "parameter deprecated" : "parameter no longer deprecated");
    }
    if (serialization(param) !== serialization(p)) {
      changes.breaking(at, "serialization-changed", `serialization changed from ${serialization(param)} to ${serialization(p)} (style, explode, allowReserved, allowEmptyValue)`);
    }
    diffSchema(param.schema, p.schema, "request", at, changes);
    diffContent(param.content, p.content, "request", at, changes);
    reportOtherKeys(param, p, HANDLED, at, changes);
  }
  for (const [key, { label, param }] of after) {
    if (before.has(key)) continue;
    const where = `${opLabel} parameters/${label}`;
    if (param.required === true) changes.breaking(where, "required-parameter-added", "required parameter added");
    else changes.ok(where, "optional-parameter-added", "optional parameter added");
  }
}
