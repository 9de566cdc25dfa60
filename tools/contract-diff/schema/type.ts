// `type` (and OpenAPI 3.0's `nullable`): compares the sets of JSON types each side allows.
import { at } from "../changes.js";
import type { Effect, JsonObject } from "../types.js";
import type { SchemaRule } from "./context.js";

/** undefined = any type. */
function typeSet(schema: JsonObject): Set<string> | undefined {
  const t = schema.type;
  let set: Set<string>;
  if (typeof t === "string") set = new Set([t]);
  else if (Array.isArray(t)) set = new Set(t.filter((x): x is string => typeof x === "string"));
  else return undefined;
  if (schema.nullable === true) set.add("null");
  return set;
}

// Every integer is a number, so number -> integer only narrows and integer -> number only widens.
function allows(set: Set<string>, type: string): boolean {
  return set.has(type) || (type === "integer" && set.has("number"));
}

function render(set: Set<string> | undefined): string {
  return set === undefined ? "any" : [...set].join("|") || "(none)";
}

export const typeRule: SchemaRule = {
  keywords: ["type", "nullable"],
  check(base, head, pointer, ctx) {
    const before = typeSet(base);
    const after = typeSet(head);
    if (before === undefined && after === undefined) return;
    let effect: Effect;
    if (before === undefined) effect = "tightened";
    else if (after === undefined) effect = "loosened";
    else {
      const added = [...after].some((t) => !allows(before, t));
      const removed = [...before].some((t) => !allows(after, t));
      if (!added && !removed) return;
      effect = added && removed ? "changed" : added ? "loosened" : "tightened";
    }
    const verb = effect === "changed" ? "changed" : effect === "loosened" ? "widened" : "narrowed";
    ctx.changes.effect(ctx.direction, effect, at(ctx.where, pointer), `type-${effect}`,
      `type ${verb} from ${render(before)} to ${render(after)}`);
  },
};
