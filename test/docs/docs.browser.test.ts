// Opens the committed docs pages (generated/docs; the drift test proves them current) in a real
// headless Chromium, as a reader would from disk, with the network cut off: every request that
// is not file: or data: is aborted and recorded. Screenshots only with DOCS_SCREENSHOTS=1.
// Hostile markup that skipped the markup check is opened in description-fuzz.browser.test.ts.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOverlay } from "../../tools/docs/apply-overlay.js";
import { DEFAULT_OVERLAYS_DIR } from "../../tools/docs/build-docs-pages.js";
import { loadOverlay } from "../../tools/docs/load-overlay.js";
import { PAGES, type DocsLanguage } from "../../tools/docs/pages.js";
import type { JsonObject } from "../../tools/docs/types.js";
import { repoRoot } from "../support/spec.js";
import { hasBrowser, launchBrowser, openPage as openPageIn, unexpectedViolations, WAIT_MS } from "./support/chromium.js";

const screenshotsDir = process.env.DOCS_SCREENSHOTS === "1" ? path.join(repoRoot, "test-output") : undefined;
const docsDir = path.join(repoRoot, "generated/docs");

interface Operation {
  tag: string;
  summary: string;
  path: string;
}

/** The first operation of each tag, with the labels the page shows (x-displayName, else name). */
function firstOperationPerTag(document: JsonObject): Operation[] {
  const labels = new Map<string, string>();
  for (const tag of (document.tags ?? []) as JsonObject[]) labels.set(String(tag.name), String(tag["x-displayName"] ?? tag.name));
  const found = new Map<string, Operation>();
  for (const [route, item] of Object.entries(document.paths as Record<string, Record<string, JsonObject>>)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== "object" || !Array.isArray(operation.tags)) continue;
      for (const tag of operation.tags as string[]) {
        if (!found.has(tag)) found.set(tag, { tag: labels.get(tag) ?? tag, summary: String(operation.summary), path: route });
      }
    }
  }
  return [...found.values()];
}

let browser: Browser | undefined;
const operations = {} as Record<DocsLanguage, Operation[]>;
const blocked: string[] = [];

beforeAll(async () => {
  const english = JSON.parse(readFileSync(path.join(repoRoot, "generated/openapi.json"), "utf8")) as JsonObject;
  operations.en = firstOperationPerTag(english);
  operations["zh-CN"] = firstOperationPerTag(await applyOverlay(english, await loadOverlay(path.join(DEFAULT_OVERLAYS_DIR, "zh-CN.yaml"))));
  if (!hasBrowser) return;
  browser = await launchBrowser();
  if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true });
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

const openPage = (file: string) => openPageIn(browser!, file, blocked);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const screenshot = async (page: Page, name: string) => {
  if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
};

describe("the committed docs pages in headless Chromium, offline", () => {
  it.skipIf(!hasBrowser).each(["en", "zh-CN"] as const)(
    "%s: opens one operation of each tag, with no error, no CSP violation and no outside request",
    async (lang) => {
      const blockedBefore = blocked.length;
      const { page, errors } = await openPage(path.join(docsDir, PAGES[lang].file));
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await screenshot(page, `docs-${lang}-top`);

      expect(operations[lang].length).toBeGreaterThan(0);
      // Redoc 3's menu: one link per tag, which unfolds the tag's operations as links.
      const menu = page.locator('a[href^="#/"]');
      for (const operation of operations[lang]) {
        await menu.filter({ hasText: new RegExp(`^${escapeRegExp(operation.tag)}$`) }).first().click();
        await menu.filter({ hasText: operation.summary }).first().click();
        // The heading's accessible name also holds its anchor link's label, so match its text.
        const heading = page.locator("h2").filter({ hasText: new RegExp(`^${escapeRegExp(operation.summary)}$`) });
        await heading.first().waitFor();
        await page.getByText(operation.path).first().waitFor();
      }
      await screenshot(page, `docs-${lang}-operation`);

      // The language switch above the description leads to the other page.
      await page.getByRole("link", { name: lang === "en" ? "简体中文" : "English", exact: true }).first().click();
      await page.waitForURL((url) => url.pathname.endsWith(PAGES[lang === "en" ? "zh-CN" : "en"].file), { waitUntil: "commit" });

      expect(errors, "console errors").toEqual([]);
      expect(await unexpectedViolations(page), "CSP violations").toEqual([]);
      expect(blocked.slice(blockedBefore), "requests that left the machine").toEqual([]);
      await page.close();
    },
    3 * WAIT_MS,
  );
});
