// Facts of the session-branding operations and schemas (Branding tag). Read by hand from Zoom's
// published spec (2023), Zoom's SDK types (2026) and the changelog entries that added the
// operations; rows follow the format described in ./types.ts.
import type { OperationFacts, ParameterFact, SchemaFacts, SourceId } from "./types.js";

export const schemaFacts: SchemaFacts = {
  WebinarBranding: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "wallpaper": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "wallpaper.id": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "virtual_backgrounds": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "array" },
    "virtual_backgrounds[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "name_tags": { sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-07-18"], type: "array" },
    "name_tags[]": { sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-07-18"], type: "object" },
  },
  BrandingVirtualBackground: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "id": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "is_default": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean" },
    "size": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
  BrandingNameTag: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-07-18"], type: "object" },
    "id": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "text_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "accent_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "background_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "is_default": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean" },
  },
  BrandingNameTagUpdate: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 50, keywordSources: {"maxLength": ["zoom-spec-2023"]} },
    "text_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "accent_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "background_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "is_default": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: {"default": ["zoom-spec-2023"]} },
    "set_default_for_all_panelists": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: true, keywordSources: {"default": ["zoom-spec-2023"]} },
  },
  BrandingNameTagCreate: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object", keywordSources: {"required/name": ["zoom-spec-2023", "zoom-sdk-2026"], "required/text_color": ["zoom-spec-2023", "zoom-sdk-2026"], "required/accent_color": ["zoom-spec-2023", "zoom-sdk-2026"], "required/background_color": ["zoom-spec-2023", "zoom-sdk-2026"]} },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", maxLength: 50, required: true, keywordSources: {"maxLength": ["zoom-spec-2023"]} },
    "text_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", required: true },
    "accent_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", required: true },
    "background_color": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", required: true },
    "is_default": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: {"default": ["zoom-spec-2023"]} },
    "set_default_for_all_panelists": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: true, keywordSources: {"default": ["zoom-spec-2023"]} },
  },
  BrandingVirtualBackgroundUpload: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"], type: "object" },
    "file": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", format: "binary", required: true },
    "default": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: false, keywordSources: {"default": ["zoom-spec-2023"]} },
    "set_default_for_all_panelists": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "boolean", default: true, keywordSources: {"default": ["zoom-spec-2023"]} },
  },
  BrandingWallpaperUpload: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"], type: "object" },
    "file": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string", format: "binary", required: true },
  },
  BrandingWallpaper: {
    "": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "object" },
    "id": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "name": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
    "size": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "integer" },
    "type": { sources: ["zoom-spec-2023", "zoom-sdk-2026"], type: "string" },
  },
};

// Every branding operation documents the same codes (Zoom's spec lists them per operation; the
// 400 response collects them, and each operation's description says which apply).
const errorSources: Readonly<Record<number, readonly SourceId[]>> = {
  300: ["zoom-spec-2023"],
  1010: ["zoom-spec-2023"],
  3000: ["zoom-spec-2023"],
  120: ["zoom-spec-2023"],
  1001: ["zoom-spec-2023"],
  3001: ["zoom-spec-2023"],
  4711: ["zoom-issues-zoomapps-sample-js-25", "zoom-issues-zoom-laravel-15"],
};

const pathParameters: Readonly<Record<string, ParameterFact>> = {
  accountId: { in: "path", required: true, type: "string", sources: ["page"] },
  webinarId: { in: "path", required: true, type: "string", sources: ["page", "zoom-spec-2023", "zoom-sdk-2026"] },
};

export const operationFacts: OperationFacts = {
  getWebinarBranding: {
    method: "get",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding",
    successStatus: "200",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:read:branding:master"], ["webinar:master"]],
    rateLimitCategory: "Light",
    parameters: {
      ...pathParameters,
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"],
  },
  uploadWebinarBrandingVirtualBackground: {
    method: "post",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/virtual_backgrounds",
    successStatus: "201",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:write:branding_virtual_background:master"], ["webinar:master"]],
    rateLimitCategory: "Medium",
    parameters: {
      ...pathParameters,
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"],
  },
  setWebinarBrandingDefaultVirtualBackground: {
    method: "patch",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/virtual_backgrounds",
    successStatus: "204",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:master"]],
    rateLimitCategory: "Light",
    parameters: {
      ...pathParameters,
      id: { in: "query", required: false, type: "string", sources: ["zoom-spec-2023", "zoom-sdk-2026"] },
      set_default_for_all_panelists: { in: "query", required: false, type: "boolean", sources: ["zoom-spec-2023", "zoom-sdk-2026"] },
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"],
  },
  deleteWebinarBrandingVirtualBackgrounds: {
    method: "delete",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/virtual_backgrounds",
    successStatus: "204",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:delete:branding_virtual_background:master"], ["webinar:master"]],
    rateLimitCategory: "Light",
    parameters: {
      ...pathParameters,
      ids: { in: "query", required: false, type: "string", sources: ["zoom-spec-2023", "zoom-sdk-2026"] },
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"],
  },
  uploadWebinarBrandingWallpaper: {
    method: "post",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/wallpaper",
    successStatus: "201",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:write:branding_wallpaper:master"], ["webinar:master"]],
    rateLimitCategory: "Medium",
    parameters: {
      ...pathParameters,
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"],
  },
  deleteWebinarBrandingWallpaper: {
    method: "delete",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/wallpaper",
    successStatus: "204",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:delete:branding_wallpaper:master"], ["webinar:master"]],
    rateLimitCategory: "Light",
    parameters: {
      ...pathParameters,
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-04-18"],
  },
  createWebinarBrandingNameTag: {
    method: "post",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/name_tags",
    successStatus: "201",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:write:branding_name_tag:master"], ["webinar:master"]],
    rateLimitCategory: "Medium",
    parameters: {
      ...pathParameters,
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-07-18"],
  },
  deleteWebinarBrandingNameTags: {
    method: "delete",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/name_tags",
    successStatus: "204",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:delete:branding_name_tag:master"], ["webinar:master"]],
    rateLimitCategory: "Light",
    parameters: {
      ...pathParameters,
      name_tag_ids: { in: "query", required: false, type: "string", sources: ["zoom-spec-2023", "zoom-sdk-2026"] },
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-07-18"],
  },
  updateWebinarBrandingNameTag: {
    method: "patch",
    path: "/accounts/{accountId}/webinars/{webinarId}/branding/name_tags/{nameTagId}",
    successStatus: "204",
    errors: { "400": [300, 1010, 3000, 120, 4711], "404": [1001, 3001] },
    errorSources,
    scopes: [["webinar:update:branding_name_tag:master"], ["webinar:master"]],
    rateLimitCategory: "Medium",
    parameters: {
      ...pathParameters,
      nameTagId: { in: "path", required: true, type: "string", sources: ["zoom-spec-2023", "zoom-sdk-2026"] },
    },
    sources: ["zoom-spec-2023", "zoom-sdk-2026", "zoom-changelog-2022-07-18"],
  },
};
