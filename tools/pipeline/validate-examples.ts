import { createHash } from "node:crypto";
import type { ValidateFunction } from "ajv";
import { compileSchema, createOpenApiAjv, formatAjvErrors, type OpenApiDocument } from "../spec/openapi-ajv.js";
import { collectRefs, tryFollowRefs } from "../spec/refs.js";
import { SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, SUBSCHEMA_MAP_KEYWORDS } from "../spec/schema-keywords.js";
import { getAt, isRecord, parsePointer, toPointer } from "../../src/util/json-pointer.js";
import { type Problem, relativeFile } from "./problems.js";
import type { SourceLocator } from "./source-locator.js";

/** One value that must satisfy one schema; both given as pointers into the bundle. */
export interface ExampleCheck {
  kind: "example" | "default";
  valuePointer: string;
  schemaPointer: string;
}

type Segments = readonly string[];

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

/**
 * Every example and default in the bundle, paired with the schema it claims to satisfy.
 * Only inline nodes are walked (a `$ref` is checked where its target is defined), except
 * media-type `examples` refs: `components.examples` have no schema of their own, so they are
 * checked against each schema that uses them.
 */
export function collectExampleChecks(document: OpenApiDocument): ExampleCheck[] {
  const checks = new Map<string, ExampleCheck>();
  const add = (kind: ExampleCheck["kind"], value: Segments, schema: Segments) => {
    const check = { kind, valuePointer: toPointer(value), schemaPointer: toPointer(schema) };
    checks.set(`${check.valuePointer}|${check.schemaPointer}`, check);
  };

  const schema = (at: Segments, node: unknown): void => {
    if (!isRecord(node) || typeof node.$ref === "string") return;
    if ("example" in node) add("example", [...at, "example"], at);
    if (Array.isArray(node.examples)) node.examples.forEach((_, i) => add("example", [...at, "examples", String(i)], at));
    if ("default" in node) add("default", [...at, "default"], at);
    for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
      const map = node[keyword];
      if (isRecord(map)) for (const [name, sub] of Object.entries(map)) schema([...at, keyword, name], sub);
    }
    for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((sub, i) => schema([...at, keyword, String(i)], sub));
    }
    for (const keyword of SUBSCHEMA_KEYWORDS) {
      const sub = node[keyword];
      if (Array.isArray(sub)) sub.forEach((s, i) => schema([...at, keyword, String(i)], s));
      else schema([...at, keyword], sub);
    }
  };

  /** Media types, parameters and headers share the example/examples/schema shape. */
  const exampleHolder = (at: Segments, node: Record<string, unknown>): void => {
    if (!isRecord(node.schema)) return;
    const schemaAt = [...at, "schema"];
    schema(schemaAt, node.schema);
    if ("example" in node) add("example", [...at, "example"], schemaAt);
    if (isRecord(node.examples)) {
      for (const [name, example] of Object.entries(node.examples)) {
        // A shared example (`$ref` to components/examples) is judged where it is written; a
        // cyclic or external chain is the linters' to report.
        const followed = tryFollowRefs(document, example);
        if (!followed) continue;
        const exampleAt: Segments = followed.seen.length === 0 ? [...at, "examples", name] : parsePointer(followed.pointer);
        if (isRecord(followed.node) && "value" in followed.node) add("example", [...exampleAt, "value"], schemaAt);
      }
    }
  };

  const content = (at: Segments, node: unknown): void => {
    if (!isRecord(node)) return;
    for (const [mediaType, media] of Object.entries(node)) if (isRecord(media)) exampleHolder([...at, mediaType], media);
  };

  const parameterOrHeader = (at: Segments, node: unknown): void => {
    if (!isRecord(node) || typeof node.$ref === "string") return;
    exampleHolder(at, node);
    content([...at, "content"], node.content);
  };

  const headers = (at: Segments, node: unknown): void => {
    if (isRecord(node)) for (const [name, header] of Object.entries(node)) parameterOrHeader([...at, name], header);
  };

  const response = (at: Segments, node: unknown): void => {
    if (!isRecord(node) || typeof node.$ref === "string") return;
    headers([...at, "headers"], node.headers);
    content([...at, "content"], node.content);
  };

  const requestBody = (at: Segments, node: unknown): void => {
    if (!isRecord(node) || typeof node.$ref === "string") return;
    content([...at, "content"], node.content);
  };

  const parameters = (at: Segments, node: unknown): void => {
    if (Array.isArray(node)) node.forEach((p, i) => parameterOrHeader([...at, String(i)], p));
  };

  const pathItem = (at: Segments, node: unknown): void => {
    if (!isRecord(node) || typeof node.$ref === "string") return;
    parameters([...at, "parameters"], node.parameters);
    for (const method of HTTP_METHODS) {
      const operation = node[method];
      if (!isRecord(operation)) continue;
      const opAt = [...at, method];
      parameters([...opAt, "parameters"], operation.parameters);
      requestBody([...opAt, "requestBody"], operation.requestBody);
      if (isRecord(operation.responses)) {
        for (const [status, r] of Object.entries(operation.responses)) response([...opAt, "responses", status], r);
      }
    }
  };

  for (const section of ["paths", "webhooks"]) {
    const items = document[section];
    if (isRecord(items)) for (const [key, item] of Object.entries(items)) pathItem([section, key], item);
  }
  const components = document.components;
  if (isRecord(components)) {
    const each = (section: string, visit: (at: Segments, node: unknown) => void) => {
      const map = components[section];
      if (isRecord(map)) for (const [name, node] of Object.entries(map)) visit(["components", section, name], node);
    };
    each("schemas", schema);
    each("parameters", parameterOrHeader);
    each("headers", parameterOrHeader);
    each("responses", response);
    each("requestBodies", requestBody);
    each("pathItems", pathItem);
  }
  return [...checks.values()];
}

