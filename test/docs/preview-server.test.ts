// The preview server on a minimal contract written inline: every kind of save triggers a
// rebuild, open pages hear "reload", a bad save keeps the last good page, foreign Hosts get 403.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview, type RebuildResult } from "../../tools/docs/preview-server.js";

const EMPTY_OVERLAY = "overlay: 1.0.0\ninfo: { title: empty, version: '1' }\nactions: []\n";
const operation = (description: string) =>
  ["get:", "  operationId: getThing", "  summary: Get a thing", "  tags: [Things]", "  description: |", `    ${description}`, "  responses:", "    '200': { description: OK }", ""].join("\n");

let root = "";
let file = "";
let preview: Preview;
const log: string[] = [];
const results: RebuildResult[] = [];
const waiters: Array<() => void> = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "docs-preview-"));
  await mkdir(path.join(root, "openapi/paths"), { recursive: true });
  await mkdir(path.join(root, "openapi/overlays"));
  await writeFile(
    path.join(root, "openapi/openapi.yaml"),
    ["openapi: 3.1.0", "info: { title: Preview, version: '1', description: Preview test. }", "tags: [{ name: Things, description: Things. }]", "paths:", "  /things:", "    $ref: paths/things.yaml", ""].join("\n"),
  );
  file = path.join(root, "openapi/paths/things.yaml");
  await writeFile(file, operation("MARKER-0"));
  await writeFile(path.join(root, "openapi/overlays/code-samples.yaml"), EMPTY_OVERLAY);
  await writeFile(path.join(root, "openapi/overlays/zh-CN.yaml"), EMPTY_OVERLAY);
  preview = await startPreview({ contractDir: path.join(root, "openapi"), rootDir: root, port: 0, debounceMs: 20, log: (line) => log.push(line) });
  preview.onRebuild((result) => {
    results.push(result);
    waiters.splice(0).forEach((wake) => wake());
  });
}, 30_000);

afterAll(async () => {
  await preview?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

function get(pathname: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: preview.port, path: pathname, headers: host ? { host } : {} }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  });
}

/** Waits (at most 15 s per rebuild, at most 4 rebuilds) until a rebuild matches `done`. */
async function rebuildUntil(done: (result: RebuildResult) => boolean | Promise<boolean>): Promise<RebuildResult> {
  for (let seen = results.length, round = 0; round < 4; round++) {
    while (results.length === seen) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no rebuild within 15 s; log:\n${log.join("\n")}`)), 15_000);
        waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
    const result = results[seen]!;
    seen += 1;
    if (await done(result)) return result;
  }
  throw new Error(`no matching rebuild; log:\n${log.join("\n")}`);
}

const serves = (marker: string) => async () => (await get("/")).body.includes(marker);

describe("npm run docs -- --serve", () => {
  it("serves the first build from a temporary folder", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("MARKER-0");
    expect(preview.servedDir.startsWith(os.tmpdir())).toBe(true);
    expect(log[0]).toMatch(/^docs: built in \d+ ms \(index\.html \d+ KiB, zh-CN\.html \d+ KiB\)$/);
  });

  it.each([
    ["replace by rename (editors' safe write)", async (text: string) => {
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    }],
    ["write in place", (text: string) => writeFile(file, text)],
    ["sed -i", async (text: string) => {
      const marker = /MARKER-\d+/.exec(text)![0];
      await promisify(execFile)("sed", ["-i", `s/MARKER-[0-9]*/${marker}/`, file]);
    }],
    ["move away, then write anew (vim without backupcopy)", async (text: string) => {
      await rename(file, `${file}~`);
      await writeFile(file, text);
    }],
  ])("rebuilds after %s and says what changed", async (_kind, save) => {
    const marker = `MARKER-${results.length + 1}`;
    await save(operation(marker));
    // A save in two steps (a temp file, then a rename) may rebuild once per step on a loaded
    // machine; the rebuild that sees the saved file must name it.
    const result = await rebuildUntil(async (r) => r.changed.includes("openapi/paths/things.yaml") && (await serves(marker)()));
    expect(result.ok).toBe(true);
    expect(result.changed).toContain("openapi/paths/things.yaml");
    expect(log.at(-1)).toMatch(/^docs: built after .*openapi\/paths\/things\.yaml.* changed in \d+ ms/);
  }, 40_000);

  it("tells open pages to reload after a rebuild", async () => {
    const events = await fetch(`${preview.url}events`);
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    await writeFile(file, operation("MARKER-reload"));
    await rebuildUntil(serves("MARKER-reload"));
    while (!text.includes("event: reload")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain("event: reload");
    await reader.cancel();
    // The page carries the reload client, allowed by hash, and may connect only to its own origin.
    const page = (await get("/")).body;
    expect(page).toContain('new EventSource("/events")');
    expect(page).toMatch(/connect-src 'self'/);
  }, 40_000);

  it("keeps serving the last good page and names file:line when a save breaks the build", async () => {
    const good = (await get("/")).body;
    await writeFile(file, operation(`<iframe srcdoc="<img src=x onerror=alert(1)>"></iframe>`));
    const result = await rebuildUntil((r) => !r.ok);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/openapi\/paths\/things\.yaml:6 docs-markup <iframe srcdoc>/);
    expect(log.at(-1)).toMatch(/^docs: build failed after .* changed; still serving the last good pages:/);
    expect((await get("/")).body).toBe(good);
  }, 40_000);

  it("answers only to its own loopback name (DNS rebinding)", async () => {
    expect((await get("/", `evil.example:${preview.port}`)).status).toBe(403);
    expect((await get("/events", "127.0.0.1.nip.io")).status).toBe(403);
    expect((await get("/", `127.0.0.1:${preview.port + 1}`)).status).toBe(403);
    expect((await get("/", `localhost:${preview.port}`)).status).toBe(200);
    expect((await get("/zh-CN.html", `127.0.0.1:${preview.port}`)).status).toBe(200);
  });
});
