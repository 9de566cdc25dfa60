// The `validators` step: one self-contained ESM module per component schema that a 2xx
// application/json response uses, so the published client validates without Ajv and without
// compiling code at run time (see docs/decisions/0007-standalone-validators.md).
import type { Ajv2020 } from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { closeObjectSchemas, compileSchema, createOpenApiAjv, type OpenApiDocument } from "../spec/openapi-ajv.js";
import { validatorDeclarationFile, validatorFile, GENERATED_FILES } from "../spec/generated-files.js";
import { isRecord, toPointer } from "../../src/util/json-pointer.js";
import type { Problem } from "./problems.js";
import { toolsRepoRoot } from "./step-cache.js";

// Ajv's standalone module is CJS with `exports.default`; under NodeNext the default import may be either.
type StandaloneCode = (ajv: Ajv2020, refsOrFunc?: unknown) => string;
const standaloneCode: StandaloneCode =
  typeof standaloneModule === "function" ? (standaloneModule as unknown as StandaloneCode) : (standaloneModule as unknown as { default: StandaloneCode }).default;

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const SCHEMA_PREFIX = "#/components/schemas/";
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Bounds what a hostile or runaway contract can make this step write. */
const MAX_VALIDATORS = 500;

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
export function responseSchemaUses(document: OpenApiDocument): ResponseSchemaUse[] {
  const uses: ResponseSchemaUse[] = [];
  const paths = isRecord(document.paths) ? document.paths : {};
  const responses = isRecord(document.components?.responses) ? document.components.responses : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation) || !isRecord(operation.responses)) continue;
      const name = typeof operation.operationId === "string" ? operation.operationId : `${method.toUpperCase()} ${route}`;
      for (const [status, declared] of Object.entries(operation.responses)) {
        if (!/^2(\d\d|XX)$/.test(status)) continue;
        let response: unknown = declared;
        let at = ["paths", route, method, "responses", status];
        // A response `$ref` (bundled: always `#/components/responses/Name`) is followed once.
        if (isRecord(declared) && typeof declared.$ref === "string" && declared.$ref.startsWith("#/components/responses/")) {
          const target = declared.$ref.slice("#/components/responses/".length);
          response = responses[target];
          at = ["components", "responses", target];
        }
        if (!isRecord(response) || !isRecord(response.content)) continue;
        const media = response.content["application/json"];
        if (!isRecord(media) || !isRecord(media.schema)) continue;
        const ref = media.schema.$ref;
        const schema = typeof ref === "string" && ref.startsWith(SCHEMA_PREFIX) ? ref.slice(SCHEMA_PREFIX.length) : undefined;
        uses.push({ operation: name, status, schema, pointer: toPointer([...at, "content", "application/json", "schema"]) });
      }
    }
  }
  return uses;
}

/** The component schemas that get a validator module, sorted (one module each, however many operations share it). */
export function validatedSchemaNames(document: OpenApiDocument): string[] {
  const names = new Set<string>();
  for (const use of responseSchemaUses(document)) if (use.schema !== undefined) names.add(use.schema);
  return [...names].sort();
}

// Keywords that only annotate: they never change what validates, so the emitted code need not
// carry them (verbose errors embed the schema they fail in).
const ANNOTATIONS = new Set([
  "title",
  "description",
  "$comment",
  "example",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "externalDocs",
  "xml",
  "discriminator",
  "contentMediaType",
  "contentEncoding",
  "contentSchema",
]);
const SUBSCHEMA = new Set(["items", "not", "if", "then", "else", "contains", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames"]);
const SUBSCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const SUBSCHEMA_LISTS = new Set(["prefixItems", "allOf", "anyOf", "oneOf"]);

/**
 * A copy of a schema without annotations and `x-*` extensions, at any depth. Property names
 * (`properties.description`) and values (`enum`, `const`) are data and stay as they are.
 */
export function stripAnnotations(schema: unknown): unknown {
  if (!isRecord(schema)) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || ANNOTATIONS.has(key)) continue;
    if (SUBSCHEMA.has(key)) copy[key] = stripAnnotations(value);
    else if (SUBSCHEMA_MAPS.has(key) && isRecord(value)) copy[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripAnnotations(sub)]));
    else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) copy[key] = value.map(stripAnnotations);
    else copy[key] = structuredClone(value);
  }
  return copy;
}

/** The document reduced to what validation reads: its component schemas, stripped. */
export function validationDocument(document: OpenApiDocument): OpenApiDocument {
  const schemas = isRecord(document.components?.schemas) ? document.components.schemas : {};
  return {
    ...(typeof document.openapi === "string" ? { openapi: document.openapi } : {}),
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, stripAnnotations(schema)])) },
  };
}

/**
 * Ajv's standalone ESM source for one component, compiled as the client used to compile it at
 * run time: object schemas reachable from it closed (unknown fields → `unevaluatedProperties`),
 * every error reported, each with its data and parent schema (the drift-vs-breakage split reads them).
 */
