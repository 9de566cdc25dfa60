// Which component schema validates each 2xx JSON response: the one answer the validators step
// (a module per schema) and the operations step (which module each operation loads) share.
import { isRecord, toPointer } from "../../src/util/json-pointer.js";
import { tryFollowRefs } from "./refs.js";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const SCHEMA_PREFIX = "#/components/schemas/";

/** The parts of a bundled OpenAPI document read here. */
interface BundledDocument {
  paths?: unknown;
  components?: unknown;
  [key: string]: unknown;
}

/** One 2xx JSON response and the schema that validates it. */
export interface ResponseSchemaUse {
  /** The operation's operationId, or `METHOD path` when it has none. */
  operation: string;
  status: string;
  /** Component name under `components.schemas` (as the `$ref` spells it); undefined when the schema is inline. */
  schema: string | undefined;
  /** JSON pointer to the response's schema in the bundle (after following a response `$ref`). */
  pointer: string;
}

/** Every 2xx `application/json` response in the bundle, in path, method and status order. */
export function responseSchemaUses(document: BundledDocument): ResponseSchemaUse[] {
  const uses: ResponseSchemaUse[] = [];
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation) || !isRecord(operation.responses)) continue;
      const name = typeof operation.operationId === "string" ? operation.operationId : `${method.toUpperCase()} ${route}`;
      for (const [status, declared] of Object.entries(operation.responses)) {
        if (!/^2(\d\d|XX)$/.test(status)) continue;
        // A response `$ref` (bundled: `#/components/responses/Name`) is followed; one that leaves
        // the document or loops names no schema.
        const followed = tryFollowRefs(document, declared, { pointer: toPointer(["paths", route, method, "responses", status]) });
        if (!followed) continue;
        const response = followed.node;
        if (!isRecord(response) || !isRecord(response.content)) continue;
        const media = response.content["application/json"];
        if (!isRecord(media) || !isRecord(media.schema)) continue;
        const ref = media.schema.$ref;
        const schema = typeof ref === "string" && ref.startsWith(SCHEMA_PREFIX) ? ref.slice(SCHEMA_PREFIX.length) : undefined;
        const at = followed.pointer.replace(/^#/, "");
        uses.push({ operation: name, status, schema, pointer: `${at}${toPointer(["content", "application/json", "schema"])}` });
      }
    }
  }
  return uses;
}

/** The component schemas that get a validator module, sorted (one module each, however many operations share it). */
export function validatedSchemaNames(document: BundledDocument): string[] {
  const names = new Set<string>();
  for (const use of responseSchemaUses(document)) if (use.schema !== undefined) names.add(use.schema);
  return [...names].sort();
}

