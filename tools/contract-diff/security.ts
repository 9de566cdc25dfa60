// Security requirements: what a caller must present.
import { reportOtherKeys } from "./annotations.js";
import type { ChangeList } from "./changes.js";
import type { JsonObject, JsonValue } from "./types.js";
import { isJsonObject, sameJson } from "./types.js";

/** Each alternative as a canonical string; an empty list means anonymous access. */
function alternatives(requirements: JsonValue | undefined): Set<string> {
  if (!Array.isArray(requirements) || requirements.length === 0) return new Set(["(anonymous)"]);
  return new Set(
    requirements.filter(isJsonObject).map((req) => {
      const parts = Object.entries(req).map(([scheme, scopes]) => {
        const list = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string").sort() : [];
        return `${scheme}[${list.join(",")}]`;
      });
      return parts.sort().join(" + ") || "(anonymous)";
    }),
  );
}

/**
 * An alternative that disappears (or whose scopes grow) can lock out callers whose tokens
 * satisfied it; a new alternative only gives callers another way in.
 */
export function diffSecurity(base: JsonValue | undefined, head: JsonValue | undefined, opLabel: string, changes: ChangeList): void {
  const before = alternatives(base);
  const after = alternatives(head);
  for (const alt of before) {
    if (!after.has(alt)) changes.breaking(`${opLabel} security`, "security-alternative-removed", `security requirement ${alt} removed or changed`);
  }
  for (const alt of after) {
    if (!before.has(alt)) changes.ok(`${opLabel} security`, "security-alternative-added", `security requirement ${alt} added`);
  }
}

const objectOr = (v: JsonValue | undefined): JsonObject => (isJsonObject(v) ? v : {});
const SCHEME_KEYS: ReadonlySet<string> = new Set(["flows"]);
const FLOW_KEYS: ReadonlySet<string> = new Set(["scopes"]);

/**
 * Requirements name schemes; the flows, token URLs and token locations live here. Scope
 * descriptions are documentation, a scope that disappears is not.
 */
export function diffSecuritySchemes(base: JsonValue | undefined, head: JsonValue | undefined, changes: ChangeList): void {
  const before = objectOr(base);
  const after = objectOr(head);
  for (const [name, scheme] of Object.entries(before)) {
    const where = `components/securitySchemes/${name}`;
    const next = after[name];
    if (!isJsonObject(scheme) || !isJsonObject(next)) {
      if (!sameJson(scheme, next)) changes.breaking(where, "security-scheme-removed", "security scheme removed or replaced");
      continue;
    }
    reportOtherKeys(scheme, next, SCHEME_KEYS, where, changes);
    const flowsBefore = objectOr(scheme.flows);
    const flowsAfter = objectOr(next.flows);
    for (const [flowName, flow] of Object.entries(flowsBefore)) {
      const flowWhere = `${where}/flows/${flowName}`;
      const nextFlow = flowsAfter[flowName];
      if (!isJsonObject(flow) || !isJsonObject(nextFlow)) {
        if (!sameJson(flow, nextFlow)) changes.breaking(flowWhere, "oauth-flow-removed", "OAuth flow removed or replaced");
        continue;
      }
      reportOtherKeys(flow, nextFlow, FLOW_KEYS, flowWhere, changes);
      const scopesBefore = objectOr(flow.scopes);
      const scopesAfter = objectOr(nextFlow.scopes);
      for (const scope of Object.keys(scopesBefore)) {
        if (!(scope in scopesAfter)) changes.breaking(`${flowWhere}/scopes/${scope}`, "oauth-scope-removed", "OAuth scope removed");
        else if (!sameJson(scopesBefore[scope], scopesAfter[scope])) changes.ok(`${flowWhere}/scopes/${scope}`, "documentation-changed", "scope description changed");
      }
      for (const scope of Object.keys(scopesAfter)) {
        if (!(scope in scopesBefore)) changes.ok(`${flowWhere}/scopes/${scope}`, "oauth-scope-added", "OAuth scope added");
      }
    }
    for (const flowName of Object.keys(flowsAfter)) {
      if (!(flowName in flowsBefore)) changes.ok(`${where}/flows/${flowName}`, "oauth-flow-added", "OAuth flow added");
    }
  }
  for (const name of Object.keys(after)) {
    if (!(name in before)) changes.ok(`components/securitySchemes/${name}`, "security-scheme-added", "security scheme added");
  }
}
