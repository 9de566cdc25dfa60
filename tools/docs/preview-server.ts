// `npm run docs -- --serve`: rebuilds the pages on every save under the contract folder, serves
// them from a temporary folder on loopback, and tells open pages to reload (Server-Sent Events).
import { watch, type FSWatcher } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { bundleContract } from "../spec/bundle-contract.js";
import { buildDocsPages, type BuiltPage } from "./build-docs-pages.js";
import { checkContractMarkup } from "./markup-check.js";
import { PAGES } from "./pages.js";

/** Runs in the served pages only (allowed by its CSP hash): reload when the server says so. */
export const RELOAD_CLIENT = `new EventSource("/events").addEventListener("reload", () => location.reload());`;

export interface PreviewOptions {
  /** The contract folder (openapi/); every folder under it is watched. */
  contractDir: string;
  /** The entry file; default `<contractDir>/openapi.yaml`. */
  entry?: string;
  /** Overlays; default `<contractDir>/overlays`. */
  overlaysDir?: string;
  /** Paths in messages are relative to this folder. Default: the working directory. */
  rootDir?: string;
  /** 0 picks a free port. */
  port: number;
  /** Quiet time after the last change before a rebuild (editors write in several steps). Default 150. */
  debounceMs?: number;
  log?: (line: string) => void;
}

export type RebuildResult = { ok: true; changed: string[]; pages: BuiltPage[]; ms: number } | { ok: false; changed: string[]; error: string };

export interface Preview {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  /** Where the served pages live (removed on close). */
  servedDir: string;
  /** Called after every rebuild, good or failed. */
  onRebuild(listener: (result: RebuildResult) => void): void;
  close(): Promise<void>;
}

const FILES = new Map([
  ["/", PAGES.en.file],
  ["/index.html", PAGES.en.file],
  [`/${PAGES["zh-CN"].file}`, PAGES["zh-CN"].file],
]);

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const rootDir = options.rootDir ?? process.cwd();
  const contractDir = path.resolve(options.contractDir);
  const entry = options.entry ?? path.join(contractDir, "openapi.yaml");
  const overlaysDir = options.overlaysDir ?? path.join(contractDir, "overlays");
  const log = options.log ?? ((line: string) => console.log(line));
  const debounceMs = options.debounceMs ?? 150;
  const shown = (file: string) => path.relative(rootDir, file).split(path.sep).join("/");
  const servedDir = await mkdtemp(path.join(os.tmpdir(), "zoom-webinar-docs-preview-"));
  const listeners: Array<(result: RebuildResult) => void> = [];
  const clients = new Set<ServerResponse>();
  let generation = 0;

  /** Builds into a fresh folder; only a complete good build replaces what is served. */
  const build = async (changed: string[]): Promise<RebuildResult> => {
    const started = performance.now();
    try {
      const markup = await checkContractMarkup([contractDir, overlaysDir], rootDir);
      if (markup.length > 0) throw new Error(markup.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`).join("\n"));
      const bundle = await bundleContract(entry);
      const outDir = path.join(servedDir, String(++generation));
      const pages = await buildDocsPages({ bundle, outDir, overlaysDir, warn: () => {}, extraScript: RELOAD_CLIENT, connectSelf: true });
      const previous = current;
      current = outDir;
      if (previous) await rm(previous, { recursive: true, force: true });
      return { ok: true, changed, pages, ms: Math.round(performance.now() - started) };
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split(rootDir + path.sep).join("");
      return { ok: false, changed, error: message };
    }
  };

  let current: string | undefined;
  const report = (result: RebuildResult) => {
    const what = result.changed.length > 0 ? ` after ${result.changed.join(", ")} changed` : "";
    if (result.ok) {
      const sizes = result.pages.map((page) => `${path.basename(page.file)} ${Math.round(page.bytes / 1024)} KiB`).join(", ");
      log(`docs: built${what} in ${result.ms} ms (${sizes})`);
      for (const client of clients) client.write("event: reload\ndata: \n\n");
    } else {
      log(`docs: build failed${what}; still serving the last good pages:\n  ${result.error.replace(/\n/g, "\n  ")}`);
    }
    for (const listener of listeners) listener(result);
  };

  const server = createServer((request, response) => void handle(request, response));
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // DNS rebinding: a foreign page can reach loopback under its own name; only our own name answers.
    if (!allowedHosts.has(request.headers.host ?? "")) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("forbidden host\n");
      return;
    }
    const pathname = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (request.method === "GET" && pathname === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" }).write(": connected\n\n");
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    const file = FILES.get(pathname);
    if (request.method !== "GET" || file === undefined || current === undefined) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    try {
      const body = await readFile(path.join(current, file));
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(body);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(`${(error as Error).message}\n`);
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  // Node 20's recursive fs.watch misses saves that replace a file (rename over it, `sed -i`):
  // one non-recursive watcher per folder sees them, and new folders are picked up on rebuild.
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const watchTree = async () => {
    const dirs = [contractDir, ...(await readdir(contractDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name))];
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      const watcher = watch(dir, (_event, name) => changed(name ? path.join(dir, name.toString()) : dir));
      watcher.on("error", () => {
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
    }
  };
  const changed = (file: string) => {
    pending.add(shown(file));
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), debounceMs);
  };
  const rebuild = async () => {
    if (running) return; // The build in progress picks the pending changes up when it ends.
    const files = [...pending].sort();
    pending = new Set();
    running = (async () => {
      report(await build(files));
      await watchTree().catch(() => undefined);
    })();
    await running;
    running = undefined;
    if (pending.size > 0) await rebuild();
  };

  report(await build([]));
  await watchTree();
  log(`docs: serving http://127.0.0.1:${port}/ and http://127.0.0.1:${port}/${PAGES["zh-CN"].file}; watching ${shown(contractDir)}/ (Ctrl+C to stop)`);

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    servedDir,
    onRebuild: (listener) => void listeners.push(listener),
    close: async () => {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      for (const client of clients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's keep-alive sockets would otherwise hold close() (and Ctrl+C) for seconds.
      server.closeAllConnections();
      await closed;
      await running;
      await rm(servedDir, { recursive: true, force: true });
    },
  };
}
