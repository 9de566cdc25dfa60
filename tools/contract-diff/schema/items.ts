// Arrays: `items` descends as `[]`, tuple positions (`prefixItems`) as `[i]`.
import { at } from "../changes.js";
import type { JsonValue } from "../types.js";
import type { SchemaRule } from "./context.js";

export const itemsRule: SchemaRule = {
  keywords: ["items", "prefixItems"],
  check(base, head, pointer, ctx) {
    ctx.recurse(base.items, head.items, `${pointer}/[]`);
    const before: JsonValue[] = Array.isArray(base.prefixItems) ? base.prefixItems : [];
    const after: JsonValue[] = Array.isArray(head.prefixItems) ? head.prefixItems : [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) ctx.recurse(before[i], after[i], `${pointer}/[${i}]`);
    // A tuple that grows or shrinks changes what every later position means.
    if (before.length !== after.length) {
      ctx.changes.breaking(at(ctx.where, pointer), "tuple-length-changed",
        `prefixItems length changed from ${before.length} to ${after.length}`);
    }
  },
};
