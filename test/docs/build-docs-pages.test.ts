import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocsPages, DEFAULT_OVERLAYS_DIR, type BuiltPage } from "../../tools/docs/build-docs-pages.js";
import type { JsonObject } from "../../tools/docs/types.js";
import { bundledSpec } from "../support/spec.js";

const temp: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `docs-${name}-`));
  temp.push(dir);
  return dir;
};

let bundle: JsonObject;
let first: BuiltPage[];
let second: BuiltPage[];

beforeAll(async () => {
  bundle = (await bundledSpec()) as JsonObject;
  first = await buildDocsPages({ bundle, outDir: tempDir("first") });
  second = await buildDocsPages({ bundle, outDir: tempDir("second") });
}, 60_000);

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe("buildDocsPages", () => {
  it("writes index.html (English) and zh-CN.html (Chinese)", () => {
    expect(first.map((page) => [page.lang, path.basename(page.file)])).toEqual([
      ["en", "index.html"],
      ["zh-CN", "zh-CN.html"],
    ]);
    const [en, zh] = first.map((page) => readFileSync(page.file, "utf8"));
    expect(en).toMatch(/<html lang="en">/);
    expect(zh).toMatch(/<html lang="zh-CN">/);
    expect(en).toMatch(/<title>Get a webinar · Zoom Webinars API reference<\/title>/);
    expect(zh).toMatch(/<title>获取网络研讨会 · Zoom 网络研讨会 API 参考<\/title>/);
    expect(en).toContain('href="zh-CN.html"');
    expect(zh).toContain('href="index.html"');
  });

  it("is byte-for-byte repeatable", () => {
    for (const [index, page] of first.entries()) {
      expect(readFileSync(page.file).equals(readFileSync(second[index]!.file)), page.file).toBe(true);
    }
  });

  it("inlines Redoc and names no CDN image, script or stylesheet", () => {
    for (const page of first) {
      const html = readFileSync(page.file, "utf8");
      expect(page.bytes).toBe(Buffer.byteLength(html));
      expect(html).not.toMatch(/cdn\.redoc\.ly\/redoc\/logo/);
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(html).toContain("Content-Security-Policy");
      expect(html).toContain('"disableTelemetry":true');
    }
  });

  it("refuses a Chinese overlay that would change the structure", async () => {
    const overlays = tempDir("overlays");
    copyFileSync(path.join(DEFAULT_OVERLAYS_DIR, "code-samples.yaml"), path.join(overlays, "code-samples.yaml"));
    writeFileSync(
      path.join(overlays, "zh-CN.yaml"),
      ["overlay: 1.0.0", "info: { title: bad, version: '1' }", "actions:", "  - target: $.components.schemas.Webinar.properties.type", "    update: { enum: [1] }"].join("\n"),
    );
    await expect(buildDocsPages({ bundle, outDir: tempDir("refused"), overlaysDir: overlays, warn: () => {} })).rejects.toThrow(
      /does not fit the English contract[\s\S]*\['enum'\]/,
    );
  });
});
