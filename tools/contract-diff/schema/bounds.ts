// Length, range, size, pattern and multipleOf constraints: ordered as tightened or loosened.
import { at } from "../changes.js";
import type { Effect, JsonValue } from "../types.js";
import { show } from "../types.js";
import type { SchemaRule } from "./context.js";

const LOWER = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"] as const;
const UPPER = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"] as const;
// Values that cannot be ordered against each other: any replacement is a different constraint.
const UNORDERED = ["pattern", "multipleOf"] as const;

function numericEffect(kind: "lower" | "upper", before: JsonValue | undefined, after: JsonValue | undefined): Effect | undefined {
  if (before === after) return undefined;
  if (before === undefined || before === false) return "tightened";
  if (after === undefined || after === false) return "loosened";
  // OpenAPI 3.0 writes exclusiveMinimum/Maximum as booleans: true is the stricter form.
  if (after === true) return "tightened";
  if (before === true) return "loosened";
  if (typeof before !== "number" || typeof after !== "number") return "changed";
  const raised = after > before;
  return kind === "lower" ? (raised ? "tightened" : "loosened") : raised ? "loosened" : "tightened";
}

export const boundsRule: SchemaRule = {
  keywords: [...LOWER, ...UPPER, ...UNORDERED, "uniqueItems"],
  check(base, head, pointer, ctx) {
    const where = at(ctx.where, pointer);
    const report = (keyword: string, effect: Effect | undefined): void => {
      if (effect === undefined) return;
      const before = base[keyword];
      const after = head[keyword];
      const message =
        before === undefined ? `${keyword} ${show(after)} added`
        : after === undefined ? `${keyword} ${show(before)} removed`
        : `${keyword} changed from ${show(before)} to ${show(after)}`;
      ctx.changes.effect(ctx.direction, effect, where, `bound-${effect}`, `${message} (${effect})`);
    };
    for (const k of LOWER) report(k, numericEffect("lower", base[k], head[k]));
    for (const k of UPPER) report(k, numericEffect("upper", base[k], head[k]));
    for (const k of UNORDERED) {
      const before = base[k];
      const after = head[k];
      if (before === after) continue;
      report(k, before === undefined ? "tightened" : after === undefined ? "loosened" : "changed");
    }
    const uniqueBefore = base.uniqueItems === true;
    const uniqueAfter = head.uniqueItems === true;
    if (uniqueBefore !== uniqueAfter) report("uniqueItems", uniqueAfter ? "tightened" : "loosened");
  },
};
