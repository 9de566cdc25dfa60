// allOf / oneOf / anyOf. Branches are paired by exact equality first, then by position, so an
// inserted branch does not make every later one look changed. A refactor that moves properties
// between a schema and its allOf is reported as changes: merging allOf first would need a
// merge library for a case this contract does not have.
import { at } from "../changes.js";
import type { JsonValue } from "../types.js";
import { sameJson } from "../types.js";
import type { SchemaRule } from "./context.js";

const KEYWORDS = ["allOf", "oneOf", "anyOf"] as const;

export const compositionRule: SchemaRule = {
  keywords: KEYWORDS,
  check(base, head, pointer, ctx) {
    for (const keyword of KEYWORDS) {
      const before: JsonValue[] = Array.isArray(base[keyword]) ? base[keyword] : [];
      const after: JsonValue[] = Array.isArray(head[keyword]) ? head[keyword] : [];
      if (sameJson(before, after)) continue;
      const unmatchedBefore = before.map((_, i) => i).filter((i) => !after.some((b) => sameJson(before[i], b)));
      const unmatchedAfter = after.map((_, i) => i).filter((i) => !before.some((b) => sameJson(b, after[i])));
      const paired = Math.min(unmatchedBefore.length, unmatchedAfter.length);
      for (let n = 0; n < paired; n++) {
        const i = unmatchedBefore[n] as number;
        const j = unmatchedAfter[n] as number;
        ctx.recurse(before[i], after[j], `${pointer}/${keyword}/${j}`);
      }
      // Another alternative (oneOf/anyOf) widens the values; another constraint (allOf) narrows them.
      const addedEffect = keyword === "allOf" ? "tightened" : "loosened";
      const removedEffect = keyword === "allOf" ? "loosened" : "tightened";
      for (const j of unmatchedAfter.slice(paired)) {
        ctx.changes.effect(ctx.direction, addedEffect, at(ctx.where, `${pointer}/${keyword}/${j}`),
          `${keyword}-branch-added`, `${keyword} branch added`);
      }
      for (const i of unmatchedBefore.slice(paired)) {
        ctx.changes.effect(ctx.direction, removedEffect, at(ctx.where, `${pointer}/${keyword}/${i}`),
          `${keyword}-branch-removed`, `${keyword} branch removed`);
      }
    }
  },
};
