// Redoc 3 draws the "API docs by Redocly" badge from an image on Redocly's CDN, and no option
// turns the badge off. The built page replaces those two URLs in the inlined Redoc bundle with
// an inline SVG wordmark: the attribution stays, the request goes. Each replacement must hit
// exactly where expected, so a Redoc upgrade that moves the badge fails the build, not the reader.

const WORDMARK = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16" viewBox="0 0 60 16"><text x="0" y="12.5" font-family="system-ui, sans-serif" font-size="13" font-weight="600" fill="#5a6275">Redocly</text></svg>`;
const INITIAL = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><text x="3" y="12.5" font-family="system-ui, sans-serif" font-size="13" font-weight="700" fill="#5a6275">R</text></svg>`;

const svgData = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

const REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", svgData(WORDMARK)],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", svgData(INITIAL)],
];

/**
 * Markers of a page that would reach out as soon as it is opened; each one is a build error.
 * (The inlined bundle still names CDN icon sets in its code; only a browser can tell whether a
 * page uses them, which is what the browser test and the page's Content-Security-Policy are for.)
 */
const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/<script[^>]+\bsrc=/i, "an external script"],
  [/<link[^>]+rel="(?:stylesheet|modulepreload|preload|icon)"[^>]*>/i, "a linked resource"],
  [/\bimport\s*\{[^}]*\}\s*from\s*"https?:/, "a module imported from a URL"],
];

export function makeOffline(html: string, page: string): string {
  let result = html;
  for (const [url, replacement] of REPLACEMENTS) {
    const count = result.split(url).length - 1;
    if (count !== 1) {
      throw new Error(`${page}: expected Redoc to reference ${url} once, found ${count}; re-check the offline patch`);
    }
    result = result.replace(url, replacement);
  }
  for (const [pattern, what] of FORBIDDEN) {
    const match = pattern.exec(result);
    if (match) throw new Error(`${page}: the page still loads ${what}: ${match[0].slice(0, 120)}`);
  }
  if (!result.includes(`"disableTelemetry":true`)) {
    throw new Error(`${page}: Redoc telemetry is not disabled in the page options`);
  }
  return result;
}
