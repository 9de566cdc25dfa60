// Opens the built docs pages in a real headless Chromium, as a reader would from disk, with
// the network cut off: every request that is not file: or data: is aborted and recorded.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocsPages } from "../../tools/docs/build-docs-pages.js";
import { PAGES, type DocsLanguage } from "../../tools/docs/pages.js";
import type { JsonObject } from "../../tools/docs/types.js";
import { bundledSpec, repoRoot } from "../support/spec.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) {
  console.warn(`docs browser test SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

const screenshots = path.join(repoRoot, "test-output");

interface Expected {
  operation: string;
  settings: string;
  audio: string;
  errors: Record<"400" | "401" | "404" | "429", string>;
  otherLanguage: string;
}

const EXPECTED: Record<DocsLanguage, Expected> = {
  en: {
    operation: "Get a webinar",
    settings: "The webinar's settings",
    audio: "How participants can join the audio",
    errors: { "400": "Bad request.", "401": "Unauthorized.", "404": "Not found.", "429": "Too many requests." },
    otherLanguage: "简体中文",
  },
  "zh-CN": {
    operation: "获取网络研讨会",
    settings: "网络研讨会的设置",
    audio: "参会者加入音频的方式",
    errors: { "400": "错误的请求。Zoom", "401": "未授权。Zoom", "404": "未找到。Zoom", "429": "请求过多。该帐户" },
    otherLanguage: "English",
  },
};

const ENUMS: Record<string, string[]> = {
  registration_type: ["1", "2", "3"],
  audio: ["both", "telephony", "voip", "thirdParty"],
  auto_recording: ["local", "cloud", "none"],
};

let context: BrowserContext | undefined;
let outDir = "";
let userDataDir = "";
const blocked: string[] = [];

beforeAll(async () => {
  if (!hasBrowser) return;
  // Built here from openapi/, so the test judges the current sources, not a stale generated/.
  outDir = mkdtempSync(path.join(os.tmpdir(), "docs-browser-pages-"));
  userDataDir = mkdtempSync(path.join(os.tmpdir(), "docs-browser-profile-"));
  await buildDocsPages({ bundle: (await bundledSpec()) as JsonObject, outDir });
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1400, height: 900 },
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  mkdirSync(screenshots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await context?.close();
  for (const dir of [outDir, userDataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the docs pages in headless Chromium, offline", () => {
  it.skipIf(!hasBrowser).each(["en", "zh-CN"] as const)(
    "%s: renders the operation, its 200 settings and error responses, with no error and no outside request",
    async (lang) => {
      const expected = EXPECTED[lang];
      const page = await context!.newPage();
      page.setDefaultTimeout(10_000);
      const consoleErrors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(error.message));
      const blockedBefore = blocked.length;

      await page.goto(pathToFileURL(path.join(outDir, PAGES[lang].file)).href);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      // The server-rendered page shows "Loading..." in its search box until Redoc has hydrated.
      await expect.poll(() => page.getByText("Loading...").count()).toBe(0);
      await page.screenshot({ path: path.join(screenshots, `docs-${lang}-top.png`) });

      // Redoc 3 shows a tag's operations once the tag is opened.
      await page.getByText("+ Show").first().click();
      // The heading's accessible name also holds its anchor link's label, so match its text.
      await page.locator("h2").filter({ hasText: new RegExp(`^${expected.operation}$`) }).first().waitFor();
      await expect.poll(() => page.getByText("/accounts/{accountId}/webinars/{webinarId}").first().isVisible()).toBe(true);

      const middle = page.getByTestId("middle-panel");
      for (const [status, description] of Object.entries(expected.errors)) {
        await middle.getByRole("tab", { name: status, exact: true }).first().click();
        await expect.poll(() => middle.getByText(description).first().isVisible(), { message: `${status} response` }).toBe(true);
      }
      await middle.getByRole("tab", { name: "200", exact: true }).first().click();

      const property = (name: string) => page.locator(`[id$="t=response&c=200&path=${name}"]`);
      await expect.poll(() => property("settings").innerText()).toContain(expected.settings);
      await property("settings").getByRole("button", { name: /Show \d+ properties/ }).click();
      for (const [name, values] of Object.entries(ENUMS)) {
        const field = property(`settings/${name}`);
        await field.scrollIntoViewIfNeeded();
        const enumCells = await field.locator("table tr td:first-child").allInnerTexts();
        expect(enumCells.map((cell) => cell.trim()), `settings.${name} enum`).toEqual(values);
      }
      expect(await property("settings/audio").innerText()).toContain(expected.audio);
      await page.screenshot({ path: path.join(screenshots, `docs-${lang}-settings.png`) });

      // The TypeScript sample comes from openapi/overlays/code-samples.yaml.
      const samples = page.getByTestId("right-panel");
      await samples.getByRole("button", { name: "curl" }).first().click();
      await page.getByRole("menuitem", { name: "TypeScript" }).or(page.getByText("TypeScript", { exact: true })).first().click();
      await expect.poll(() => samples.getByText("getWebinar(zoom, {").first().isVisible()).toBe(true);

      // The language switch above the description leads to the other page.
      await page.getByRole("link", { name: expected.otherLanguage, exact: true }).first().click();
      await page.waitForURL((url) => url.pathname.endsWith(PAGES[lang === "en" ? "zh-CN" : "en"].file));

      expect(consoleErrors, "console errors").toEqual([]);
      expect(blocked.slice(blockedBefore), "requests that left the machine").toEqual([]);
      await page.close();
    },
    45_000,
  );
});
