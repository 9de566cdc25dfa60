import type { OperationDescriptor, UploadDescriptor } from "./operation-types.js";

// The first bytes of each image format Zoom accepts for branding files.
const SIGNATURES: Record<string, readonly (readonly number[])[]> = {
  "image/jpeg": [[0xff, 0xd8, 0xff]],
  "image/png": [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  "image/gif": [
    [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], // GIF87a
    [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
  ],
};
const SNIFF_BYTES = 8;
const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/gif": "gif" };
const NAMES: Record<string, string> = { "image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF" };

type Upload = OperationDescriptor & { readonly upload: UploadDescriptor };

/**
 * The multipart form of an upload operation, built from `{ file: Blob | Uint8Array | path, … }`
 * and checked against the contract before anything is sent (TypeError otherwise):
 * - a path (Node only) is read with node:fs/promises, imported on first use; only a regular file
 *   is read, and one larger than the limit is refused from its size without reading it;
 * - the media type is read from the first bytes (JPEG, PNG, GIF signatures). A Blob's declared
 *   `type`, when set, must be one the operation accepts and must agree with the bytes: a
 *   mislabelled file is refused here rather than by Zoom after the upload;
 * - the file name is the path's last segment, a File's `name`, or `upload.<ext>`.
 * Messages name the operation, the field, the limit and what was found, never file content.
 */
export async function uploadForm(operation: Upload, body: unknown): Promise<FormData> {
  const { id, upload } = operation;
  const { field } = upload;
  // util's isRecord, written out: importing it here would split a third shared chunk out of the bundle.
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new TypeError(`${id}: the request body must be an object with \`${field}\``);
  }
  const fields = body as Record<string, unknown>;
  const file = await readUpload(operation, fields[field]);
  const form = new FormData();
  form.append(field, file.blob, file.name);
  for (const [name, value] of Object.entries(fields)) {
    if (name === field || value === undefined) continue;
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
      form.append(name, String(value));
    } else {
      throw new TypeError(`${id}: form field \`${name}\` must be a string, a finite number or a boolean`);
    }
  }
  return form;
}

interface ReadFile {
  blob: Blob;
  name: string;
}

async function readUpload(operation: Upload, value: unknown): Promise<ReadFile> {
  const { id, upload } = operation;
  const refuse = (found: string): TypeError =>
    new TypeError(`${id}: \`${upload.field}\` must be ${accepted(upload)} of at most ${megabytes(upload.maxBytes)}; found ${found}`);

  let blob: Blob;
  let name: string | undefined;
  if (typeof value === "string") {
    const bytes = await readPath(operation, value, refuse);
    blob = new Blob([bytes]);
    name = value.split(/[\\/]/).pop();
  } else if (value instanceof Uint8Array) {
    if (value.byteLength > upload.maxBytes) throw refuse(`${describeSize(value.byteLength)}`);
    // A copy: the Blob must not see later writes to the caller's buffer (or a shared one).
    blob = new Blob([new Uint8Array(value)]);
  } else if (value instanceof Blob) {
    if (value.size > upload.maxBytes) throw refuse(`${describeSize(value.size)}`);
    blob = value;
    name = (value as Blob & { name?: unknown }).name as string | undefined;
  } else {
    throw new TypeError(`${id}: \`${upload.field}\` must be a Blob, a Uint8Array (Buffer) or a file path; got ${value === null ? "null" : typeof value}`);
  }

  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const sniffed = sniff(head);
  const declared = blob.type === "" ? undefined : blob.type.split(";")[0]?.trim().toLowerCase();
  let type: string;
  if (declared !== undefined) {
    if (!upload.types.includes(declared)) throw refuse(`a Blob declared as ${JSON.stringify(declared)}`);
    // A type the signature table does not know is taken as declared.
    if (SIGNATURES[declared] !== undefined && sniffed !== declared) {
      throw refuse(`a Blob declared as ${declared} whose bytes are ${sniffed === undefined ? "not a known image format" : `${NAMES[sniffed]}`}`);
    }
    type = declared;
  } else {
    if (sniffed === undefined || !upload.types.includes(sniffed)) {
      throw refuse(sniffed === undefined ? `${describeSize(blob.size)} that start like none of them` : `a ${NAMES[sniffed]} image`);
    }
    type = sniffed;
  }
  if (blob.type !== type) blob = new Blob([blob], { type });
  return { blob, name: typeof name === "string" && name !== "" ? name : `upload.${EXTENSIONS[type] ?? "bin"}` };
}

/** Reads a regular file of at most `maxBytes`, checking before it reads anything. */
async function readPath(operation: Upload, path: string, refuse: (found: string) => TypeError): Promise<Uint8Array<ArrayBuffer>> {
  const { id, upload } = operation;
  if (path === "") throw new TypeError(`${id}: \`${upload.field}\` is an empty file path`);
  let fs: typeof import("node:fs/promises");
  try {
    fs = await import("node:fs/promises");
  } catch {
    throw new TypeError(`${id}: \`${upload.field}\` is a file path, but this runtime has no file system; pass a Blob or a Uint8Array`);
  }
  const problem = (error: unknown): TypeError => {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unreadable";
    return new TypeError(`${id}: cannot read \`${upload.field}\` from ${JSON.stringify(path)} (${code})`);
  };
  // stat before open: opening a FIFO for reading would wait for a writer.
  const info = await fs.stat(path).catch((error: unknown) => {
    throw problem(error);
  });
  if (!info.isFile()) throw refuse(`${kindOf(info)} at ${JSON.stringify(path)}, not a regular file`);
  if (info.size > upload.maxBytes) throw refuse(describeSize(info.size));

  // O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it still returns.
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const handle = await fs.open(path, flags).catch((error: unknown) => {
    throw problem(error);
  });
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw refuse(`${kindOf(opened)} at ${JSON.stringify(path)}, not a regular file`);
    if (opened.size > upload.maxBytes) throw refuse(describeSize(opened.size));
    // One byte more than allowed: a file that grows while it is read is caught, not truncated.
    const buffer = new Uint8Array(Math.min(opened.size, upload.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.byteLength - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.byteLength) {
        if (length > upload.maxBytes) throw refuse(`more than ${describeSize(upload.maxBytes)} (the file grew while it was read)`);
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof TypeError ? error : problem(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function sniff(head: Uint8Array): string | undefined {
  for (const [type, signatures] of Object.entries(SIGNATURES)) {
    if (signatures.some((signature) => signature.every((byte, index) => head[index] === byte))) return type;
  }
  return undefined;
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "something";
}

function accepted(upload: UploadDescriptor): string {
  const names = upload.types.map((type) => NAMES[type] ?? type);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "a file");
  return `a ${list} image`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB (${bytes} bytes)`;
}

function describeSize(bytes: number): string {
  return `${bytes} bytes`;
}
