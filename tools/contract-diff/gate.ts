// One gate run: base bundle from git, head from a fresh bundle of openapi/ (or a given file),
// the diff and the verdict. Kept out of scripts/diff.ts so tests can run it in-process.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { diffSpecs } from "./index.js";
import { GateInputError, readAtRef, repoRoot } from "./git.js";
import { SpecLoadError, dereferenceFile, dereferenceText } from "./load.js";
import type { Change, JsonObject } from "./types.js";
import { isJsonObject } from "./types.js";
import { type GateVerdict, gateVerdict } from "./verdict.js";
import { GENERATED_OPENAPI_JSON_PATH, SPEC_ENTRY } from "../spec/generated-files.js";

export const BUNDLE_PATH = GENERATED_OPENAPI_JSON_PATH;

export interface GateOptions {
  /** Any directory inside the repository. */
  cwd: string;
  /** Git ref whose generated/openapi.json is the base. */
  base: string;
  /** A bundled or split spec file to compare instead of bundling openapi/ afresh. */
  head?: string;
}

export interface GateResult {
  changes: Change[];
  verdict: GateVerdict;
  baseSource: string;
  headSource: string;
}

function version(doc: JsonObject): string | undefined {
  const v = isJsonObject(doc.info) ? doc.info.version : undefined;
  return typeof v === "string" ? v : undefined;
}

/** Throws GateInputError for unusable inputs (unknown ref, no bundle at the ref, unreadable spec). */
export async function runGate(options: GateOptions): Promise<GateResult> {
  const root = repoRoot(options.cwd);
  const baseSource = `${options.base}:${BUNDLE_PATH}`;
  const headFile = options.head === undefined ? join(root, SPEC_ENTRY) : resolve(options.cwd, options.head);
  if (!existsSync(headFile)) throw new GateInputError(`head spec ${headFile} does not exist`);
  try {
    const base = await dereferenceText(readAtRef(root, options.base, BUNDLE_PATH), `/${baseSource}`);
    const head = await dereferenceFile(headFile);
    const changes = diffSpecs(base, head);
    return { changes, verdict: gateVerdict(changes, version(base), version(head)), baseSource, headSource: headFile };
  } catch (error) {
    if (error instanceof SpecLoadError) throw new GateInputError(error.message);
    throw error;
  }
}
