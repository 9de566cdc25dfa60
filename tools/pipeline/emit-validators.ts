// The `validators` step: one self-contained ESM module per component schema that a 2xx
// application/json response uses, so the published client validates without Ajv and without
// compiling code at run time (see docs/decisions/0007-standalone-validators.md).
import type { Ajv2020 } from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { createHash } from "node:crypto";
import path from "node:path";
import { build } from "esbuild";
import { closeObjectSchemas, compileSchema, createOpenApiAjv, type OpenApiDocument } from "../spec/openapi-ajv.js";
import { SUBSCHEMA_KEYWORDS, SUBSCHEMA_LIST_KEYWORDS, SUBSCHEMA_MAP_KEYWORDS } from "../spec/schema-keywords.js";
import { validatorDeclarationFile, validatorFile, GENERATED_FILES } from "../spec/generated-files.js";
import { isRecord } from "../../src/util/json-pointer.js";
import type { Problem } from "./problems.js";
import { responseSchemaUses, validatedSchemaNames } from "../spec/response-schemas.js";
import { toolsRepoRoot } from "./step-cache.js";

// Ajv's standalone module is CJS with `exports.default`; under NodeNext the default import may be either.
type StandaloneCode = (ajv: Ajv2020, refsOrFunc?: unknown) => string;
const standaloneCode: StandaloneCode =
  typeof standaloneModule === "function" ? (standaloneModule as unknown as StandaloneCode) : (standaloneModule as unknown as { default: StandaloneCode }).default;

const SCHEMA_PREFIX = "#/components/schemas/";
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Bounds what a hostile or runaway contract can make this step write. */
const MAX_VALIDATORS = 500;

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
const SUBSCHEMA = new Set<string>(SUBSCHEMA_KEYWORDS);
const SUBSCHEMA_MAPS = new Set<string>(SUBSCHEMA_MAP_KEYWORDS);
const SUBSCHEMA_LISTS = new Set<string>(SUBSCHEMA_LIST_KEYWORDS);

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

const ENTRY_NAMESPACE = "validator-source";

/**
 * Inlines what Ajv's code requires (`ajv/dist/runtime/*`, ajv-formats' format functions) into one
 * minified ESM module per schema, with no imports: one esbuild call for all of them (each entry
 * point is bundled on its own; no code is shared). Resolved from this repository's node_modules,
 * with fixed paths and options, so the same sources always give the same bytes.
 */
export async function bundleStandalone(sources: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  if (sources.size === 0) return new Map();
  const result = await build({
    entryPoints: Object.fromEntries([...sources.keys()].map((schema) => [schema, `${ENTRY_NAMESPACE}:${schema}`])),
    plugins: [
      {
        name: ENTRY_NAMESPACE,
        setup(b) {
          b.onResolve({ filter: new RegExp(`^${ENTRY_NAMESPACE}:`) }, (args) => ({ path: args.path.slice(ENTRY_NAMESPACE.length + 1), namespace: ENTRY_NAMESPACE }));
          b.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, (args) => ({ contents: sources.get(args.path) ?? "", resolveDir: toolsRepoRoot, loader: "js" }));
        },
      },
    ],
    absWorkingDir: toolsRepoRoot,
    outdir: toolsRepoRoot,
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
  });
  const modules = new Map<string, string>();
  for (const output of result.outputFiles) {
    const schema = path.basename(output.path, ".js");
    if (!sources.has(schema) || modules.has(schema)) throw new Error(`esbuild gave an unexpected output ${output.path}`);
    // What esbuild's `banner` option writes, per module.
    modules.set(schema, `// Generated by \`npm run generate\` from the contract's ${schema} schema (Ajv standalone code). Do not edit.\n${output.text}`);
  }
  if (modules.size !== sources.size) throw new Error(`esbuild gave ${modules.size} outputs for ${sources.size} validators`);
  return modules;
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

/**
 * The module of each schema. Only the stripped component schemas are input, so an edit of a
 * description, an example or an operation leaves them as they were: this process's previous
 * modules for the same stripped document are reused (the `--serve` loop).
 */
let previous: { key: string; modules: Map<string, string> } | undefined;

async function validatorModules(stripped: OpenApiDocument, names: readonly string[]): Promise<Map<string, string>> {
  const key = createHash("sha256").update(JSON.stringify(stripped)).digest("hex");
  const reused = previous?.key === key ? previous.modules : new Map<string, string>();
  const sources = new Map(names.filter((name) => !reused.has(name)).map((name) => [name, standaloneSource(stripped, name)] as const));
  const built = await bundleStandalone(sources);
  const modules = new Map(names.map((name) => [name, reused.get(name) ?? built.get(name) ?? ""] as const));
  previous = { key, modules: new Map([...reused, ...built]) };
  return modules;
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
  for (const name of names) {
    if (!isRecord(stripped.components?.schemas?.[name])) {
      problems.push({ file: options.displayFile, line: 0, column: 0, rule: "validators-component-schema", severity: "error", message: `a response refers to ${SCHEMA_PREFIX}${name}, which the bundle does not define` });
    }
  }
  if (problems.length > 0) return { problems, files: {}, note: "no validators" };
  const files: Record<string, string> = { [GENERATED_FILES.validatorTypes]: TYPES };
  for (const [name, module] of await validatorModules(stripped, names)) {
    files[validatorFile(name)] = module;
    files[validatorDeclarationFile(name)] = declaration(name);
  }
  return { problems, files, note: `${names.length} validators` };
}
