import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocsPages, DEFAULT_OVERLAYS_DIR, type BuiltPage } from "../../tools/docs/build-docs-pages.js";
import { renderRedocPage } from "../../tools/docs/redoc-page.js";
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

// One build; repeatability is the drift test's job (generate must reproduce generated/docs).
beforeAll(async () => {
  bundle = (await bundledSpec()) as JsonObject;
  first = await buildDocsPages({ bundle, outDir: tempDir("first"), warn: () => {} });
}, 30_000);

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
    expect(en).toMatch(/<title>Zoom Webinars API reference · Master Account<\/title>/);
    expect(zh).toMatch(/<title>Zoom 网络研讨会 API 参考 · 主帐户<\/title>/);
    expect(en).toContain('href="zh-CN.html"');
    expect(zh).toContain('href="index.html"');
  });

  it("inlines Redoc and names no CDN image, script or stylesheet", () => {
    for (const page of first) {
      const html = readFileSync(page.file, "utf8");
      expect(page.bytes).toBe(Buffer.byteLength(html));
      expect(html).not.toMatch(/cdn\.redoc\.ly\/redoc\/logo/);
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(html).toContain('"disableTelemetry":true');
    }
  });

  it("allows exactly its own inline scripts, by hash, and nothing framed, embedded or submitted", () => {
    for (const page of first) {
      const html = readFileSync(page.file, "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
      // The policy comes before anything the contract's text could become.
      expect(html.indexOf(policy)).toBeLessThan(html.indexOf("<title>"));
      const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
      for (const name of ["default-src", "frame-src", "object-src", "base-uri", "form-action", "connect-src", "worker-src"]) {
        expect(directives[name], name).toBe("'none'");
      }
      const executable = [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      const hashes = executable.map((script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`);
      expect(directives["script-src"]).toBe(hashes.join(" "));
      expect(directives["script-src"]).not.toMatch(/unsafe/);
    }
  });

  it("keeps the spec and the options out of the module: pages with other ones run the same code", () => {
    const page = (title: string, options: JsonObject) =>
      renderRedocPage({ lang: "en", title, alternate: { lang: "zh-CN", href: "zh-CN.html" }, document: { openapi: "3.1.0", info: { title, version: "1" }, paths: {} }, options });
    const scriptSrc = (html: string) => /script-src ([^;"]+)/.exec(html)?.[1];
    expect(scriptSrc(page("A", { sanitize: true }))).toBe(scriptSrc(page("B", { sanitize: false })));
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
