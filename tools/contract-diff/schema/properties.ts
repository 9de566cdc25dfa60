// Object shape: properties added or removed, `required`, and whether unknown properties are allowed.
import { at } from "../changes.js";
import type { JsonObject, JsonValue } from "../types.js";
import { escapeSegment } from "../../../src/util/json-pointer.js";
import { isJsonObject, sameJson } from "../types.js";
import type { SchemaContext, SchemaRule } from "./context.js";

function propertiesOf(schema: JsonObject): JsonObject {
  return isJsonObject(schema.properties) ? schema.properties : {};
}

function requiredOf(schema: JsonObject): Set<string> {
  const r = schema.required;
  return new Set(Array.isArray(r) ? r.filter((x): x is string => typeof x === "string") : []);
}

// OpenAPI: a readOnly property's `required` applies to responses only, so callers never send it.
function readOnly(schema: JsonValue | undefined): boolean {
  return isJsonObject(schema) && schema.readOnly === true;
}

/**
 * A removed response property breaks consumers that read it. A removed request property breaks
 * callers only where the object now refuses or constrains unknown properties (`false`, a schema,
 * patternProperties); an open object accepts it and ignores it, so callers that send it still pass.
 */
function reportRemoved(head: JsonObject, removed: JsonValue | undefined, child: string, ctx: SchemaContext): void {
  const where = at(ctx.where, child);
  if (ctx.direction === "response") {
    ctx.changes.breaking(where, "property-removed", "property removed");
    return;
  }
  if (readOnly(removed)) {
    ctx.changes.ok(where, "property-removed", "readOnly property removed: callers never sent it");
    return;
  }
  const rest = [extra(head.additionalProperties), extra(head.unevaluatedProperties)];
  if (rest.some((e) => e.kind === "closed")) {
    ctx.changes.breaking(where, "property-removed", "property removed from a closed object (additionalProperties: false): callers that still send it are refused");
  } else if (rest.some((e) => e.kind === "schema") || (isJsonObject(head.patternProperties) && Object.keys(head.patternProperties).length > 0)) {
    ctx.changes.breaking(where, "property-removed", "property removed: callers that still send it must now match the schema for unknown properties");
  } else {
    ctx.changes.ok(where, "property-removed", "property removed from an open object: callers that still send it are not refused");
  }
}

function checkProperties(base: JsonObject, head: JsonObject, pointer: string, ctx: SchemaContext): void {
  const before = propertiesOf(base);
  const after = propertiesOf(head);
  const requiredAfter = requiredOf(head);
  for (const name of Object.keys(before)) {
    const child = `${pointer}/${escapeSegment(name)}`;
    if (!(name in after)) reportRemoved(head, before[name], child, ctx);
    else ctx.recurse(before[name], after[name], child);
  }
  for (const name of Object.keys(after)) {
    if (name in before) continue;
    const where = at(ctx.where, `${pointer}/${escapeSegment(name)}`);
    if (ctx.direction === "request" && requiredAfter.has(name) && !readOnly(after[name])) {
      ctx.changes.breaking(where, "required-property-added", "required property added: every caller must now send it");
    } else {
      const note = !requiredAfter.has(name) ? "" : ctx.direction === "request" ? " (required, readOnly: callers do not send it)" : " (required)";
      ctx.changes.ok(where, "property-added", `property added${note}`);
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
    const where = at(ctx.where, `${pointer}/${escapeSegment(name)}`);
    if (ctx.direction === "request" && readOnly(propsAfter[name])) {
      ctx.changes.ok(where, "property-made-required", "property made required (readOnly: callers do not send it)");
    } else {
      ctx.changes.effect(ctx.direction, "tightened", where, "property-made-required", "property made required");
    }
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
  if (isJsonObject(value) && Object.keys(value).length > 0) return { kind: "schema", schema: value };
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
