// Server URLs: where a caller sends requests.
import type { ChangeList } from "./changes.js";
import type { JsonValue } from "./types.js";
import { isJsonObject } from "./types.js";

// OpenAPI's default when no server is listed.
function urls(servers: JsonValue | undefined): Set<string> {
  if (!Array.isArray(servers) || servers.length === 0) return new Set(["/"]);
  return new Set(servers.filter(isJsonObject).map((s) => (typeof s.url === "string" ? s.url : "")));
}

export function diffServers(base: JsonValue | undefined, head: JsonValue | undefined, opLabel: string, changes: ChangeList): void {
  const before = urls(base);
  const after = urls(head);
  for (const url of before) {
    if (!after.has(url)) changes.breaking(`${opLabel} servers`, "server-removed", `server ${url} removed: callers configured with it break`);
  }
  for (const url of after) {
    if (!before.has(url)) changes.ok(`${opLabel} servers`, "server-added", `server ${url} added`);
  }
}
