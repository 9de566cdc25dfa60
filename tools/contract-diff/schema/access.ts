// `default`, `readOnly`, `writeOnly`, `deprecated`: flags whose effect depends on the direction.
import { at } from "../changes.js";
import { sameJson, show } from "../types.js";
import type { SchemaRule } from "./context.js";

export const accessRule: SchemaRule = {
  keywords: ["default", "readOnly", "writeOnly", "deprecated"],
  check(base, head, pointer, ctx) {
    const where = at(ctx.where, pointer);
    const { changes, direction } = ctx;
    if (!sameJson(base.default, head.default)) {
      const message = `default changed from ${show(base.default)} to ${show(head.default)}`;
      // A request default is behaviour: callers that omit the value now get a different result.
      // A response default only documents what Zoom tends to send.
      if (direction === "request") changes.breaking(where, "default-changed", `${message}: callers that omit it get a different result`);
      else changes.ok(where, "default-changed", message);
    }
    const before = (k: string): boolean => base[k] === true;
    const after = (k: string): boolean => head[k] === true;
    if (before("readOnly") !== after("readOnly")) {
      const breaking = direction === "request" && after("readOnly");
      changes.add(where, "read-only-changed", breaking, after("readOnly") ? "became readOnly: callers may no longer send it" : "no longer readOnly");
    }
    if (before("writeOnly") !== after("writeOnly")) {
      const breaking = direction === "response" && after("writeOnly");
      changes.add(where, "write-only-changed", breaking, after("writeOnly") ? "became writeOnly: no longer returned" : "no longer writeOnly");
    }
    if (before("deprecated") !== after("deprecated")) {
      changes.ok(where, "deprecation-changed", after("deprecated") ? "deprecated" : "no longer deprecated");
    }
  },
};
