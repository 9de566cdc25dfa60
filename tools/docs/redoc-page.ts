// One self-contained HTML page per language, rendered in the browser by Redoc's public API:
// the `redoc/bundles/redoc.standalone.js` export and its `init(spec, options, element)`.
// Why this and not `redocly build-docs`: docs/decisions/0004-docs-rendering.md.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { patchRedocBundle } from "./offline-page.js";
import type { JsonObject } from "./types.js";

export interface RedocPageInput {
  lang: string;
  title: string;
  /** The other language's page, for `<link rel="alternate">`. */
  alternate: { lang: string; href: string };
  /** The OpenAPI document, already bundled (internal `$ref`s only). */
  document: JsonObject;
  /** Redoc options (the `openapi` section a redocly.yaml would hold). */
  options: JsonObject;
  /** Extra inline script, e.g. the preview server's reload client; it gets its own CSP hash. */
  extraScript?: string;
  /** Let the page open connections to its own origin (the preview server's reload events). */
  connectSelf?: boolean;
}

let standalone: string | undefined;

/** Redoc's standalone ES module with its two CDN image URLs replaced (see offline-page.ts). */
function redocStandalone(): string {
  standalone ??= patchRedocBundle(
    readFileSync(createRequire(import.meta.url).resolve("redoc/bundles/redoc.standalone.js"), "utf8"),
  );
  return standalone;
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** JSON placed inside `<script type="application/json">`: no `<` can close the element early. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The page's policy. Scripts run only if their hash is listed (so no markup from the contract
 * can add one, inline handlers and `javascript:` URLs included); nothing is fetched, framed,
 * embedded or submitted. Styles stay inline-only because Redoc's styled-components inject them.
 */
export function contentSecurityPolicy(scripts: readonly string[], connectSelf = false): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    `connect-src ${connectSelf ? "'self'" : "'none'"}`,
    "frame-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export function renderRedocPage(input: RedocPageInput): string {
  const options = { ...input.options, disableTelemetry: true, skipBundle: true };
  // The spec and the options travel as inert JSON data blocks that the module reads after parsing,
  // so the module is the same text in every page: one CSP hash, and a browser that opens another
  // page at the same address reuses its compiled code.
  const module = `${redocStandalone()}
const dataBlock = (id) => JSON.parse(document.getElementById(id).textContent);
init(dataBlock("redoc-definition"), dataBlock("redoc-options"), document.getElementById("redoc"));
`;
  const scripts = [module, ...(input.extraScript ? [input.extraScript] : [])];
  // The policy is the first thing after the charset: content rendered later cannot precede it,
  // and a <meta http-equiv> that content might carry is ignored outside <head> anyway.
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(scripts, input.connectSelf)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<link rel="alternate" hreflang="${escapeHtml(input.alternate.lang)}" href="${escapeHtml(input.alternate.href)}">
<style>
body { margin: 0; padding: 0; }
/* Zoom blue in place of Redocly's brand palette, for links, buttons and selection. */
:root {
  --color-brand-1: #eef4ff; --color-brand-2: #dce8ff; --color-brand-3: #b7ceff; --color-brand-4: #86adff;
  --color-brand-5: #4d86ff; --color-brand-6: #0b5cff; --color-brand-7: #0a4fdb; --color-brand-8: #0842b8;
  --color-brand-9: #06348f; --link-color-primary-palette: #0b5cff;
  /* A long API title fits in two lines of the middle column instead of four. */
  --h1-font-size: 28px; --h1-line-height: 36px;
}
/* Chinese text needs a CJK face; these are what Windows, macOS and Linux ship or package. */
html:lang(zh-CN) {
  --font-family-base: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
}
</style>
</head>
<body>
<noscript>This reference is rendered by JavaScript (Redoc); enable it to read the page.</noscript>
<div id="redoc"></div>
<script type="application/json" id="redoc-definition">${scriptJson(input.document)}</script>
<script type="application/json" id="redoc-options">${scriptJson(options)}</script>
${scripts.map((script, index) => `<script${index === 0 ? ' type="module"' : ""}>${script}</script>`).join("\n")}
</body>
</html>
`;
}
