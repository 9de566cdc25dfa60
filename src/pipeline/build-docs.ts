import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig, type Config } from "@redocly/openapi-core";
import { buildDocsPages, type BuildDocsArgs, type BuiltPage, redoclyBuildDocs } from "../docs/index.js";
import type { JsonObject } from "../docs/types.js";
import { disableRedoclyTelemetry } from "./redocly-common.js";

/**
 * What the pages look like (template, overlays, offline patch, both languages) belongs to
 * src/docs `buildDocsPages`; this step only decides *how* `redocly build-docs` runs.
 *
 * Redocly CLI 2.x has no public build-docs API, and `redoc` on npm is Redoc 2, not the Redoc 3
 * the CLI renders with, so it would produce different pages. But the CLI lazily imports a
 * chunk exporting `handlerBuildCommand` — the exact function `redocly build-docs` runs — and
 * `lib/index.js` names that chunk, so we locate it there rather than hard-coding the
 * content-hashed file name.
 *
 * - `in-process` (default): call that handler. Measured on the fixture: ~0.3 s once to import
 *   the chunk, then ~0.1-0.25 s per page, vs ~0.65 s per page for a spawned CLI (mostly Node
 *   and CLI start-up). Output is byte-identical to the CLI's (a test pins this).
 * - `spawn`: src/docs' own child-process runner, both pages in parallel. Used when the handler
 *   cannot be found (a future CLI layout) or with GENERATE_DOCS_ENGINE=spawn.
 */
export type DocsEngine = "in-process" | "spawn";

type BuildHandler = (args: { argv: Record<string, unknown>; config: Config }) => Promise<void>;

const require = createRequire(import.meta.url);
let handlerPromise: Promise<BuildHandler | undefined> | undefined;

async function findInProcessHandler(): Promise<BuildHandler | undefined> {
  handlerPromise ??= (async () => {
    try {
      const libDir = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "lib");
      const index = readFileSync(path.join(libDir, "index.js"), "utf8");
      const match = /\{handlerBuildCommand:[\w$]+\}=await import\("(\.\/chunks\/[\w-]+\.js)"\)/.exec(index);
      if (!match?.[1]) return undefined;
      const chunk: { handlerBuildCommand?: unknown } = await import(pathToFileURL(path.join(libDir, match[1])).href);
      return typeof chunk.handlerBuildCommand === "function" ? (chunk.handlerBuildCommand as BuildHandler) : undefined;
    } catch {
      return undefined;
    }
  })();
  return handlerPromise;
}

export function defaultDocsEngine(): DocsEngine {
  return process.env.GENERATE_DOCS_ENGINE === "spawn" ? "spawn" : "in-process";
}

/** True when this process can render in-process (the CLI chunk was found and imported). */
export async function canRenderInProcess(): Promise<boolean> {
  return (await findInProcessHandler()) !== undefined;
}

/**
 * `redocly build-docs` for one page, in this process; same arguments as src/docs'
 * `redoclyBuildDocs`, so it plugs into `buildDocsPages({ render })`.
 */
export async function renderDocsInProcess(args: BuildDocsArgs): Promise<void> {
  disableRedoclyTelemetry();
  const handler = await findInProcessHandler();
  if (!handler) return redoclyBuildDocs(args);
  const config = await loadConfig({ configPath: args.config });
  const log = await capturingOutput(() =>
    handler({
      argv: {
        api: args.api,
        o: args.output,
        title: args.title,
        template: args.template,
        templateOptions: args.templateOptions,
        config: args.config,
        // Inline Redoc (~2.5 MB) so the page works from file:// offline.
        inlineBundle: true,
      },
      config,
    }),
  );
  if (log.error) throw new Error(`redocly build-docs failed for ${args.output}: ${log.error.message}\n${log.text}`.trim());
}

/**
 * The handler logs banners through the CLI's bundled logger straight to stdout/stderr; keep
 * them for the error message instead of interleaving them with the pipeline's step lines.
 */
async function capturingOutput(run: () => Promise<void>): Promise<{ text: string; error?: Error }> {
  const chunks: string[] = [];
  const originalOut = process.stdout.write;
  const originalErr = process.stderr.write;
  const capture = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((r): r is () => void => typeof r === "function");
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    await run();
    return { text: chunks.join("") };
  } catch (error) {
    return { text: chunks.join(""), error: error instanceof Error ? error : new Error(String(error)) };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}

export interface BuildDocsOptions {
  document: Record<string, unknown>;
  /** Folder to write the pages into (the staged `docs/`). */
  outDir: string;
  /** `code-samples.yaml` and `zh-CN.yaml` (default: src/docs' `openapi/overlays`). */
  overlaysDir: string;
  engine?: DocsEngine;
}

export interface BuildDocsResult {
  engine: DocsEngine;
  pages: BuiltPage[];
  /** Untranslated texts and similar; reported, never fatal (src/docs' policy). */
  warnings: string[];
}

export async function buildDocs(options: BuildDocsOptions): Promise<BuildDocsResult> {
  disableRedoclyTelemetry();
  const wanted = options.engine ?? defaultDocsEngine();
  const engine: DocsEngine = wanted === "in-process" && (await canRenderInProcess()) ? "in-process" : "spawn";
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
