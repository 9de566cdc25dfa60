// The two pages the docs consist of. Each links to the other at the top of its description,
// since the language is a property of the whole page, not of one section.
import type { JsonObject } from "./types.js";

export type DocsLanguage = "en" | "zh-CN";

export interface PageDefinition {
  lang: DocsLanguage;
  /** File name inside the output directory; the English page is the directory's index. */
  file: string;
  /** The browser tab title. */
  title: string;
  /** Markdown line put above `info.description`: this page's language, then a link to the other. */
  languageSwitch: string;
}

export const PAGES: Readonly<Record<DocsLanguage, PageDefinition>> = {
  en: {
    lang: "en",
    file: "index.html",
    title: "Zoom Webinars API reference · Master Account",
    languageSwitch: "**English** · [简体中文](zh-CN.html)",
  },
  "zh-CN": {
    lang: "zh-CN",
    file: "zh-CN.html",
    title: "Zoom 网络研讨会 API 参考 · 主帐户",
    languageSwitch: "[English](index.html) · **简体中文**",
  },
};

export function otherPage(lang: DocsLanguage): PageDefinition {
  return lang === "en" ? PAGES["zh-CN"] : PAGES.en;
}

/** A copy of `document` whose description starts with the page's language switch. */
export function withLanguageSwitch(document: JsonObject, page: PageDefinition): JsonObject {
  const info = (document.info ?? {}) as JsonObject;
  const description = typeof info.description === "string" ? info.description : "";
  return { ...document, info: { ...info, description: `${page.languageSwitch}\n\n${description}` } };
}
