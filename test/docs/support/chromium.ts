// Headless Chromium for the docs tests: pages opened from disk, as a reader would, with the
// network cut off (every request that is not file: or data: is aborted and recorded).
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

// Debian's chromium-headless-shell first: Chromium's old headless mode, the build playwright itself
// runs for headless tests; a launch and the English page take about 40% less CPU than with the full
// browser. The full browser (package chromium) works too.
const INSTALLED = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
export const CHROMIUM = process.env.CHROMIUM_PATH ?? INSTALLED.find((file) => existsSync(file)) ?? INSTALLED[0]!;
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) {
  console.warn(`docs browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium-headless-shell, or set CHROMIUM_PATH)`);
}
// Generous bounds: they only matter when something is wrong, and 2 shared cores can be slow.
export const WAIT_MS = 30_000;

// V8's optimizing tiers compile on background threads for pages that live a few seconds; without
// them the docs tests took about 3.5 s less CPU. One process (no zygote, GPU or renderer process
// to start, as serverless Chromium builds run) took about 5 s less for both files together.
// Figures: docs/decisions/0009-test-speed.md.
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--js-flags=--no-opt --no-maglev", "--single-process", "--no-zygote"],
  });

/**
 * Closes the browser from a blank page: a single-process Chromium asked to close while a 2.6 MB
 * page is still loading (the last click navigated) took 30 s to close, now and then, under load.
 */
export async function closeBrowser(browser: Browser | undefined, tab: Tab | undefined): Promise<void> {
  await tab?.page.goto("about:blank").catch(() => undefined);
  await browser?.close();
}

/** A tab that records what its documents do; the arrays run on across navigations. */
export interface Tab {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that tried to leave the machine (aborted). */
  blocked: string[];
}

/**
 * A tab that records console errors, CSP violations (`window.__violations`, per document) and
 * any request leaving the machine. One tab can open several pages, and the next page in a warm
 * renderer costs less (at the same URL with the same Redoc module, Chromium reuses its compiled code).
 */
export async function newTab(browser: Browser): Promise<Tab> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  const tab: Tab = { page, errors: [], blocked: [] };
  page.on("console", (message) => {
    if (message.type() === "error") tab.errors.push(message.text());
  });
  page.on("pageerror", (error) => tab.errors.push(error.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    tab.blocked.push(url);
    return route.abort();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return tab;
}

/**
 * Waits until `predicate` holds in the page, checking every 50 ms: playwright's default checks on
 * every animation frame, which keeps a page that has settled busy painting.
 */
export async function waitForDom<A>(page: Page, predicate: (arg: A) => unknown, arg: A): Promise<void> {
  // (Plain data in, so playwright's Unboxed<A> is A.)
  await page.waitForFunction(predicate as (arg: unknown) => unknown, arg, { polling: 50 });
}

/** Waits for Redoc's first h1 (a DOM query: playwright's role engine throws on some hostile elements). */
export const redocShown = (page: Page): Promise<void> => waitForDom(page, () => document.querySelector("h1") !== null, undefined);

/** Opens `file` from disk in the tab, once Redoc's first h1 shows. */
export async function openFile(tab: Tab, file: string): Promise<void> {
  await tab.page.goto(pathToFileURL(file).href, { waitUntil: "commit" });
  await redocShown(tab.page);
}

/** CSP violations the current document reported so far, one `directive blockedURI` per line. */
export const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/**
 * Redoc's search probes `Function(...)` to start a worker and falls back to searching on the
 * page when the policy refuses; that one refusal is expected, any other is a failure.
 */
export const unexpectedViolations = async (page: Page): Promise<string[]> =>
  (await violations(page)).filter((v) => v !== "script-src eval");
