// A `content` map (media type -> schema), shared by parameters, request bodies, responses and headers.
import { reportOtherKeys } from "./annotations.js";
import type { ChangeList } from "./changes.js";
import { diffSchema } from "./schema/diff-schema.js";
import type { Direction, JsonValue } from "./types.js";
import { isJsonObject } from "./types.js";

const MEDIA_TYPE_KEYS: ReadonlySet<string> = new Set(["schema"]);

export function diffContent(
  base: JsonValue | undefined,
  head: JsonValue | undefined,
  direction: Direction,
  location: string,
  changes: ChangeList,
): void {
  const before = isJsonObject(base) ? base : {};
  const after = isJsonObject(head) ? head : {};
  for (const [mediaType, media] of Object.entries(before)) {
    const where = `${location}/${mediaType}`;
    const next = after[mediaType];
    if (next === undefined) {
      const who = direction === "request" ? "callers sending it are refused" : "consumers reading it break";
      changes.breaking(where, "media-type-removed", `media type removed: ${who}`);
      continue;
    }
    if (!isJsonObject(media) || !isJsonObject(next)) continue;
    diffSchema(media.schema, next.schema, direction, where, changes);
    reportOtherKeys(media, next, MEDIA_TYPE_KEYS, where, changes);
  }
  for (const mediaType of Object.keys(after)) {
    if (!(mediaType in before)) changes.ok(`${location}/${mediaType}`, "media-type-added", "media type added");
  }
}
