import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyOverlay } from "./apply-overlay.js";
import { loadOverlay } from "./load-overlay.js";
import { assertOffline } from "./offline-page.js";
import { checkOverlayCoverage, coverageProblems, structuralProblems } from "./overlay-coverage.js";
import { otherPage, PAGES, withLanguageSwitch, type DocsLanguage, type PageDefinition } from "./pages.js";
import { renderRedocPage } from "./redoc-page.js";
import type { JsonObject } from "./types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OVERLAYS_DIR = path.resolve(here, "../../openapi/overlays");

/** Redoc options shared by both pages (the `openapi` section of a redocly.yaml). */
export const REDOC_OPTIONS: JsonObject = {
  // Redoc passes Markdown's HTML through DOMPurify: a second line behind markup-check.ts and the CSP.
  sanitize: true,
  // Show the whole 200 body one level deep: `settings` is the part readers come for.
  jsonSamplesExpandLevel: 3,
  sortRequiredPropsFirst: true,
  // The samples of code-samples.yaml, in this order. Redoc would otherwise generate ten
  // languages of its own and hide samples whose language is not among them (TypeScript).
  codeSamples: { languages: [{ lang: "curl" }, { lang: "TypeScript" }] },
};

export interface BuildDocsPagesOptions {
  /** The bundled English contract (internal `$ref`s kept), e.g. from `@redocly/openapi-core` `bundle`. */
  bundle: JsonObject;
  outDir: string;
  /** Where `code-samples.yaml` and `zh-CN.yaml` live. Default: `openapi/overlays/`. */
  overlaysDir?: string;
  /** Receives untranslated or non-Chinese texts; they do not stop the build. Default: console.warn. */
  warn?: (message: string) => void;
  /** An extra inline script for each page (the preview server's reload client), allowed by its hash. */
  extraScript?: string;
  /** Let the pages connect to their own origin (the preview server's reload events). */
  connectSelf?: boolean;
}

export interface BuiltPage {
  lang: DocsLanguage;
  file: string;
  bytes: number;
}

/**
 * Writes `index.html` (English) and `zh-CN.html` (Chinese) into `outDir`: self-contained Redoc
 * pages that load nothing from the network, each linking to the other. The Chinese page is the
 * English bundle with `zh-CN.yaml` applied; both get the samples of `code-samples.yaml`.
 * Throws when the Chinese overlay would change structure or targets something gone; missing
 * translations only warn, so a new English field never blocks the pipeline.
 */
export async function buildDocsPages(options: BuildDocsPagesOptions): Promise<BuiltPage[]> {
  const overlaysDir = options.overlaysDir ?? DEFAULT_OVERLAYS_DIR;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const [codeSamples, chinese] = await Promise.all([
    loadOverlay(path.join(overlaysDir, "code-samples.yaml")),
    loadOverlay(path.join(overlaysDir, "zh-CN.yaml")),
  ]);

  const coverage = checkOverlayCoverage(options.bundle, chinese);
  const broken = structuralProblems(coverage);
  if (broken.length > 0) {
    throw new Error(`zh-CN.yaml does not fit the English contract:\n  ${broken.join("\n  ")}`);
  }
  const gaps = coverageProblems(coverage).filter((problem) => !broken.includes(problem));
  if (gaps.length > 0) warn(`zh-CN.html will show English where zh-CN.yaml has no translation:\n  ${gaps.join("\n  ")}`);

  const english = await applyOverlay(options.bundle, codeSamples);
  const documents: Record<DocsLanguage, JsonObject> = {
    en: english,
    "zh-CN": await applyOverlay(english, chinese),
  };

  await mkdir(options.outDir, { recursive: true });
  const built: BuiltPage[] = [];
  for (const lang of Object.keys(PAGES) as DocsLanguage[]) {
    const page = PAGES[lang];
    const html = renderDocsPage(page, documents[lang], { extraScript: options.extraScript, connectSelf: options.connectSelf });
    const target = path.join(options.outDir, page.file);
    await writeFile(target, html);
    built.push({ lang, file: target, bytes: Buffer.byteLength(html) });
  }
  return built;
}

/** The HTML of one page for an already translated document. */
export function renderDocsPage(
  page: PageDefinition,
  document: JsonObject,
  extra: { extraScript?: string | undefined; connectSelf?: boolean | undefined } = {},
): string {
  const other = otherPage(page.lang);
  const html = renderRedocPage({
    lang: page.lang,
    title: page.title,
    alternate: { lang: other.lang, href: other.file },
    document: withLanguageSwitch(document, page),
    options: REDOC_OPTIONS,
    ...(extra.extraScript ? { extraScript: extra.extraScript } : {}),
    ...(extra.connectSelf ? { connectSelf: true } : {}),
  });
  return assertOffline(html, page.file);
}
