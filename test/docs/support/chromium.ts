// Headless Chromium for the docs tests: pages opened from disk, as a reader would, with the
// network cut off (every request that is not file: or data: is aborted and recorded).
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) {
  console.warn(`docs browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
// Generous bounds: they only matter when something is wrong, and 2 shared cores can be slow.
export const WAIT_MS = 30_000;

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });

/**
 * A page that records console errors, CSP violations (`window.__violations`) and any request
 * leaving the machine (pushed to `blocked`), opened once its first h1 shows.
 */
export async function openPage(browser: Browser, file: string, blocked: string[]): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  await page.goto(pathToFileURL(file).href);
  // A DOM query, not getByRole: playwright's role engine throws on some hostile elements.
  await page.waitForFunction(() => document.querySelector("h1") !== null);
  return { page, errors };
}

/** CSP violations reported so far, one `directive blockedURI` per line. */
export const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/**
 * Redoc's search probes `Function(...)` to start a worker and falls back to searching on the
 * page when the policy refuses; that one refusal is expected, any other is a failure.
 */
export const unexpectedViolations = async (page: Page): Promise<string[]> =>
  (await violations(page)).filter((v) => v !== "script-src eval");