/**
 * What compiling the checks' schemas reads: every component schema and each check's schema, at
 * their own pointers; undefined when a `$ref` in them leads anywhere else (then the whole
 * document is what counts).
 */
function schemaSubset(document: OpenApiDocument, checks: readonly ExampleCheck[]): OpenApiDocument | undefined {
  const components = isRecord(document.components) && isRecord(document.components.schemas) ? { schemas: document.components.schemas } : {};
  const subset: Record<string, unknown> = { ...(typeof document.openapi === "string" ? { openapi: document.openapi } : {}), components };
  // Shortest first; a schema inside one already taken is taken with it. Only new objects are
  // written to: the document is never changed.
  const pointers = [...new Set(checks.map((c) => c.schemaPointer))].map(parsePointer).sort((a, b) => a.length - b.length);
  const taken = new Set<string>(["/components/schemas"]);
  for (const segments of pointers) {
    if (segments.some((_, i) => taken.has(toPointer(segments.slice(0, i + 1))))) continue;
    taken.add(toPointer(segments));
    let parent = subset;
    for (const segment of segments.slice(0, -1)) {
      const next = parent[segment];
      parent = (isRecord(next) ? next : (parent[segment] = {})) as Record<string, unknown>;
    }
    parent[segments.at(-1) ?? ""] = getAt(document, segments);
  }
  const local = collectRefs(subset).every((ref) => ref.startsWith("#/components/schemas/"));
  return local ? (subset as OpenApiDocument) : undefined;
}

/**
 * The Ajv instance for these checks. Ajv keeps what it compiled, so this process's previous
 * instance is reused while the schemas it compiles are unchanged (the `--serve` loop after an
 * edit of a description outside the schemas, an example or an operation).
 */
let previous: { key: string; ajv: ReturnType<typeof createOpenApiAjv> } | undefined;

function ajvFor(document: OpenApiDocument, checks: readonly ExampleCheck[]): ReturnType<typeof createOpenApiAjv> {
  const subset = schemaSubset(document, checks);
  // Each example is checked once: Ajv's optimizing pass over the generated code costs more than it saves.
  if (!subset) return createOpenApiAjv(document, { optimize: false });
  const key = createHash("sha256").update(JSON.stringify(subset)).digest("hex");
  if (previous?.key !== key) previous = { key, ajv: createOpenApiAjv(subset, { optimize: false }) };
  return previous.ajv;
}

export interface ValidateExamplesOptions {
  rootDir: string;
  document: OpenApiDocument;
  locator: SourceLocator;
  /** Reported when a pointer cannot be traced back to a source file. */
  displayFile: string;
}

export function validateExamples(options: ValidateExamplesOptions): Problem[] {
  const { rootDir, document, locator, displayFile } = options;
  const checks = collectExampleChecks(document);
  const ajv = ajvFor(document, checks);
  const validators = new Map<string, ValidateFunction | Error>();
  const problems: Problem[] = [];
  // A broken schema also breaks every schema that contains or `$ref`s it, with the same Ajv
  // message: report it once, at the most specific schema (a non-`$ref` node, deepest first).
  const compileFailures = new Map<string, { score: number; problem: Problem }>();
  const specificity = (pointer: string): number => {
    const segments = parsePointer(pointer);
    const node = getAt(document, segments);
    return (isRecord(node) && typeof node.$ref === "string" ? 0 : 1000) + segments.length;
  };

  const at = (pointer: string): Pick<Problem, "file" | "line" | "column"> & { exact: boolean } => {
    const located = locator.locate(pointer);
    return located
      ? { file: relativeFile(rootDir, located.file), line: located.line, column: located.column, exact: located.exact }
      : { file: displayFile, line: 0, column: 0, exact: false };
  };

  for (const check of checks) {
    let validate = validators.get(check.schemaPointer);
    if (!validate) {
      try {
        validate = compileSchema(ajv, "#" + check.schemaPointer);
      } catch (error) {
        validate = error instanceof Error ? error : new Error(String(error));
        const { exact: _exact, ...where } = at(check.schemaPointer);
        const previous = compileFailures.get(validate.message);
        const score = specificity(check.schemaPointer);
        if (!previous || previous.score < score) {
          compileFailures.set(validate.message, {
            score,
            problem: { ...where, rule: "schema-compile", severity: "error", message: `Schema #${check.schemaPointer} cannot be compiled: ${validate.message}` },
          });
        }
      }
      validators.set(check.schemaPointer, validate);
    }
    if (validate instanceof Error) continue;

    const value = getAt(document, parsePointer(check.valuePointer));
    if (validate(value)) continue;
    const errors = validate.errors ?? [];
    // Point at the offending property inside the example when it exists in the source.
    const first = errors[0];
    const { exact: _exact, ...where } = at(check.valuePointer + (first ? first.instancePath : ""));
    const what = check.kind === "default" ? "Default" : "Example";
    problems.push({
      ...where,
      rule: check.kind === "default" ? "default-matches-schema" : "example-matches-schema",
      severity: "error",
      message: `${what} #${check.valuePointer} does not match schema #${check.schemaPointer}: ${formatAjvErrors(errors).join("; ")}`,
    });
  }
  return [...problems, ...[...compileFailures.values()].map((f) => f.problem)];
}
