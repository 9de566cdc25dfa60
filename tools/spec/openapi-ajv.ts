import { Ajv2020 } from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { escapeSegment, isRecord } from "../../src/util/json-pointer.js";
import { tryFollowRefs } from "./refs.js";
import { SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, SUBSCHEMA_MAP_KEYWORDS } from "./schema-keywords.js";

// ajv-formats is CJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = addFormatsModule.default;

/** A bundled OpenAPI 3.x document (all `$ref`s internal, as written to generated/openapi.json). */
export interface OpenApiDocument {
  openapi?: string;
  components?: { schemas?: Record<string, unknown>; [section: string]: unknown };
  [key: string]: unknown;
}

/** The document is registered under this id; `#/...` refs inside it resolve against it. */
export const OPENAPI_DOCUMENT_ID = "urn:openapi:document";

/**
 * OpenAPI keywords that are not JSON Schema 2020-12 vocabulary (`deprecated`, `readOnly`,
 * `writeOnly`, `examples` already are). They are annotations: accepted, never validated.
 */
const OPENAPI_SCHEMA_KEYWORDS = ["example", "xml", "externalDocs", "discriminator"] as const;

/** Top-level OpenAPI fields; declaring them keeps the wrapper valid under strict mode. */
const OPENAPI_ROOT_KEYWORDS = ["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags"] as const;

export interface OpenApiAjvOptions {
  /** Report every error, not only the first (default true: reports are for people). */
  allErrors?: boolean;
  /** Errors also carry the failing value and schema (`data`, `parentSchema`). Default false. */
  verbose?: boolean;
  /** Keep each compiled function's source, as ESM, for `ajv/dist/standalone`. Default false. */
  standalone?: boolean;
  /**
   * Let Ajv optimize the code it generates (default true). A validator that runs once or twice,
   * as for an example, is cheaper unoptimized: compiling every example's schema took ~25% less.
   */
  optimize?: boolean;
}

/**
 * An Ajv 2020 instance that can compile any schema inside `document`:
 * - strict mode stays on, so a misspelt keyword (`maxLenght`) is an error, while OpenAPI
 *   annotations and every `x-*` extension used in the document are declared as keywords;
 * - formats come from ajv-formats (incl. OpenAPI's int32/int64/float/double/byte/binary/
 *   password); other formats are open-ended in OpenAPI, so unknown ones are accepted as-is;
 * - `#/components/schemas/X` refs resolve because the document itself is the root schema.
 * OpenAPI 3.0 `nullable` is understood by Ajv natively.
 */
export function createOpenApiAjv(document: OpenApiDocument, options: OpenApiAjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: options.allErrors ?? true,
    strict: true,
    // Type-combination and tuple hints are style advice that Ajv would print to the console.
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: true,
    verbose: options.verbose ?? false,
    logger: false,
    code: { ...(options.standalone ? { source: true, esm: true } : {}), ...(options.optimize === false ? { optimize: false } : {}) },
  });
  addFormats(ajv);

  const { extensionKeywords, formats } = scanDocument(document);
  const known = new Set<string>([...OPENAPI_SCHEMA_KEYWORDS, ...OPENAPI_ROOT_KEYWORDS]);
  for (const keyword of known) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  for (const keyword of extensionKeywords) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);

  // A shallow copy, so adding `$id` never mutates the caller's document.
  ajv.addSchema({ ...document, $id: OPENAPI_DOCUMENT_ID }, undefined, undefined, false);
  return ajv;
}

/** `#/components/schemas/Name` for a bare name; a pointer ("#/...") is used as given. */
export function schemaRef(pointerOrName: string): string {
  return pointerOrName.startsWith("#") ? pointerOrName : `#/components/schemas/${escapeSegment(pointerOrName)}`;
}

/**
 * The validator for a schema in the document: a component name (`"Webinar"`) or a JSON
 * pointer (`"#/paths/~1webinars/get/responses/200/content/application~1json/schema"`).
 * Throws when nothing is there or the schema does not compile (e.g. an unknown `type`).
 */
