// Pairs the operations of two documents and runs the per-operation rule families on each pair.
import { reportOtherKeys } from "./annotations.js";
import type { ChangeList } from "./changes.js";
import { diffParameters } from "./parameters.js";
import { diffRequestBody } from "./request-body.js";
import { diffResponses } from "./responses.js";
import { diffSecurity } from "./security.js";
import { diffServers } from "./servers.js";
import type { JsonObject } from "./types.js";
import { isJsonObject } from "./types.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const OPERATION_KEYS: ReadonlySet<string> = new Set(["parameters", "requestBody", "responses", "security", "servers", "deprecated"]);
const PATH_ITEM_KEYS: ReadonlySet<string> = new Set([...METHODS, "parameters", "servers"]);

// `/a/{id}` and `/a/{webinarId}` are the same URL to a caller.
const shape = (template: string): string => template.replace(/\{[^}]+\}/g, "{}");

function pathItems(doc: JsonObject): Map<string, [string, JsonObject]> {
  const paths = isJsonObject(doc.paths) ? doc.paths : {};
  return new Map(
    Object.entries(paths)
      .filter((e): e is [string, JsonObject] => isJsonObject(e[1]))
      .map(([template, item]) => [shape(template), [template, item]]),
  );
}

export function diffOperations(base: JsonObject, head: JsonObject, changes: ChangeList): void {
  const before = pathItems(base);
  const after = pathItems(head);
  for (const [key, [template, item]] of before) {
    const match = after.get(key);
    for (const method of METHODS) {
      const op = item[method];
      if (!isJsonObject(op)) continue;
      const next = match?.[1][method];
      const label = `${method.toUpperCase()} ${match?.[0] ?? template}`;
      if (match === undefined || !isJsonObject(next)) {
        changes.breaking(label, "operation-removed", "operation removed");
        continue;
      }
      diffParameters({ template, pathItem: item, operation: op }, { template: match[0], pathItem: match[1], operation: next }, label, changes);
      diffRequestBody(op.requestBody, next.requestBody, label, changes);
      diffResponses(op.responses, next.responses, label, changes);
      diffSecurity(op.security ?? base.security, next.security ?? head.security, label, changes);
      diffServers(op.servers ?? item.servers ?? base.servers, next.servers ?? match[1].servers ?? head.servers, label, changes);
      if ((op.deprecated === true) !== (next.deprecated === true)) {
        changes.ok(label, "deprecation-changed", next.deprecated === true ? "operation deprecated" : "operation no longer deprecated");
      }
      reportOtherKeys(op, next, OPERATION_KEYS, label, changes);
    }
    if (match !== undefined) reportOtherKeys(item, match[1], PATH_ITEM_KEYS, match[0], changes);
  }
  for (const [key, [template, item]] of after) {
    for (const method of METHODS) {
      if (isJsonObject(item[method]) && !isJsonObject(before.get(key)?.[1][method])) {
        changes.ok(`${method.toUpperCase()} ${template}`, "operation-added", "operation added");
      }
    }
  }
}
