import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { syncBuiltinESMExports } from "node:module";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import {
  createZoomClient,
  uploadWebinarBrandingVirtualBackground,
  uploadWebinarBrandingWallpaper,
  ZoomApiError,
  type ZoomClientOptions,
} from "../../src/index.js";

// Spies on fs.open as the upload reader finds it (node:fs/promises, imported on first use), so a
// test can show a file was refused from its stat alone, never opened. Node copies a builtin's
// CommonJS exports (node:fs's `promises` object, `fs` here) to its ES module exports on
// syncBuiltinESMExports; the spy is removed and the exports synced again after this file.
let open: MockInstance<typeof fs.open>;
beforeAll(() => {
  open = vi.spyOn(fs, "open");
  syncBuiltinESMExports();
});
afterAll(() => {
  open.mockRestore();
  syncBuiltinESMExports();
});

const HAS_MKFIFO = spawnSync("mkfifo", ["--help"], { stdio: "ignore" }).error === undefined;

const MAX = uploadWebinarBrandingVirtualBackground.operation.upload?.maxBytes ?? expect.fail("the operation has no upload limit");
const LIMIT_TEXT = `must be a JPEG, GIF or PNG image of at most 15 MB (${MAX} bytes)`;
const ACCOUNT = "ABcdEFgh123456789IJklmN";
const WEBINAR = "97871060099";
const params = { accountId: ACCOUNT, webinarId: WEBINAR };
const BACKGROUNDS = `/v2/accounts/${ACCOUNT}/webinars/${WEBINAR}/branding/virtual_backgrounds`;

// Smallest valid-looking heads of each format, followed by some payload bytes.
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0xff]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xfe, 0x80]);
const GIF = new TextEncoder().encode("GIF89a\x01\x00\x01\x00payload");

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** A loopback server that keeps each request's raw bytes and answers from a queue (last one repeats). */
async function startServer() {
  const received: Received[] = [];
  let answers: Array<(res: ServerResponse) => void> = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, raw: Buffer.concat(chunks) });
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      (answer ?? created)(res);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    received,
    answer(...list: Array<(res: ServerResponse) => void>) {
      answers = list;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const reply = (status: number, body: unknown) => (res: ServerResponse) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
};
const created = reply(201, { id: "vb-1", name: "upload", type: "image", is_default: false, size: 20 });

/**
 * One part's bytes, found by the boundary the request declared. For the 15 MB file: the fetch
 * API's multipart parser (below) takes seconds over that many bytes.
 */
function partBytes(request: Received | undefined, field: string): Buffer {
  if (request === undefined) throw new Error("no request was received");
  const boundary = /boundary="?([^";]+)"?/.exec(String(request.headers["content-type"]))?.[1];
  if (boundary === undefined) throw new Error(`no boundary in ${String(request.headers["content-type"])}`);
  const header = request.raw.indexOf(`\r\nContent-Disposition: form-data; name="${field}"`);
  const start = request.raw.indexOf("\r\n\r\n", header) + 4;
  const end = request.raw.indexOf(`\r\n--${boundary}`, start);
  if (header === -1 || start === 3 || end === -1) throw new Error(`no part ${field} in the body`);
  return request.raw.subarray(start, end);
}

/** The multipart body as the server got it, parsed with the fetch API's own multipart parser. */
async function parsedForm(request: Received | undefined): Promise<FormData> {
  expect(request).toBeDefined();
  return new Response(new Uint8Array(request!.raw), { headers: { "content-type": String(request!.headers["content-type"]) } }).formData();
}

let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), "zoom-upload-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  server = await startServer();
  open.mockClear();
});
afterEach(async () => {
  await server.close();
});

function client(overrides: Partial<ZoomClientOptions> = {}) {
  return createZoomClient({
    baseUrl: server.baseUrl,
    accessToken: "token-upload",
    retry: { random: () => 0.5, sleep: (_ms, signal) => (signal.aborted ? Promise.reject(signal.reason) : Promise.resolve()) },
    ...overrides,
  });
}

