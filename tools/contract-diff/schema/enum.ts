// `enum` and `const`: each value added or removed is its own change.
import { at } from "../changes.js";
import type { JsonObject, JsonValue } from "../types.js";
import { show } from "../types.js";
import type { SchemaRule } from "./context.js";

/** undefined = no restriction. */
function allowedValues(schema: JsonObject): JsonValue[] | undefined {
  if ("const" in schema) return [schema.const as JsonValue];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

const key = (v: JsonValue): string => JSON.stringify(v);

export const enumRule: SchemaRule = {
  keywords: ["enum", "const"],
  check(base, head, pointer, ctx) {
    const before = allowedValues(base);
    const after = allowedValues(head);
    const where = at(ctx.where, pointer);
    if (before === undefined && after === undefined) return;
    if (before === undefined) {
      ctx.changes.effect(ctx.direction, "tightened", where, "enum-added", `values restricted to ${show(after)}`);
      return;
    }
    if (after === undefined) {
      ctx.changes.effect(ctx.direction, "loosened", where, "enum-removed", `enum ${show(before)} removed: any value allowed`);
      return;
    }
    const beforeKeys = new Set(before.map(key));
    const afterKeys = new Set(after.map(key));
    for (const v of after) {
      if (!beforeKeys.has(key(v))) ctx.changes.effect(ctx.direction, "loosened", where, "enum-value-added", `enum value ${show(v)} added`);
    }
    for (const v of before) {
      if (!afterKeys.has(key(v))) ctx.changes.effect(ctx.direction, "tightened", where, "enum-value-removed", `enum value ${show(v)} removed`);
    }
  },
};
