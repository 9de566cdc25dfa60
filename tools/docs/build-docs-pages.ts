import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { applyOverlay } from "./apply-overlay.js";
import { loadOverlay } from "./load-overlay.js";
import { makeOffline } from "./offline-page.js";
import { checkOverlayCoverage, coverageProblems, structuralProblems } from "./overlay-coverage.js";
import { otherPage, PAGES, withLanguageSwitch, type DocsLanguage, type PageDefinition } from "./pages.js";
import { redoclyBuildDocs, type BuildDocsArgs } from "./redoc-cli.js";
import type { JsonObject } from "./types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OVERLAYS_DIR = path.resolve(here, "../../openapi/overlays");
const TEMPLATE = path.join(here, "page-template.hbs");

/** Redoc options shared by both pages (the `openapi` section of a redocly.yaml). */
const REDOC_OPTIONS = {
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
  /**
   * Runs `redocly build-docs` with these arguments. Default: the CLI as a child process, both
   * pages at once. A caller with a faster in-process runner passes it here; pages then render
   * one after the other, because an in-process run shares this process's stdout and globals.
   */
  render?: (args: BuildDocsArgs) => Promise<void>;
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
  const work = await mkdtemp(path.join(os.tmpdir(), "zoom-webinar-docs-"));
  try {
    const config = path.join(work, "redocly.yaml");
    await writeFile(config, stringify({ telemetry: "off", openapi: REDOC_OPTIONS }));
    const languages = Object.keys(PAGES) as DocsLanguage[];
    const dirs = { work, config, outDir: options.outDir };
    if (options.render === undefined) {
      // Both at once: each CLI is a separate Node process that spends most of its second starting up.
      return await Promise.all(languages.map((lang) => renderPage(PAGES[lang], documents[lang], dirs, redoclyBuildDocs)));
    }
    const built: BuiltPage[] = [];
    for (const lang of languages) built.push(await renderPage(PAGES[lang], documents[lang], dirs, options.render));
    return built;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function renderPage(
  page: PageDefinition,
  document: JsonObject,
  dirs: { work: string; config: string; outDir: string },
  render: (args: BuildDocsArgs) => Promise<void>,
): Promise<BuiltPage> {
  const api = path.join(dirs.work, `${page.lang}.json`);
  const raw = path.join(dirs.work, `${page.lang}.html`);
  await writeFile(api, JSON.stringify(withLanguageSwitch(document, page)));
  const other = otherPage(page.lang);
  await render({
    api,
    output: raw,
    title: page.title,
    template: TEMPLATE,
    config: dirs.config,
    templateOptions: { lang: page.lang, otherLang: other.lang, otherHref: other.file },
  });
  const html = makeOffline(await readFile(raw, "utf8"), page.file);
  const target = path.join(dirs.outDir, page.file);
  await writeFile(target, html);
  return { lang: page.lang, file: target, bytes: Buffer.byteLength(html) };
}
