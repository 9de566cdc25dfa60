// Opens the committed docs pages (generated/docs; the drift test proves them current) in a real
// headless Chromium, as a reader would from disk, with the network cut off: every request that
// is not file: or data: is aborted and recorded. Screenshots only with DOCS_SCREENSHOTS=1.
// Hostile markup that skipped the markup check is opened in description-fuzz.browser.test.ts.
//
// One tab: the English page, then the Chinese page reached through its language switch (a warm
// renderer opens it in about 2.4 s of CPU instead of 3.8). Redoc 3 renders one route at a time, and a
// route costs about 0.5 s of CPU here, so the English page renders one operation of every tag and
// the Chinese page, built from the same document by the overlay, shows every tag in its menu and
// renders one operation through it. Figures: docs/decisions/0009-test-speed.md.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGES, type DocsLanguage } from "../../tools/docs/pages.js";
import type { JsonObject } from "../../tools/docs/types.js";
import { GENERATED_DIR } from "../../tools/spec/generated-files.js";
import { closeBrowser, hasBrowser, launchBrowser, newTab, openFile, redocShown, unexpectedViolations, waitForDom, WAIT_MS, type Tab } from "./support/chromium.js";

// (Not test/support/spec.ts's repoRoot: that module loads Redocly's bundler, 1.5 s of CPU.)
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const screenshotsDir = process.env.DOCS_SCREENSHOTS === "1" ? path.join(repoRoot, "test-output") : undefined;
const docsDir = path.join(repoRoot, GENERATED_DIR, "docs");
const other = (lang: DocsLanguage): DocsLanguage => (lang === "en" ? "zh-CN" : "en");

interface Operation {
  tag: string;
  summary: string;
  path: string;
}

/** The document a page carries: its inert JSON data block, which Redoc renders. */
function pageDocument(file: string): JsonObject {
  const html = readFileSync(file, "utf8");
  const json = /<script type="application\/json" id="redoc-definition">([^<]*)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error(`${file}: no redoc-definition data block`);
  return JSON.parse(json) as JsonObject;
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
let tab: Tab | undefined;
/** Where the current document's errors and blocked requests start in the tab's records. */
const mark = { errors: 0, blocked: 0 };

beforeAll(async () => {
  if (!hasBrowser) return;
  browser = await launchBrowser();
  tab = await newTab(browser);
  if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true });
}, WAIT_MS);

afterAll(() => closeBrowser(browser, tab));

const screenshot = async (name: string) => {
  if (screenshotsDir) await tab!.page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
};

/** The operation's h2 and its path show in one operation section (Redoc's `data-section-id`). */
const operationShown = (operation: Operation) =>
  waitForDom(tab!.page, ({ summary, path: route }) =>
    Array.from(document.querySelectorAll("h2")).some((h2) => h2.textContent === summary && h2.closest("[data-section-id]")?.textContent?.includes(route)), operation);

describe("the committed docs pages in headless Chromium, offline", () => {
  it.skipIf(!hasBrowser).each([
    ["en", "renders one operation of each tag (the first through the menu)"],
    ["zh-CN", "reached by the English page's language switch, lists every tag in its menu and renders one operation through it"],
  ] as const)(
    "%s: %s, with no error, no CSP violation and no outside request",
    async (lang, _what) => {
      const { page } = tab!;
      const file = path.join(docsDir, PAGES[lang].file);
      // The Chinese page normally opens by the English page's switch; alone (-t) it opens itself.
      if (page.url().endsWith(`/${PAGES[lang].file}`)) await redocShown(page);
      else {
        Object.assign(mark, { errors: tab!.errors.length, blocked: tab!.blocked.length });
        await openFile(tab!, file);
      }
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await screenshot(`docs-${lang}-top`);

      const operations = firstOperationPerTag(pageDocument(file));
      expect(operations.length).toBeGreaterThan(1);
      // Redoc 3's menu: one link per tag (shown at once), which unfolds the tag's operations as links.
      const menu = new Map(await page.evaluate(() => Array.from(document.querySelectorAll('a[href^="#/"]'), (a) => [a.textContent ?? "", a.getAttribute("href")!] as const)));
      expect([...menu.keys()]).toEqual(expect.arrayContaining(operations.map((operation) => operation.tag)));

      // Through the menu, as a reader does: the tag's link, then its operation's link
      // (English: the first tag; Chinese: the last, so two tags are clicked through).
      const clicked = lang === "en" ? operations[0]! : operations.at(-1)!;
      const tagHref = menu.get(clicked.tag)!;
      await page.locator(`a[href="${tagHref}"]`).first().click();
      await page.locator(`a[href^="${tagHref}/"]`, { hasText: clicked.summary }).first().click();
      await operationShown(clicked);
      // The other tags in one step each: a tag's route shows its first operation.
      if (lang === "en") {
        for (const operation of operations.filter((operation) => operation !== clicked)) {
          await page.evaluate((href) => { location.hash = href; }, menu.get(operation.tag)!);
          await operationShown(operation);
        }
      }
      await screenshot(`docs-${lang}-operation`);

      expect(tab!.errors.slice(mark.errors), "console errors").toEqual([]);
      expect(await unexpectedViolations(page), "CSP violations").toEqual([]);
      expect(tab!.blocked.slice(mark.blocked), "requests that left the machine").toEqual([]);

      // The language switch above the description leads to the other page (which the next case reads).
      Object.assign(mark, { errors: tab!.errors.length, blocked: tab!.blocked.length });
      // (A CSS query and its text: playwright's role engine walks the whole page, ~0.4 s of CPU.)
      await page.locator(`a[href="${PAGES[other(lang)].file}"]`, { hasText: lang === "en" ? "简体中文" : "English" }).first().click();
      await page.waitForURL((url) => url.pathname.endsWith(`/${PAGES[other(lang)].file}`), { waitUntil: "commit" });
    },
    3 * WAIT_MS,
  );
});
