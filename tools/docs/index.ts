export { applyOverlay } from "./apply-overlay.js";
export { bundleContract, CONTRACT_ENTRY } from "../spec/bundle-contract.js";
export { buildDocsPages, DEFAULT_OVERLAYS_DIR, renderDocsPage, REDOC_OPTIONS, type BuildDocsPagesOptions, type BuiltPage } from "./build-docs-pages.js";
export { loadOverlay, parseOverlay } from "./load-overlay.js";
export { checkOverlayCoverage, coverageProblems, structuralProblems, type OverlayCoverage } from "./overlay-coverage.js";
export { PAGES, type DocsLanguage } from "./pages.js";
export { contentSecurityPolicy, renderRedocPage, type RedocPageInput } from "./redoc-page.js";
export { textLocations, type TextLocation } from "./text-locations.js";
export type { JsonObject, JsonValue, OverlayAction, OverlayDocument } from "./types.js";
