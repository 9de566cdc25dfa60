// `format`: adding one narrows the values, removing one widens them. Swapping one counts as
// both, even int32 -> int64: formats have no general order, and consumers (generated types,
// date parsing, id handling) key their code on the exact format.
import { at } from "../changes.js";
import { show } from "../types.js";
import type { SchemaRule } from "./context.js";

export const formatRule: SchemaRule = {
  keywords: ["format"],
  check(base, head, pointer, ctx) {
    const before = base.format;
    const after = head.format;
    if (before === after) return;
    const effect = before === undefined ? "tightened" : after === undefined ? "loosened" : "changed";
    const message =
      effect === "tightened" ? `format ${show(after)} added`
      : effect === "loosened" ? `format ${show(before)} removed`
      : `format changed from ${show(before)} to ${show(after)}`;
    ctx.changes.effect(ctx.direction, effect, at(ctx.where, pointer), `format-${effect}`, message);
  },
};
