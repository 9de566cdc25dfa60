import { buildDocsPages, type BuiltPage } from "../docs/index.js";
import type { JsonObject } from "../docs/types.js";

/**
 * The pipeline's docs step. What the pages look like (renderer, overlays, CSP, both languages)
 * belongs to tools/docs `buildDocsPages`; it renders in-process through Redoc's public
 * standalone API in a few tens of milliseconds (docs/decisions/0004-docs-rendering.md).
 */
export interface BuildDocsOptions {
  document: Record<string, unknown>;
  /** Folder to write the pages into (the staged `docs/`). */
  outDir: string;
  /** `code-samples.yaml` and `zh-CN.yaml` (default: tools/docs' `openapi/overlays`). */
  overlaysDir: string;
}

export interface BuildDocsResult {
  pages: BuiltPage[];
  /** Untranslated texts and similar; reported, never fatal (tools/docs' policy). */
  warnings: string[];
}

export async function buildDocs(options: BuildDocsOptions): Promise<BuildDocsResult> {
  const warnings: string[] = [];
  const pages = await buildDocsPages({
    bundle: options.document as JsonObject,
    outDir: options.outDir,
    overlaysDir: options.overlaysDir,
    warn: (message) => warnings.push(message),
  });
  return { pages, warnings };
}
