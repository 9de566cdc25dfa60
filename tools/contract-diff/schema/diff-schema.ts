// Compares two dereferenced schemas in one direction and dispatches each keyword family to its rule.
import { ChangeList, at } from "../changes.js";
import { reportOtherKeys } from "../annotations.js";
import type { Direction, JsonObject, JsonValue } from "../types.js";
import { isJsonObject, sameJson, show } from "../types.js";
import { accessRule } from "./access.js";
import { boundsRule } from "./bounds.js";
import { compositionRule } from "./composition.js";
import type { SchemaContext, SchemaRule } from "./context.js";
import { enumRule } from "./enum.js";
import { formatRule } from "./format.js";
import { itemsRule } from "./items.js";
import { propertiesRule } from "./properties.js";
import { typeRule } from "./type.js";

const RULES: readonly SchemaRule[] = [typeRule, formatRule, enumRule, boundsRule, propertiesRule, itemsRule, compositionRule, accessRule];
const OWNED: ReadonlySet<string> = new Set(RULES.flatMap((r) => r.keywords));

// JSON Schema allows `true` (anything) and `{}` means the same.
function asObject(schema: JsonValue | undefined): JsonObject | undefined {
  if (schema === undefined || schema === true) return {};
  return isJsonObject(schema) ? schema : undefined;
}

export function diffSchema(
  base: JsonValue | undefined,
  head: JsonValue | undefined,
  direction: Direction,
  where: string,
  changes: ChangeList,
): void {
  // Pairs on the current descent path. A recursive schema stays a cycle after dereferencing,
  // but the bundler may hand out a copy at the first use, so equal ancestors count as the same.
  const active: Array<[JsonValue | undefined, JsonValue | undefined]> = [];
  const ctx: SchemaContext = {
    direction,
    where,
    changes,
    recurse(b, h, pointer) {
      if (sameJson(b, h)) return;
      if (active.some(([ab, ah]) => (ab === b && ah === h) || (sameJson(ab, b) && sameJson(ah, h)))) return;
      const before = asObject(b);
      const after = asObject(h);
      if (before === undefined || after === undefined) {
        // `false` or a malformed schema: no finer rule applies, so fail closed.
        changes.breaking(at(where, pointer), "schema-replaced", `schema changed from ${show(b)} to ${show(h)}`);
        return;
      }
      active.push([b, h]);
      try {
        for (const rule of RULES) rule.check(before, after, pointer, ctx);
        reportOtherKeys(before, after, OWNED, at(where, pointer), changes);
      } finally {
        active.pop();
      }
    },
  };
  ctx.recurse(base, head, "");
}
