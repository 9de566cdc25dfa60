// The one place that names what `npm run generate` reads and writes. src/client keeps its own
// URL: the published package must not import tools/.
import { fileURLToPath } from "node:url";
import { type DocsLanguage, PAGES } from "../docs/pages.js";

/** The contract's entry file, relative to the repository (or spec) root. */
export const SPEC_ENTRY = "openapi/openapi.yaml";

/** The output folder, relative to the repository (or spec) root. */
export const GENERATED_DIR = "generated";

/** The docs page of one language. */
export const docsPageFile = (lang: DocsLanguage): string => `docs/${PAGES[lang].file}`;

/** Files inside the output folder (posix paths), by what they hold. */
export const GENERATED_FILES = {
  bundleJson: "openapi.json",
  bundleYaml: "openapi.yaml",
  types: "schema.d.ts",
  operations: "operations.ts",
  docsPages: Object.values(PAGES).map((page) => docsPageFile(page.lang)),
  /** One validator module per response schema lives here (the folder, with a trailing slash). */
  validatorsDir: "validators/",
  /** The shared declarations of the validator modules. */
  validatorTypes: "validators/types.d.ts",
} as const;

/** The standalone validator module of a component schema (see tools/pipeline/emit-validators.ts). */
export const validatorFile = (schema: string): string => `${GENERATED_FILES.validatorsDir}${schema}.js`;
/** Its declaration. */
export const validatorDeclarationFile = (schema: string): string => `${GENERATED_FILES.validatorsDir}${schema}.d.ts`;

/**
 * Every file in the output folder, sorted, for a contract whose 2xx JSON responses use these
 * component schemas (`validatedSchemaNames` in tools/spec/response-schemas.ts).
 */
export function allGeneratedFiles(validatedSchemas: readonly string[]): string[] {
  return [
    GENERATED_FILES.bundleJson,
    GENERATED_FILES.bundleYaml,
    GENERATED_FILES.types,
    GENERATED_FILES.operations,
    ...GENERATED_FILES.docsPages,
    GENERATED_FILES.validatorTypes,
    ...validatedSchemas.flatMap((schema) => [validatorFile(schema), validatorDeclarationFile(schema)]),
  ].sort();
}

/** The absolute path of a file (or, with a trailing slash, a folder) in this repository's generated/. */
export const generatedFile = (relative: string): string => fileURLToPath(new URL(`../../${GENERATED_DIR}/${relative}`, import.meta.url));

/** This repository's committed bundle, e.g. for the mock server and the live check. */
export const GENERATED_OPENAPI_JSON = generatedFile(GENERATED_FILES.bundleJson);
/** The same, relative to the repository root (git paths). */
export const GENERATED_OPENAPI_JSON_PATH = `${GENERATED_DIR}/${GENERATED_FILES.bundleJson}`;
