// `npm run docs`: builds generated/docs/index.html (English) and zh-CN.html (Chinese).
// `npm run docs -- --serve [--port 8088]`: also serves them on 127.0.0.1 and rebuilds on every
// change under openapi/ (a reload of the browser tab shows the result).
import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundleContract } from "../tools/spec/bundle-contract.js";
import { buildDocsPages } from "../tools/docs/build-docs-pages.js";
import { GENERATED_DIR } from "../tools/spec/generated-files.js";

const { values } = parseArgs({ options: { serve: { type: "boolean" }, port: { type: "string", default: "8088" } } });
const outDir = path.resolve(GENERATED_DIR, "docs");

async function build(): Promise<void> {
  const started = performance.now();
  const pages = await buildDocsPages({ bundle: await bundleContract(), outDir });
  const sizes = pages.map((page) => `${path.relative(process.cwd(), page.file)} (${Math.round(page.bytes / 1024)} KiB)`);
  console.log(`docs: ${sizes.join(", ")} in ${Math.round(performance.now() - started)} ms`);
}

if (!values.serve) {
  await build();
} else {
  await build();
  serve(Number(values.port));
  rebuildOnChange(path.resolve("openapi"));
}

function serve(port: number): void {
  const files = new Map([
    ["/", "index.html"],
    ["/index.html", "index.html"],
    ["/zh-CN.html", "zh-CN.html"],
  ]);
  createServer(async (request, response) => {
    const file = files.get(new URL(request.url ?? "/", "http://localhost").pathname);
    if (request.method !== "GET" || file === undefined) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    try {
      const body = await readFile(path.join(outDir, file));
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(body);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`${(error as Error).message}\n`);
    }
  }).listen(port, "127.0.0.1", () => {
    console.log(`docs: http://127.0.0.1:${port}/ and http://127.0.0.1:${port}/zh-CN.html (Ctrl+C to stop)`);
  });
}

function rebuildOnChange(dir: string): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async () => {
    if (running) {
      // A change during a build: build once more afterwards, so the last edit always shows.
      again = true;
      return;
    }
    running = build().catch((error: unknown) => console.error(`docs: build failed: ${(error as Error).message}`));
    await running;
    running = undefined;
    if (again) {
      again = false;
      await rebuild();
    }
  };
  // Editors write a file in several steps; wait for them to settle before rebuilding.
  watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 200);
  });
  console.log(`docs: watching ${path.relative(process.cwd(), dir)}/ for changes`);
}