export function compileSchema<T = unknown>(ajv: Ajv2020, pointerOrName: string): ValidateFunction<T> {
  const ref = schemaRef(pointerOrName);
  // Ajv resolves the fragment as a URI: percent-encode what JSON pointers leave raw ({, }, space).
  const fragment = ref
    .slice(1)
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/%7E/gi, "~"))
    .join("/");
  const validate = ajv.getSchema<T>(`${OPENAPI_DOCUMENT_ID}#${fragment}`);
  if (!validate) throw new Error(`No schema at ${ref}`);
  return validate;
}

/** One line per Ajv error, e.g. `/type must be equal to one of the allowed values: 5, 6, 9`. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === "" ? "(root)" : error.instancePath;
    const allowed = error.keyword === "enum" && Array.isArray(error.params.allowedValues) ? `: ${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(", ")}` : "";
    const extra = error.keyword === "additionalProperties" && typeof error.params.additionalProperty === "string" ? `: ${error.params.additionalProperty}` : "";
    return `${where} ${error.message ?? error.keyword}${allowed}${extra}`;
  });
}

function scanDocument(document: OpenApiDocument): { extensionKeywords: Set<string>; formats: Set<string> } {
  const extensionKeywords = new Set<string>();
  const formats = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) extensionKeywords.add(key);
      if (key === "format" && typeof value === "string") formats.add(value);
      visit(value);
    }
  };
  visit(document);
  return { extensionKeywords, formats };
}

const COMBINATORS = new Set<string>(["allOf", "anyOf", "oneOf"]);

/** `node` and every schema its `$ref` chain reaches, in order (as far as the chain is sound). */
function refChain(document: unknown, node: Record<string, unknown>): unknown[] {
  const links: unknown[] = [];
  const followed = tryFollowRefs(document, node, { onRef: (holder) => links.push(holder) });
  return followed ? [...links, followed.node] : links;
}

/**
 * A copy of `document` in which every object schema reachable from `root` (a component name;
 * default: every component) that lists `properties`, or combines schemas with allOf/anyOf/oneOf,
 * and says nothing about other fields gets `unevaluatedProperties: false`, so Ajv reports each
 * field the contract does not declare (keyword `unevaluatedProperties`). The branches of a
 * combinator (inline, or every schema a `$ref` branch's chain names) stay open: a branch does not know
 * its siblings' fields, the schema that combines them does. Examples and other non-schema values
 * are never touched. Pass `root` when a component is a branch elsewhere (Webinar inside
 * WebinarCreated's allOf) but validated on its own here.
 */
export function closeObjectSchemas(document: OpenApiDocument, root?: string): OpenApiDocument {
  const copy = structuredClone(document);
  const schemas = copy.components?.schemas;
  if (!isRecord(schemas)) return copy;
  const reachable = new Set<unknown>();
  const open = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!isRecord(node) || reachable.has(node)) return;
    reachable.add(node);
    if (typeof node.$ref === "string") for (const link of refChain(copy, node)) visit(link);
    for (const key of SUBSCHEMA_KEYWORDS) visit(node[key]);
    for (const key of SUBSCHEMA_MAP_KEYWORDS) {
      const map = node[key];
      if (isRecord(map)) for (const child of Object.values(map)) visit(child);
    }
    for (const key of SUBSCHEMA_LIST_KEYWORDS) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (const branch of list) {
        if (COMBINATORS.has(key)) {
          open.add(branch);
          if (isRecord(branch) && typeof branch.$ref === "string") for (const link of refChain(copy, branch)) open.add(link);
        }
        visit(branch);
      }
    }
  };
  const roots = root === undefined ? Object.values(schemas) : [schemas[root]];
  for (const schema of roots) visit(schema);
  for (const node of reachable) {
    if (!isRecord(node) || open.has(node)) continue;
    const combines = [...COMBINATORS].some((key) => Array.isArray(node[key]));
    if (!isRecord(node.properties) && !combines) continue;
    if ("additionalProperties" in node || "unevaluatedProperties" in node || "patternProperties" in node) continue;
    node.unevaluatedProperties = false;
  }
  return copy;
}
