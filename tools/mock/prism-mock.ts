// Runs Stoplight Prism as a mock of Zoom built from the bundled contract, on a loopback port.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { findFreePort } from "./free-port.js";
import { GENERATED_OPENAPI_JSON } from "../spec/generated-files.js";

/** generated/openapi.json of this package; tools/ and dist/ sit at the same depth below the root. */
export const DEFAULT_SPEC_PATH = GENERATED_OPENAPI_JSON;

export interface PrismMockOptions {
  /** The OpenAPI document Prism serves. Default: the bundled contract, generated/openapi.json. */
  specPath?: string;
  /** Default 127.0.0.1: the mock is for this machine only. */
  host?: string;
  /** Default: a free port, so several mocks (parallel test files, a dev's `npm run mock`) coexist. */
  port?: number;
  /** How long Prism may take to say it listens. Default 30 000 ms (it needs ~1 s when idle). */
  readyTimeoutMs?: number;
  /**
   * Prism's `--errors`: a request that breaks the contract (bad parameter, no credentials) gets
   * an error response instead of a best-effort answer. Default false, as `prism mock` itself.
   */
  errors?: boolean;
  /** Every line Prism prints, ANSI colours removed (request log, warnings). Default: dropped. */
  onOutput?: (line: string) => void;
}

export interface PrismMock {
  /** `http://host:port`. Prism serves the contract's paths at the root, without the server's `/v2`. */
  baseUrl: string;
  port: number;
  pid: number;
  /** Settles when Prism's process ends, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Ends Prism's whole process group and waits for it. Safe to call more than once. */
  stop(): Promise<void>;
}

const LISTENING = /Prism is listening on (http:\/\/\S+)/;
const ADDRESS_IN_USE = /EADDRINUSE|address already in use/i;
// Enough for the start-up lines and Prism's reason, so a failed start explains itself.
const KEPT_LOG_LINES = 20;
const KEPT_STDERR_LINES = 8;
const STOP_GRACE_MS = 5_000;

/**
 * Starts Prism and resolves once it listens. Prism runs in its own process group (detached), so
 * `stop()` can end it and anything it forks in one signal; an `exit` hook on this process kills
 * the group too, so a test run or script that ends without calling `stop()` leaves no mock behind.
 */
export async function startPrismMock(options: PrismMockOptions = {}): Promise<PrismMock> {
  const host = options.host ?? "127.0.0.1";
  // A port picked here can be taken before Prism binds it; only then is another one tried.
  const tries = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort(host));
    try {
      return await launch(port, host, options);
    } catch (error) {
      if (!(error instanceof PrismStartError && error.addressInUse) || attempt >= tries) throw error;
    }
  }
}

export class PrismStartError extends Error {
  override readonly name = "PrismStartError";
  constructor(
    message: string,
    /** The last lines Prism printed before it gave up. */
    readonly output: readonly string[],
    readonly addressInUse: boolean,
  ) {
    super(output.length > 0 ? `${message}\n${output.map((line) => `  | ${line}`).join("\n")}` : message);
  }
}

function prismCliPath(): string {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  } catch (error) {
    throw new Error("@stoplight/prism-cli is not installed: run `npm ci` (it is a devDependency)", { cause: error });
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.prism;
  if (bin === undefined) throw new Error(`${manifestPath} names no prism executable`);
  return path.resolve(path.dirname(manifestPath), bin);
}

async function launch(port: number, host: string, options: PrismMockOptions): Promise<PrismMock> {
  const specPath = options.specPath ?? DEFAULT_SPEC_PATH;
  const args = [prismCliPath(), "mock", specPath, "--host", host, "--port", String(port)];
  if (options.errors === true) args.push("--errors");

  // The CLI script is run by this very node binary rather than through npx or the .bin shim:
  // a wrapper process would be what we signal, leaving Prism itself listening.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const pid = child.pid;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once("error", resolve));
    throw new PrismStartError(`could not start Prism: ${error.message}`, [], false);
  }

  // Prism logs (including its one-line "fatal" reason) on stdout; on stderr a failed start dumps
  // the whole usage text before the error object, so only that dump's tail is worth quoting.
  const log: string[] = [];
  const errors: string[] = [];
  const recent = (): string[] => [...log, ...(errors.length > 0 ? ["(stderr, last lines)", ...errors] : [])];
  // Without a listener a late spawn error (e.g. a failed kill) would crash this process.
  child.on("error", (error) => log.push(`prism process error: ${error.message}`));
  let onLine: ((line: string) => void) | undefined;
  // Both pipes are drained for Prism's whole life: a full pipe would block its request log.
  for (const [stream, kept, limit] of [
    [child.stdout, log, KEPT_LOG_LINES],
    [child.stderr, errors, KEPT_STDERR_LINES],
  ] as const) {
    if (stream === null) continue;
    const usage = usageFilter();
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (raw) => {
      const line = stripAnsi(raw);
      if (!usage(line)) {
        kept.push(line);
        if (kept.length > limit) kept.shift();
      }
      onLine?.(line);
      options.onOutput?.(line);
    });
  }

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnExit = (): void => killGroup(pid, "SIGKILL");
  process.on("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));

  const stop = stopper(child, pid, exited);
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrismStartError(`Prism did not report listening on ${host}:${port} within ${readyTimeoutMs} ms`, recent(), false)),
        readyTimeoutMs,
      );
      onLine = (line) => {
        if (LISTENING.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      };
      void exited.then((code) => {
        clearTimeout(timer);
        // Give readline a turn to deliver Prism's last words before they are quoted.
        setImmediate(() => {
          const lines = recent();
          const inUse = lines.some((line) => ADDRESS_IN_USE.test(line));
          reject(new PrismStartError(`Prism exited (code ${code}) before listening on ${host}:${port}`, lines, inUse));
        });
      });
    });
  } catch (error) {
    await stop();
    throw error;
  } finally {
    onLine = undefined;
  }

  return { baseUrl: `http://${host.includes(":") ? `[${host}]` : host}:${port}`, port, pid, exited, stop };
}

function stopper(child: ChildProcess, pid: number, exited: Promise<number | null>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(pid, "SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const forced = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), STOP_GRACE_MS);
      });
      const outcome = await Promise.race([exited, forced]);
      clearTimeout(timer);
      if (outcome === "timeout") {
        killGroup(pid, "SIGKILL");
        await exited;
      }
    })();
    return stopping;
  };
}

/** Signals the whole group (negative pid); a group that is already gone is not an error. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/**
 * True for the lines of the usage text yargs prints when Prism fails to start (it says nothing
 * about why); the reason follows it, and is what a failed start should quote.
 */
function usageFilter(): (line: string) => boolean {
  let inUsage = false;
  return (line) => {
    if (/^prism mock </.test(line)) inUsage = true;
    else if (inUsage && line !== "" && !/^\s/.test(line) && !/^(Start a mock server|Positionals:|Options:)/.test(line)) inUsage = false;
    return inUsage;
  };
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}
