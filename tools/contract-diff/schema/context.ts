// What every schema rule receives: the direction, where the schema sits, the change list and
// a way to descend into subschemas without importing the dispatcher (which imports the rules).
import type { ChangeList } from "../changes.js";
import type { Direction, JsonObject, JsonValue } from "../types.js";

export interface SchemaContext {
  direction: Direction;
  /** The operation section the schema belongs to, e.g. `GET /x responses/200/application/json`. */
  where: string;
  changes: ChangeList;
  recurse(base: JsonValue | undefined, head: JsonValue | undefined, pointer: string): void;
}

export interface SchemaRule {
  /** Keywords this rule owns; the annotation catch-all skips them. */
  keywords: readonly string[];
  check(base: JsonObject, head: JsonObject, pointer: string, ctx: SchemaContext): void;
}