export function standaloneSource(stripped: OpenApiDocument, schema: string): string {
  const ajv = createOpenApiAjv(closeObjectSchemas(stripped, schema), { verbose: true, allErrors: true, standalone: true });
  return standaloneCode(ajv, compileSchema(ajv, schema));
}

/**
 * Inlines what Ajv's code requires (`ajv/dist/runtime/*`, ajv-formats' format functions) into one
 * minified ESM module with no imports. Resolved from this repository's node_modules, with fixed
 * paths and options, so the same source always gives the same bytes.
 */
export async function bundleStandalone(source: string, schema: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: toolsRepoRoot, sourcefile: `${schema}.js`, loader: "js" },
    absWorkingDir: toolsRepoRoot,
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    banner: { js: `// Generated by \`npm run generate\` from the contract's ${schema} schema (Ajv standalone code). Do not edit.` },
  });
  const [output] = result.outputFiles;
  if (output === undefined || result.outputFiles.length !== 1) throw new Error(`esbuild gave ${result.outputFiles.length} outputs for ${schema}`);
  return output.text;
}

function declaration(schema: string): string {
  return [
    `// Generated by \`npm run generate\` from the contract's ${schema} schema. Do not edit.`,
    `import type { Validator } from "./types.js";`,
    "",
    `/** True when \`data\` matches the ${schema} schema (objects closed); otherwise \`validate.errors\` lists every difference. */`,
    "export declare const validate: Validator;",
    "export default validate;",
    "",
  ].join("\n");
}

const TYPES = `// Generated by \`npm run generate\`. Do not edit. The shapes of the validators beside this file.

/** One difference between a body and its schema (Ajv's ErrorObject with \`verbose: true\`). */
export interface ValidationError {
  /** JSON pointer to the value in the body. */
  instancePath: string;
  /** Where in the schema the failing keyword is. */
  schemaPath: string;
  /** The failing keyword: \`type\`, \`enum\`, \`unevaluatedProperties\`, … */
  keyword: string;
  /** Keyword details, e.g. \`allowedValues\` (enum) or \`unevaluatedProperty\`. */
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
  /** The keyword's value in the schema. */
  schema?: unknown;
  /** The schema object that holds the keyword (annotations stripped). */
  parentSchema?: Record<string, unknown>;
  /** The failing value. */
  data?: unknown;
}

/** A compiled validator: call it, then read \`errors\` (null after a valid body). */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}
`;

export interface EmitValidatorsOptions {
  /** Locates an inline schema in the sources, for the problem that reports it. */
  locate?: (pointer: string) => { file: string; line: number; column: number } | undefined;
  /** Names the bundle in problems that have no source position. */
  displayFile: string;
}

/** Every validator module and declaration (paths relative to the output folder), or the problems that prevent them. */
export async function emitValidators(document: OpenApiDocument, options: EmitValidatorsOptions): Promise<{ problems: Problem[]; files: Record<string, string>; note: string }> {
  const problems: Problem[] = [];
  for (const use of responseSchemaUses(document)) {
    if (use.schema !== undefined) continue;
    const at = options.locate?.(use.pointer);
    problems.push({
      file: at?.file ?? options.displayFile,
      line: at?.line ?? 0,
      column: at?.column ?? 0,
      rule: "validators-component-schema",
      severity: "error",
      message: `${use.operation} ${use.status}: an application/json response schema must be a $ref to a component schema, so the client gets a named validator for it (${use.pointer})`,
    });
  }
  const names = validatedSchemaNames(document);
  // Names become file names: OpenAPI's own component-name pattern, and never a dot file.
  for (const name of names.filter((n) => !SAFE_NAME.test(n))) {
    problems.push({ file: options.displayFile, line: 0, column: 0, rule: "validators-component-schema", severity: "error", message: `${JSON.stringify(name)} cannot name a validator module: component names must match ${SAFE_NAME.source}` });
  }
  if (names.length > MAX_VALIDATORS) {
    problems.push({ file: options.displayFile, line: 0, column: 0, rule: "validators-limit", severity: "error", message: `${names.length} response schemas; at most ${MAX_VALIDATORS} get validators` });
  }
  if (problems.length > 0) return { problems, files: {}, note: "no validators" };

  const stripped = validationDocument(document);
  const files: Record<string, string> = { [GENERATED_FILES.validatorTypes]: TYPES };
  for (const name of names) {
    if (!isRecord(stripped.components?.schemas?.[name])) {
      problems.push({ file: options.displayFile, line: 0, column: 0, rule: "validators-component-schema", severity: "error", message: `a response refers to ${SCHEMA_PREFIX}${name}, which the bundle does not define` });
      continue;
    }
    files[validatorFile(name)] = await bundleStandalone(standaloneSource(stripped, name), name);
    files[validatorDeclarationFile(name)] = declaration(name);
  }
  if (problems.length > 0) return { problems, files: {}, note: "no validators" };
  return { problems, files, note: `${names.length} validators` };
}
