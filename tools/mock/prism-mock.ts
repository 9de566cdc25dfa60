// A Prism mock of Zoom from the bundled contract, in this process (as Prism's own CLI does it):
// every operation is served at its path and under the contract's server base path (`/v2`).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";

import { GENERATED_OPENAPI_JSON } from "../spec/generated-files.js";

/** The bundled contract in generated/ of this repository. */
export const DEFAULT_SPEC_PATH = GENERATED_OPENAPI_JSON;

export interface PrismMockOptions {
  /** The OpenAPI document to serve. Default: the bundled contract, generated/openapi.json. */
  specPath?: string;
  /** Default 127.0.0.1: the mock is for this machine only. */
  host?: string;
  /** Default 0: a free port, so several mocks (parallel test files, `npm run mock`) coexist. */
  port?: number;
  /** A request that breaks the contract gets an error response (Prism's `--errors`). Default false. */
  errors?: boolean;
  /** One line per request Prism logs (method, path, outcome). Default: dropped. */
  onOutput?: (line: string) => void;
}

export interface PrismMock {
  /** `http://host:port`; the same operations answer under `${baseUrl}${basePath}`. */
  baseUrl: string;
  /** The path of the contract's first server URL, e.g. `/v2` ("" when it has none). */
  basePath: string;
  port: number;
  /** Closes the server; safe to call more than once. */
  stop(): Promise<void>;
}

export class PrismStartError extends Error {
  override readonly name = "PrismStartError";
  constructor(
    message: string,
    readonly addressInUse: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export async function startPrismMock(options: PrismMockOptions = {}): Promise<PrismMock> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const specPath = options.specPath ?? DEFAULT_SPEC_PATH;
  let text: string;
  let document: { servers?: { url?: unknown }[] };
  try {
    text = readFileSync(specPath, "utf8");
    document = JSON.parse(text) as typeof document;
  } catch (error) {
    throw new PrismStartError(`cannot read the contract ${specPath}: ${(error as Error).message}`, false, { cause: error });
  }
  const basePath = serverBasePath(document);
  const operations = await operationsOf(text, document);
  if (operations.length === 0) throw new PrismStartError(`${specPath} has no operations to mock`, false);
  // The same operations once more under the base path, so the production base URL works too.
  const served = basePath === "" ? operations : [...operations, ...operations.map((op) => ({ ...op, id: `${op.id}${basePath}`, path: `${basePath}${op.path}` }))];

  const server = createServer(served, {
    cors: false,
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: options.errors === true,
      upstreamProxy: undefined,
      isProxy: false,
      mock: { dynamic: false },
    },
    components: { logger: createLogger("mock", { level: options.onOutput ? "info" : "silent" }, requestLog(options.onOutput)) },
  });

  let address: string;
  try {
    address = await server.listen(port, host);
  } catch (error) {
    // Prism's listen() rejects with the error's message (a string), not the error.
    const reason = error instanceof Error ? error.message : String(error);
    if (/EADDRINUSE/.test(reason)) throw new PrismStartError(`port ${port} on ${host} is taken (EADDRINUSE): stop what uses it or choose another port`, true, { cause: error });
    throw new PrismStartError(`cannot listen on ${host}:${port}: ${reason}`, false, { cause: error });
  }
  const actualPort = Number(new URL(address).port);
  let stopping: Promise<void> | undefined;
  return {
    baseUrl: `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`,
    basePath,
    port: actualPort,
    stop: () => (stopping ??= server.close()),
  };
}

/**
 * Prism's operations of a contract, by its text: a process that starts several mocks of the same
 * contract (the tests, the demo) reads it once, and Prism's validators compiled for its schemas
 * are reused. A few contracts at most are kept.
 */
const parsedOperations = new Map<string, ReturnType<typeof getHttpOperationsFromSpec>>();
const KEPT_CONTRACTS = 4;
function operationsOf(text: string, document: object): ReturnType<typeof getHttpOperationsFromSpec> {
  const key = createHash("sha256").update(text).digest("hex");
  let operations = parsedOperations.get(key);
  if (operations === undefined) {
    operations = getHttpOperationsFromSpec(document);
    // A contract Prism cannot read is not kept: the next start reports it again.
    operations.catch(() => parsedOperations.delete(key));
    parsedOperations.set(key, operations);
    for (const old of parsedOperations.keys()) if (parsedOperations.size > KEPT_CONTRACTS) parsedOperations.delete(old);
  }
  return operations;
}

function serverBasePath(document: { servers?: { url?: unknown }[] }): string {
  const url = document.servers?.[0]?.url;
  if (typeof url !== "string") return "";
  try {
    return new URL(url).pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

/** Prism logs JSON lines (pino); only the message of each goes on, e.g. `Request received`. */
function requestLog(onOutput: ((line: string) => void) | undefined): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n")) {
        if (text.trim() === "" || onOutput === undefined) continue;
        try {
          const entry = JSON.parse(text) as { msg?: unknown; input?: { method?: string; url?: { path?: string } } };
          const request = entry.input ? `${entry.input.method?.toUpperCase() ?? ""} ${entry.input.url?.path ?? ""} ` : "";
          onOutput(`${request}${String(entry.msg ?? "")}`.trim());
        } catch {
          onOutput(text);
        }
      }
      done();
    },
  });
}
