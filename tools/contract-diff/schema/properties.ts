// Object shape: properties added or removed, `required`, and whether unknown properties are allowed.
import { at } from "../changes.js";
import type { JsonObject, JsonValue } from "../types.js";
import { escapeSegment } from "../../../src/util/json-pointer.js";
import { isObject, sameJson } from "../types.js";
import type { SchemaContext, SchemaRule } from "./context.js";

function propertiesOf(schema: JsonObject): JsonObject {
  return isObject(schema.properties) ? schema.properties : {};
}

function requiredOf(schema: JsonObject): Set<string> {
  const r = schema.required;
  return new Set(Array.isArray(r) ? r.filter((x): x is string => typeof x === "string") : []);
}

function checkProperties(base: JsonObject, head: JsonObject, pointer: string, ctx: SchemaContext): void {
  const before = propertiesOf(base);
  const after = propertiesOf(head);
  const requiredAfter = requiredOf(head);
  for (const name of Object.keys(before)) {
    const child = `${pointer}/${escapeSegment(name)}`;
    if (!(name in after)) {
      // Removing a request property is breaking too: a closed schema now rejects callers that
      // send it, an open one silently ignores what they meant.
      ctx.changes.breaking(at(ctx.where, child), "property-removed", "property removed");
    } else {
      ctx.recurse(before[name], after[name], child);
    }
  }
  for (const name of Object.keys(after)) {
    if (name in before) continue;
    const where = at(ctx.where, `${pointer}/${escapeSegment(name)}`);
    if (ctx.direction === "request" && requiredAfter.has(name)) {
      ctx.changes.breaking(where, "required-property-added", "required property added: every caller must now send it");
    } else {
      ctx.changes.ok(where, "property-added", requiredAfter.has(name) ? "property added (required)" : "property added");
    }
  }
}

/** Only properties defined on both sides: additions and removals are reported by checkProperties. */
function checkRequired(base: JsonObject, head: JsonObject, pointer: string, ctx: SchemaContext): void {
  const before = requiredOf(base);
  const after = requiredOf(head);
  const propsBefore = propertiesOf(base);
  const propsAfter = propertiesOf(head);
  const defined = (name: string): boolean =>
    (name in propsBefore && name in propsAfter) || (!(name in propsBefore) && !(name in propsAfter));
  for (const name of after) {
    if (before.has(name) || !defined(name)) continue;
    ctx.changes.effect(ctx.direction, "tightened", at(ctx.where, `${pointer}/${escapeSegment(name)}`),
      "property-made-required", "property made required");
  }
  for (const name of before) {
    if (after.has(name) || !defined(name)) continue;
    const message = ctx.direction === "response"
      ? "property no longer required: consumers that rely on it being present break"
      : "property no longer required";
    ctx.changes.effect(ctx.direction, "loosened", at(ctx.where, `${pointer}/${escapeSegment(name)}`),
      "property-made-optional", message);
  }
}

type Extra = { kind: "open" } | { kind: "closed" } | { kind: "schema"; schema: JsonObject };

function extra(value: JsonValue | undefined): Extra {
  if (value === false) return { kind: "closed" };
  if (isObject(value) && Object.keys(value).length > 0) return { kind: "schema", schema: value };
  return { kind: "open" };
}

/**
 * Closing an object is breaking in both directions, although for a response it narrows the
 * values: this contract promises open objects ("Zoom adds fields without a version change"),
 * so consumers build index signatures and tolerant readers on that promise, and their own
 * validators would start rejecting the fields Zoom keeps adding.
 */
function checkExtra(keyword: string, base: JsonObject, head: JsonObject, pointer: string, ctx: SchemaContext): void {
  if (sameJson(base[keyword], head[keyword])) return;
  const before = extra(base[keyword]);
  const after = extra(head[keyword]);
  const where = at(ctx.where, pointer);
  if (after.kind === "closed" && before.kind !== "closed") {
    ctx.changes.breaking(where, "additional-properties-closed", `${keyword} closed (false): objects with unknown properties are now invalid`);
  } else if (before.kind === "closed" && after.kind !== "closed") {
    ctx.changes.effect(ctx.direction, "loosened", where, "additional-properties-opened", `${keyword} opened: unknown properties may now appear`);
  } else if (before.kind === "open" && after.kind === "schema") {
    ctx.changes.effect(ctx.direction, "tightened", where, "additional-properties-constrained", `${keyword} constrained to a schema`);
  } else if (before.kind === "schema" && after.kind === "open") {
    ctx.changes.effect(ctx.direction, "loosened", where, "additional-properties-unconstrained", `${keyword} schema removed: unknown properties may hold any value`);
  } else if (before.kind === "schema" && after.kind === "schema") {
    ctx.recurse(before.schema, after.schema, `${pointer}/{${keyword}}`);
  }
}

export const propertiesRule: SchemaRule = {
  keywords: ["properties", "required", "additionalProperties", "unevaluatedProperties"],
  check(base, head, pointer, ctx) {
    checkProperties(base, head, pointer, ctx);
    checkRequired(base, head, pointer, ctx);
    checkExtra("additionalProperties", base, head, pointer, ctx);
    checkExtra("unevaluatedProperties", base, head, pointer, ctx);
  },
};
