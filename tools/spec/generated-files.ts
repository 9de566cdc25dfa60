// The one place that names what `npm run generate` writes. src/client keeps its own URL: the
// published package must not import tools/.
import { fileURLToPath } from "node:url";
import { PAGES } from "../docs/pages.js";

/** The output folder, relative to the repository (or spec) root. */
export const GENERATED_DIR = "generated";

/** Files inside the output folder (posix paths), by what they hold. */
export const GENERATED_FILES = {
  bundleJson: "openapi.json",
  bundleYaml: "openapi.yaml",
  types: "schema.d.ts",
  operations: "operations.ts",
  docsPages: Object.values(PAGES).map((page) => `docs/${page.file}`),
} as const;

/** Every file in the output folder, sorted. */
export const ALL_GENERATED_FILES: readonly string[] = [
  GENERATED_FILES.bundleJson,
  GENERATED_FILES.bundleYaml,
  GENERATED_FILES.types,
  GENERATED_FILES.operations,
  ...GENERATED_FILES.docsPages,
].sort();

const repoFile = (relative: string) => fileURLToPath(new URL(`../../${GENERATED_DIR}/${relative}`, import.meta.url));

/** This repository's committed bundle, e.g. for the mock server and the live check. */
export const GENERATED_OPENAPI_JSON = repoFile(GENERATED_FILES.bundleJson);
/** The same, relative to the repository root (git paths). */
export const GENERATED_OPENAPI_JSON_PATH = `${GENERATED_DIR}/${GENERATED_FILES.bundleJson}`;
