import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildDocsPages, type BuildDocsArgs, type BuiltPage, redoclyBuildDocs } from "../docs/index.js";
import type { JsonObject } from "../docs/types.js";
import { disableRedoclyTelemetry } from "./redocly-common.js";

/**
 * What the pages look like (template, overlays, offline patch, both languages) belongs to
 * tools/docs `buildDocsPages`; this step only decides *how* `redocly build-docs` runs.
 *
 * Redocly CLI 2.x has no public build-docs API. `redoc` 3.0.1 is on npm (the version the CLI
 * bundles), but rendering with it means five more dependencies (react, react-dom, react-router,
 * styled-components, @redocly/config) and re-implementing the CLI's page template and
 * server-side render, with no guarantee of the same bytes. The CLI instead lazily imports a
 * chunk exporting `handlerBuildCommand` — the exact function `redocly build-docs` runs — and
 * `lib/index.js` names that chunk, so we locate it there rather than hard-coding the
 * content-hashed file name.
 *
 * - `in-process` (default): call that handler in this process. Measured on the fixture: the
 *   chunk imports in ~0.3 s once, then each page renders in ~0.1-0.3 s, vs ~0.65 s per page for
 *   a spawned CLI (mostly Node and CLI start-up). Byte-identical to the CLI (a test pins this).
 * - `spawn`: tools/docs' own child-process runner, both pages in parallel. Used when the chunk
 *   cannot be found (a future CLI layout) or with GENERATE_DOCS_ENGINE=spawn.
 */
export type DocsEngine = "in-process" | "spawn";

const require = createRequire(import.meta.url);
let chunkUrl: string | null | undefined;

/** The URL of the CLI chunk that exports `handlerBuildCommand`, or null if this CLI has none. */
export function findBuildDocsChunk(): string | null {
  if (chunkUrl !== undefined) return chunkUrl;
  try {
    const libDir = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "lib");
    const index = readFileSync(path.join(libDir, "index.js"), "utf8");
    const match = /\{handlerBuildCommand:[\w$]+\}=await import\("(\.\/chunks\/[\w-]+\.js)"\)/.exec(index);
    chunkUrl = match?.[1] ? pathToFileURL(path.join(libDir, match[1])).href : null;
  } catch {
    chunkUrl = null;
  }
  return chunkUrl;
}

export function defaultDocsEngine(): DocsEngine {
  return process.env.GENERATE_DOCS_ENGINE === "spawn" ? "spawn" : "in-process";
}

/**
 * `redocly build-docs` for one page without a new process; same arguments as tools/docs'
 * `redoclyBuildDocs`, so it plugs into `buildDocsPages({ render })`.
 */
export async function renderDocsInProcess(args: BuildDocsArgs): Promise<void> {
  const chunk = findBuildDocsChunk();
  if (!chunk) return redoclyBuildDocs(args);
  try {
    await runBuildCommand(chunk, args.config, {
        api: args.api,
        o: args.output,
        title: args.title,
        template: args.template,
        templateOptions: args.templateOptions,
        config: args.config,
        // Inline Redoc (~2.5 MB) so the page works from file:// offline.
        inlineBundle: true,
    });
  } catch (error) {
    throw new Error(`redocly build-docs failed for ${args.output}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Calls the CLI's build-docs handler in this process; its banners are kept for error messages only. */
async function runBuildCommand(chunk: string, configPath: string, argv: Record<string, unknown>): Promise<void> {
  const [{ loadConfig }, { handlerBuildCommand }] = await Promise.all([import("@redocly/openapi-core"), import(chunk)]);
  const config = await loadConfig({ configPath });
  const chunks: string[] = [];
  const originalOut = process.stdout.write;
  const originalErr = process.stderr.write;
  const capture = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    await handlerBuildCommand({ argv, config });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${chunks.join("")}`.trim());
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}

export interface BuildDocsOptions {
  document: Record<string, unknown>;
  /** Folder to write the pages into (the staged `docs/`). */
  outDir: string;
  /** `code-samples.yaml` and `zh-CN.yaml` (default: tools/docs' `openapi/overlays`). */
  overlaysDir: string;
  engine?: DocsEngine;
}

export interface BuildDocsResult {
  engine: DocsEngine;
  pages: BuiltPage[];
  /** Untranslated texts and similar; reported, never fatal (tools/docs' policy). */
  warnings: string[];
}

export async function buildDocs(options: BuildDocsOptions): Promise<BuildDocsResult> {
  disableRedoclyTelemetry();
  const wanted = options.engine ?? defaultDocsEngine();
  const engine: DocsEngine = wanted === "in-process" && findBuildDocsChunk() ? "in-process" : "spawn";
  const warnings: string[] = [];
  const pages = await buildDocsPages({
    bundle: options.document as JsonObject,
    outDir: options.outDir,
    overlaysDir: options.overlaysDir,
    warn: (message) => warnings.push(message),
    ...(engine === "in-process" ? { render: renderDocsInProcess } : {}),
  });
  return { engine, pages, warnings };
}