/** The TypeError of a refused upload, with nothing sent. */
async function refused(promise: Promise<unknown>): Promise<TypeError> {
  const error = await promise.then(
    () => expect.fail("expected a rejection"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  expect(server.received).toHaveLength(0);
  return error as TypeError;
}

describe("uploads: allowed files are sent as multipart/form-data", () => {
  it("a PNG File: field, name, type and bytes arrive, with a boundary; other form fields as text", async () => {
    const zoom = client();
    const file = new File([PNG], "stage.png", { type: "image/png" });

    const result = await uploadWebinarBrandingVirtualBackground(zoom, params, { file, default: true });

    expect(result).toMatchObject({ id: "vb-1" });
    const [request] = server.received;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(BACKGROUNDS);
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(request?.headers.authorization).toBe("Bearer token-upload");
    const form = await parsedForm(request);
    const sent = form.get("file");
    expect(sent).toBeInstanceOf(File);
    expect((sent as File).name).toBe("stage.png");
    expect((sent as File).type).toBe("image/png");
    expect(new Uint8Array(await (sent as File).arrayBuffer())).toEqual(PNG);
    expect(form.get("default")).toBe("true");
    const names: string[] = [];
    form.forEach((_value, name) => names.push(name));
    expect(names.sort()).toEqual(["default", "file"]);
  });

  it("a PNG Buffer: the type is read from its bytes, the name defaults to upload.png", async () => {
    await uploadWebinarBrandingVirtualBackground(client(), params, { file: Buffer.from(PNG) });

    const sent = (await parsedForm(server.received[0])).get("file") as File;
    expect(sent.name).toBe("upload.png");
    expect(sent.type).toBe("image/png");
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(PNG);
  });

  it("a PNG file path: read from disk, named by its basename", async () => {
    const path = join(dir, "wallpaper 16x9.png");
    await fs.writeFile(path, PNG);

    await uploadWebinarBrandingWallpaper(client(), params, { file: path });

    const request = server.received[0];
    expect(request?.url).toBe(`/v2/accounts/${ACCOUNT}/webinars/${WEBINAR}/branding/wallpaper`);
    const sent = (await parsedForm(request)).get("file") as File;
    expect(sent.name).toBe("wallpaper 16x9.png");
    expect(sent.type).toBe("image/png");
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(PNG);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["JPEG", JPEG, "image/jpeg", "upload.jpg"],
    ["GIF", GIF, "image/gif", "upload.gif"],
  ])("a %s Blob without a declared type is sent as %s", async (_name, bytes, type, name) => {
    await uploadWebinarBrandingVirtualBackground(client(), params, { file: new Blob([bytes]) });

    const sent = (await parsedForm(server.received[0])).get("file") as File;
    expect(sent.type).toBe(type);
    expect(sent.name).toBe(name);
  });

  it("a file of exactly maxBytes is allowed", async () => {
    const big = new Uint8Array(MAX);
    big.set(PNG);
    await uploadWebinarBrandingVirtualBackground(client(), params, { file: big });

    expect(server.received).toHaveLength(1);
    const sent = partBytes(server.received[0], "file");
    expect(sent.length).toBe(MAX);
    expect(sent.subarray(0, PNG.length)).toEqual(Buffer.from(PNG));
  });
});

describe("uploads: refused before anything is sent (TypeError)", () => {
  it("a text file: the message names operation, field, limit and what was found, never the content", async () => {
    const path = join(dir, "notes.txt");
    await fs.writeFile(path, "SECRET-CONTENT-4711 not an image");

    const error = await refused(uploadWebinarBrandingVirtualBackground(client(), params, { file: path }));

    expect(error.message).toBe(`uploadWebinarBrandingVirtualBackground: \`file\` ${LIMIT_TEXT}; found 32 bytes that start like none of them`);
    expect(error.message).not.toContain("SECRET");
  });

  it.each([
    ["a JPEG declared as text", new Blob([JPEG], { type: "text/plain" }), 'found a Blob declared as "text/plain"'],
    ["a type Zoom does not take", new Blob([PNG], { type: "image/webp" }), 'found a Blob declared as "image/webp"'],
    ["a PNG label on JPEG bytes", new Blob([JPEG], { type: "image/png" }), "found a Blob declared as image/png whose bytes are JPEG"],
    ["a GIF label on text", new Blob(["GIF? no"], { type: "image/gif" }), "found a Blob declared as image/gif whose bytes are not a known image format"],
    ["an empty Blob", new Blob([]), "found 0 bytes that start like none of them"],
  ])("%s", async (_name, file, found) => {
    const error = await refused(uploadWebinarBrandingVirtualBackground(client(), params, { file }));
    expect(error.message).toBe(`uploadWebinarBrandingVirtualBackground: \`file\` ${LIMIT_TEXT}; ${found}`);
  });

  it("a file one byte over the limit is refused from its size, never opened (sparse file)", async () => {
    const path = join(dir, "huge.png");
    await fs.writeFile(path, PNG);
    await fs.truncate(path, MAX + 1);

    const error = await refused(uploadWebinarBrandingWallpaper(client(), params, { file: path }));

    expect(error.message).toBe(`uploadWebinarBrandingWallpaper: \`file\` ${LIMIT_TEXT}; found ${MAX + 1} bytes`);
    expect(open).not.toHaveBeenCalled();
  });

  it.each([
    ["a Buffer", () => Buffer.alloc(MAX + 1)],
    ["a Blob", () => new Blob([new Uint8Array(MAX + 1)], { type: "image/png" })],
  ])("%s one byte over the limit", async (_name, make) => {
    const error = await refused(uploadWebinarBrandingVirtualBackground(client(), params, { file: make() }));
    expect(error.message).toContain(`${LIMIT_TEXT}; found ${MAX + 1} bytes`);
  });

  it("a directory", async () => {
    const error = await refused(uploadWebinarBrandingVirtualBackground(client(), params, { file: dir }));
    expect(error.message).toBe(`uploadWebinarBrandingVirtualBackground: \`file\` ${LIMIT_TEXT}; found a directory at ${JSON.stringify(dir)}, not a regular file`);
    expect(open).not.toHaveBeenCalled();
  });

  // mkfifo comes with coreutils on Linux and with macOS; on a system without it (Windows) this
  // one row is skipped, and says why in its name.
  it.skipIf(!HAS_MKFIFO)(HAS_MKFIFO ? "a FIFO is refused without waiting for a writer" : "a FIFO (SKIPPED: no mkfifo command here)", async () => {
    const path = join(dir, "pipe.png");
    execFileSync("mkfifo", [path]);

    const error = await refused(uploadWebinarBrandingVirtualBackground(client(), params, { file: path }));

    expect(error.message).toContain(`found a FIFO (named pipe) at ${JSON.stringify(path)}, not a regular file`);
    expect(open).not.toHaveBeenCalled();
  });

  it.each<[string, unknown, RegExp]>([
    ["a missing file", { file: "/nonexistent/dir/image.png" }, /cannot read `file` from "\/nonexistent\/dir\/image.png" \(ENOENT\)/],
    ["an empty path", { file: "" }, /`file` is an empty file path/],
    ["a number", { file: 42 }, /`file` must be a Blob, a Uint8Array \(Buffer\) or a file path; got number/],
    ["no file", {}, /`file` must be a Blob, a Uint8Array \(Buffer\) or a file path; got undefined/],
    ["a body that is not an object", "image.png", /the request body must be an object with `file`/],
    ["a form field that is an object", { file: PNG, default: { yes: true } }, /form field `default` must be a string, a finite number or a boolean/],
  ])("%s", async (_name, body, message) => {
    const loose = uploadWebinarBrandingVirtualBackground as unknown as (...args: unknown[]) => Promise<unknown>;
    const error = await refused(loose(client(), params, body));
    expect(error.message).toMatch(/^uploadWebinarBrandingVirtualBackground: /);
    expect(error.message).toMatch(message);
  });
});

describe("uploads: a multipart request can be sent again", () => {
  it("after a 401 with Zoom's expired-token code, the resend carries the whole form", async () => {
    let issued = 0;
    const zoom = client({ accessToken: () => `token-${++issued}` });
    server.answer(reply(401, { code: 124, message: "Invalid access token." }), created);

    await uploadWebinarBrandingVirtualBackground(zoom, params, { file: new File([PNG], "again.png", { type: "image/png" }) });

    expect(server.received).toHaveLength(2);
    expect(server.received.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(server.received[1]?.raw.equals(server.received[0]!.raw)).toBe(true);
    const sent = (await parsedForm(server.received[1])).get("file") as File;
    expect(sent.name).toBe("again.png");
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(PNG);
  });

  it("a 429 (Zoom refused before processing) is retried, and the retry carries the whole form", async () => {
    const sleeps: number[] = [];
    const zoom = client({ retry: { random: () => 0.5, sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    } } });
    server.answer(reply(429, { code: 429, message: "Too many requests." }), created);
    const path = join(dir, "retried.png");
    await fs.writeFile(path, PNG);

    await uploadWebinarBrandingVirtualBackground(zoom, params, { file: path });

    expect(server.received).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(server.received[1]?.raw.equals(server.received[0]!.raw)).toBe(true);
    const sent = (await parsedForm(server.received[1])).get("file") as File;
    expect(sent.name).toBe("retried.png");
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(PNG);
    // The file was read once, before the first attempt: a retry re-sends the same form.
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("a 503 on an upload (a POST) is not retried: Zoom may have stored the file", async () => {
    server.answer(reply(503, { code: 503, message: "Service unavailable." }), created);
    const error = await uploadWebinarBrandingWallpaper(client(), params, { file: PNG }).then(
      () => expect.fail("expected a rejection"),
      (e: unknown) => e,
    );
    expect((error as ZoomApiError).status).toBe(503);
    expect(server.received).toHaveLength(1);
  });

  it("a failed upload is one ZoomApiError, as any call", async () => {
    server.answer(reply(400, { code: 120, message: "File size cannot exceed 15M." }));
    const error = await uploadWebinarBrandingWallpaper(client(), params, { file: PNG }).then(
      () => expect.fail("expected a rejection"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZoomApiError);
    expect((error as ZoomApiError).status).toBe(400);
    expect(server.received).toHaveLength(1);
  });
});
