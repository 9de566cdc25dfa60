// Document-level fields that are not part of any one operation.
import type { ChangeList } from "./changes.js";
import { diffSecuritySchemes } from "./security.js";
import type { JsonObject, JsonValue } from "./types.js";
import { isJsonObject, sameJson, show } from "./types.js";

const objectOr = (v: JsonValue | undefined): JsonObject => (isJsonObject(v) ? v : {});

export function diffDocument(base: JsonObject, head: JsonObject, changes: ChangeList): void {
  if (base.openapi !== head.openapi) {
    changes.ok("openapi", "openapi-version-changed", `OpenAPI version changed from ${show(base.openapi)} to ${show(head.openapi)}`);
  }
  const infoBefore = objectOr(base.info);
  const infoAfter = objectOr(head.info);
  for (const key of new Set([...Object.keys(infoBefore), ...Object.keys(infoAfter)])) {
    if (sameJson(infoBefore[key], infoAfter[key])) continue;
    const detail = key === "version" ? ` from ${show(infoBefore[key])} to ${show(infoAfter[key])}` : "";
    changes.ok(`info/${key}`, key === "version" ? "version-changed" : "documentation-changed", `info.${key} changed${detail}`);
  }
  diffSecuritySchemes(objectOr(base.components).securitySchemes, objectOr(head.components).securitySchemes, changes);
  if (!sameJson(base.webhooks, head.webhooks)) {
    changes.breaking("webhooks", "unclassified", "webhooks changed: no rule covers them, review by hand");
  }
}
