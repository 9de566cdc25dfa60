// Breaking-change gate for the bundled contract: our own rules over two dereferenced documents
// (a request change breaks when it narrows, a response change when it widens). Why not an existing
// diff tool, and the rules' exceptions: docs/decisions/0011-contract-diff-rules.md.
import { ChangeList } from "./changes.js";
import { diffDocument } from "./document.js";
import { diffOperations } from "./operations.js";
import type { Change, JsonObject, JsonValue } from "./types.js";

export type { Change, Direction, JsonObject, JsonValue } from "./types.js";
export { type GateVerdict, gateVerdict, majorOf } from "./verdict.js";
export { formatChange, formatReport, formatSummary } from "./report.js";
export { dereferenceFile, dereferenceText, SpecLoadError } from "./load.js";

// Example payloads may legitimately contain a "$ref" key; they are never compared structurally.
const SKIPPED = new Set(["example", "examples"]);

/** A leftover $ref would make two different targets compare equal, so refuse it outright. */
function assertDereferenced(value: JsonValue | undefined, where: string, seen = new WeakSet<object>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertDereferenced(v, `${where}/${i}`, seen));
    return;
  }
  if (typeof value.$ref === "string") {
    throw new Error(`diffSpecs needs dereferenced documents (see dereferenceText/dereferenceFile); found $ref at ${where}`);
  }
  for (const [k, v] of Object.entries(value)) if (!SKIPPED.has(k)) assertDereferenced(v, `${where}/${k}`, seen);
}

/** Lists every change from `base` to `head`; both must be dereferenced OpenAPI documents. */
export function diffSpecs(base: JsonObject, head: JsonObject): Change[] {
  assertDereferenced(base.paths, "base#/paths");
  assertDereferenced(head.paths, "head#/paths");
  const changes = new ChangeList();
  diffDocument(base, head, changes);
  diffOperations(base, head, changes);
  return changes.items;
}
