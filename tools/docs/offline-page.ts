// Redoc 3 draws the "API docs by Redocly" badge from an image on Redocly's CDN, and no option
// turns the badge off. The page's copy of the bundle gets an inline SVG wordmark instead: the
// attribution stays, the request goes. Each replacement must hit exactly once, so a Redoc
// upgrade that moves the badge fails the build, not the reader.

const WORDMARK = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16" viewBox="0 0 60 16"><text x="0" y="12.5" font-family="system-ui, sans-serif" font-size="13" font-weight="600" fill="#5a6275">Redocly</text></svg>`;
const INITIAL = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><text x="3" y="12.5" font-family="system-ui, sans-serif" font-size="13" font-weight="700" fill="#5a6275">R</text></svg>`;

const svgData = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

const REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", svgData(WORDMARK)],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", svgData(INITIAL)],
];

export function patchRedocBundle(bundle: string): string {
  let result = bundle;
  for (const [url, replacement] of REPLACEMENTS) {
    const count = result.split(url).length - 1;
    if (count !== 1) throw new Error(`expected Redoc's bundle to reference ${url} once, found ${count}; re-check the offline patch`);
    result = result.replace(url, replacement);
  }
  // The bundle is inlined into a <script>; a closing tag inside it would end the element early.
  if (/<\/script/i.test(result)) throw new Error("Redoc's bundle contains </script and cannot be inlined");
  return result;
}

/**
 * Markers of a page that would reach out as soon as it is opened; each one is a build error.
 * (The bundle still names CDN icon sets in its code; only a browser can tell whether a page
 * uses them, which is what the browser test and the page's Content-Security-Policy are for.)
 */
const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/<script[^>]+\bsrc=/i, "an external script"],
  [/<link[^>]+rel="(?:stylesheet|modulepreload|preload|icon)"[^>]*>/i, "a linked resource"],
  [/\bimport\s*\{[^}]*\}\s*from\s*"https?:/, "a module imported from a URL"],
];

export function assertOffline(html: string, page: string): string {
  for (const [pattern, what] of FORBIDDEN) {
    const match = pattern.exec(html);
    if (match) throw new Error(`${page}: the page still loads ${what}: ${match[0].slice(0, 120)}`);
  }
  return html;
}
