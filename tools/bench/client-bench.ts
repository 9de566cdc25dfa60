// Benchmark of the client against raw fetch, over loopback. Not a vitest test: run with
// `npm run bench` (scripts/bench.ts). The fake server runs in a child process, so its work
// does not share the event loop with the code being measured.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../../src/index.js";
import { checkResponse } from "../../src/client/response-validator.js";
import { GENERATED_OPENAPI_JSON } from "../../tools/spec/generated-files.js";
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { bundleSizes, importTimes, loadedValidators, packagePaths, type ImportTimes, type LoadedValidators, type SizeReport } from "./package-cost.js";

// The built package (dist/esm/, built by `npm run bench` first), because that is what consumers run
// (compiled on the fly, sources can carry helpers such as tsx's keepNames, a few µs per call).
// Types come from src/ so this file type-checks without a build.
type ClientModule = typeof import("../../src/index.js");
type ValidatorModule = typeof import("../../generated/validators/Webinar.js");
const distUrl = new URL("../../dist/esm/", import.meta.url);
const { createZoomClient, getWebinar } = (await import(new URL("index.js", distUrl).href)) as ClientModule;

/**
 * The breakage the Webinar validator finds, through the module the package ships and the split
 * validateResponses uses (`checkResponse` is not exported by the package: it comes from src/).
 */
async function webinarMismatchFinder(): Promise<(body: unknown) => unknown[] | undefined> {
  const { validate } = (await import(new URL("validators/Webinar.js", distUrl).href)) as ValidatorModule;
  return (body) => {
    const { mismatches } = checkResponse(validate, body);
    return mismatches.length > 0 ? mismatches : undefined;
  };
}

export interface BenchOptions {
  rounds: number;
  callsPerRound: number;
  warmupRounds: number;
  /** Fresh processes per module for the import times. */
  importRuns: number;
}

export interface Stats {
  samples: number;
  medianUs: number;
  p99Us: number;
  meanUs: number;
  /** Client-process CPU per call (user + system), median over rounds: steadier than wall time on a busy machine. */
  cpuUs: number;
}

export interface BenchResult {
  raw: Stats;
  /** openapi-fetch alone with a fixed header: the floor any client built on it starts from. */
  bareOpenapiFetch: Stats;
  client: Stats;
  validated: Stats;
  validatorAloneUs: number;
  /** Per-call cost with an injected in-memory fetch: the client's own CPU, free of network noise. */
  inMemory: { raw: number; bareOpenapiFetch: number; client: number; validated: number };
  bodyBytes: number;
  imports: ImportTimes;
  sizes: SizeReport;
  loaded: LoadedValidators;
}

const specUrl = GENERATED_OPENAPI_JSON;
const ACCOUNT = "ABcdEFgh123456789IJklmN";
const WEBINAR = "97871060099";

// The server is plain JavaScript passed to `node -e`: no TypeScript loader in the child, and
// the body bytes are computed once there, like a real upstream's.
const SERVER_SOURCE = `
const http = require("node:http");
const body = Buffer.from(process.env.BENCH_BODY);
const headers = {
  "Content-Type": "application/json;charset=UTF-8",
  "Content-Length": String(body.length),
  "X-RateLimit-Category": "Light",
  "X-RateLimit-Type": "QPS",
  "X-RateLimit-Limit": "30",
  "X-RateLimit-Remaining": "29",
};
const token = Buffer.from(JSON.stringify({ access_token: "bench-token", token_type: "bearer", expires_in: 3599 }));
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url.startsWith("/oauth/token")) {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(token.length) });
      res.end(token);
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
process.on("disconnect", () => process.exit(0));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

async function startServer(body: string): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", SERVER_SOURCE], {
    env: { ...process.env, BENCH_BODY: body },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  return { origin: `http://127.0.0.1:${chunk.toString().trim()}`, child };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function stats(samplesMs: number[], cpuPerCallUs: number[]): Stats {
  const mean = samplesMs.reduce((s, x) => s + x, 0) / samplesMs.length;
  return {
    samples: samplesMs.length,
    medianUs: quantile(samplesMs, 0.5) * 1000,
    p99Us: quantile(samplesMs, 0.99) * 1000,
    meanUs: mean * 1000,
    cpuUs: quantile(cpuPerCallUs, 0.5),
  };
}

/**
 * The same four ways of getting the webinar, but `fetch` answers from memory: what is left is
 * the code under test (and Response/Request construction), so differences are stable even on
 * a busy machine. Median over rounds of the mean per call.
 */
async function inMemoryCosts(body: string, rounds: number, calls: number): Promise<BenchResult["inMemory"]> {
  const headers = { "Content-Type": "application/json;charset=UTF-8", "Content-Length": String(Buffer.byteLength(body)) };
  const memoryFetch = (async () => new Response(body, { status: 200, headers })) as typeof fetch;
  const baseUrl = "http://127.0.0.1:9/v2";
  const bare = createClient<paths>({ baseUrl, headers: { Authorization: "Bearer t" }, fetch: memoryFetch });
  const plain = createZoomClient({ baseUrl, accessToken: "t", fetch: memoryFetch });
  const validating = createZoomClient({ baseUrl, accessToken: "t", fetch: memoryFetch, validateResponses: true });
  const params = { accountId: ACCOUNT, webinarId: WEBINAR };
  const variants = {
    raw: async () => JSON.parse(await (await memoryFetch(`${baseUrl}/accounts/${ACCOUNT}/webinars/${WEBINAR}`)).text()) as unknown,
    bareOpenapiFetch: async () => (await bare.GET("/accounts/{accountId}/webinars/{webinarId}", { params: { path: params } })).data,
    client: () => getWebinar(plain, params),
    validated: () => getWebinar(validating, params),
  };
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  const perRound: Record<keyof typeof variants, number[]> = { raw: [], bareOpenapiFetch: [], client: [], validated: [] };
  for (let round = 0; round < rounds + 2; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length]!;
      const started = performance.now();
      for (let i = 0; i < calls; i++) await variants[name]();
      if (round >= 2) perRound[name].push(((performance.now() - started) * 1000) / calls);
    }
  }
  return {
    raw: quantile(perRound.raw, 0.5),
    bareOpenapiFetch: quantile(perRound.bareOpenapiFetch, 0.5),
    client: quantile(perRound.client, 0.5),
    validated: quantile(perRound.validated, 0.5),
  };
}

function validatorAlone(findWebinarMismatches: (body: unknown) => unknown[] | undefined, body: string, iterations: number): number {
  // Fresh objects from JSON.parse, as in real use: validating one object over and over lets V8
  // reuse work on the very same strings (format regexes) and flatters the result.
  const copies = Array.from({ length: 2_000 }, () => JSON.parse(body) as unknown);
  findWebinarMismatches(copies[0]); // compile outside the timing
  for (const copy of copies) findWebinarMismatches(copy);
  const fresh = Array.from({ length: iterations }, () => JSON.parse(body) as unknown);
  const started = performance.now();
  for (const copy of fresh) {
    if (findWebinarMismatches(copy) !== undefined) throw new Error("the example body does not validate");
  }
  return ((performance.now() - started) * 1000) / iterations;
}

async function packageCost(document: OpenApiDocument, importRuns: number): Promise<Pick<BenchResult, "imports" | "sizes" | "loaded">> {
  const paths = packagePaths(fileURLToPath(new URL("../..", import.meta.url)));
  // Child processes after the timed loops, so their start-up does not load the machine meanwhile.
  return { imports: await importTimes(paths, importRuns), sizes: await bundleSizes(paths), loaded: await loadedValidators(paths, document) };
}

export async function runClientBench(options: BenchOptions): Promise<BenchResult> {
  const spec = JSON.parse(readFileSync(specUrl, "utf8")) as {
    components: { examples: { RecurringWebinar: { value: unknown } } };
  };
  const webinar = spec.components.examples.RecurringWebinar.value;
  const body = JSON.stringify(webinar);
  const { origin, child } = await startServer(body);
  try {
    const baseUrl = `${origin}/v2`;
    const url = `${baseUrl}/accounts/${ACCOUNT}/webinars/${WEBINAR}`;
    const serverToServer = { accountId: "m", clientId: "c", clientSecret: "s", tokenUrl: `${origin}/oauth/token` };
    const plain = createZoomClient({ baseUrl, serverToServer });
    const validating = createZoomClient({ baseUrl, serverToServer, validateResponses: true });
    const bare = createClient<paths>({ baseUrl, headers: { Authorization: "Bearer bench-token" } });
    const params = { accountId: ACCOUNT, webinarId: WEBINAR };

    const variants: Record<"raw" | "bareOpenapiFetch" | "client" | "validated", () => Promise<unknown>> = {
      raw: async () => {
        const response = await fetch(url, { headers: { Authorization: "Bearer bench-token" } });
        if (!response.ok) throw new Error(`raw fetch got ${response.status}`);
        return JSON.parse(await response.text());
      },
      bareOpenapiFetch: async () => {
        const { data, response } = await bare.GET("/accounts/{accountId}/webinars/{webinarId}", {
          params: { path: params },
        });
        if (!response.ok) throw new Error(`openapi-fetch got ${response.status}`);
        return data;
      },
      client: () => getWebinar(plain, params),
      validated: () => getWebinar(validating, params),
    };
    const names = Object.keys(variants) as Array<keyof typeof variants>;
    const samples: Record<keyof typeof variants, number[]> = { raw: [], bareOpenapiFetch: [], client: [], validated: [] };
    const cpu: Record<keyof typeof variants, number[]> = { raw: [], bareOpenapiFetch: [], client: [], validated: [] };

    for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
      // Rotating the order each round spreads any drift (GC, CPU frequency) over all variants.
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const name of order) {
        const run = variants[name];
        const cpuBefore = process.cpuUsage();
        for (let i = 0; i < options.callsPerRound; i++) {
          const started = performance.now();
          await run();
          const elapsed = performance.now() - started;
          if (round >= options.warmupRounds) samples[name].push(elapsed);
        }
        const used = process.cpuUsage(cpuBefore);
        if (round >= options.warmupRounds) cpu[name].push((used.user + used.system) / options.callsPerRound);
      }
    }

    return {
      raw: stats(samples.raw, cpu.raw),
      bareOpenapiFetch: stats(samples.bareOpenapiFetch, cpu.bareOpenapiFetch),
      client: stats(samples.client, cpu.client),
      validated: stats(samples.validated, cpu.validated),
      validatorAloneUs: validatorAlone(await webinarMismatchFinder(), body, 20_000),
      inMemory: await inMemoryCosts(body, 15, 2_000),
      bodyBytes: Buffer.byteLength(body),
      ...(await packageCost(spec as unknown as OpenApiDocument, options.importRuns)),
    };
  } finally {
    child.stdin?.end();
    child.kill();
  }
}

export function formatBench(result: BenchResult): string {
  const { raw, bareOpenapiFetch, client, validated } = result;
  const row = (name: string, s: Stats): string =>
    `${name.padEnd(34)} median ${s.medianUs.toFixed(1).padStart(7)} µs ×${(s.medianUs / raw.medianUs).toFixed(3)}   ` +
    `p99 ${s.p99Us.toFixed(1).padStart(7)} µs ×${(s.p99Us / raw.p99Us).toFixed(3)}   ` +
    `cpu ${s.cpuUs.toFixed(1).padStart(6)} µs ×${(s.cpuUs / raw.cpuUs).toFixed(3)}`;
  const clientRatio = client.medianUs / raw.medianUs;
  const validationCost = validated.medianUs - client.medianUs;
  return [
    `Get a webinar over loopback, ${result.bodyBytes}-byte example body, ${raw.samples} calls per variant after warm-up (server in a child process)`,
    row("raw fetch + JSON.parse", raw),
    row("bare openapi-fetch client.GET", bareOpenapiFetch),
    row("getWebinar (auth, retry, timeout)", client),
    row("getWebinar + validateResponses", validated),
    "",
    `client vs raw fetch:           ×${clientRatio.toFixed(3)} (target ≤ ×1.10) ${clientRatio <= 1.1 ? "ok" : "MISSED"}`,
    `bare openapi-fetch vs raw:     ×${(bareOpenapiFetch.medianUs / raw.medianUs).toFixed(3)} (the floor for any client built on it)`,
    `client over bare openapi-fetch: ${(client.medianUs - bareOpenapiFetch.medianUs).toFixed(1)} µs wall, ${(client.cpuUs - bareOpenapiFetch.cpuUs).toFixed(1)} µs cpu per call (median differences)`,
    `validation, end to end:        ${validationCost.toFixed(1)} µs wall, ${(validated.cpuUs - client.cpuUs).toFixed(1)} µs cpu per response (median differences; noisy)`,
    "",
    `without the network (fetch answers from memory), per call:`,
    `  raw ${result.inMemory.raw.toFixed(1)} µs, bare openapi-fetch ${result.inMemory.bareOpenapiFetch.toFixed(1)} µs, ` +
      `getWebinar ${result.inMemory.client.toFixed(1)} µs, with validation ${result.inMemory.validated.toFixed(1)} µs`,
    `  getWebinar over bare openapi-fetch: +${(result.inMemory.client - result.inMemory.bareOpenapiFetch).toFixed(1)} µs; ` +
      `validation: +${(result.inMemory.validated - result.inMemory.client).toFixed(1)} µs per response (target ≤ 20 µs)`,
    `validator alone, parsed body:  ${result.validatorAloneUs.toFixed(2)} µs per response (target ≤ 20 µs) ${result.validatorAloneUs <= 20 ? "ok" : "MISSED"}`,
    "",
    ...formatPackageCost(result),
  ].join("\n");
}

function formatPackageCost(result: BenchResult): string[] {
  const { imports, sizes, loaded } = result;
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  const verdict = (ok: boolean): string => (ok ? "ok" : "MISSED");
  const every = sizes.everyOperation;
  const two = sizes.twoOperations;
  const expected = [...loaded.operations].length;
  const lines = [
    `import in a fresh node process (median of ${imports.runs}; no client, no validation):`,
    `  package dist/esm/index.js ${imports.packageMs.toFixed(1)} ms, openapi-fetch alone ${imports.openapiFetchMs.toFixed(1)} ms, ` +
      `×${(imports.packageMs / imports.openapiFetchMs).toFixed(2)} (target ≤ 10 ms) ${verdict(imports.packageMs <= 10)}`,
    `size a bundler ships (esbuild, ESM with code splitting, minified + gzip; chunks gzipped one by one):`,
    `  every operation, up front:       ${kb(every.upfront.gzip)} (${kb(every.upfront.min)} min), with openapi-fetch (alone ${kb(sizes.openapiFetch.gzip)}) (target ≤ 12 KiB) ${verdict(every.upfront.gzip <= 12 * 1024)}`,
    `  two operations (${two.operations.join(", ")}), up front: ${kb(two.upfront.gzip)} (${kb(two.upfront.min)} min)`,
  ];
  if (!sizes.validatorsPresent) {
    lines.push("  validators: not in dist/ (generated/validators/ is missing: run `npm run generate`); bundles left them external");
  } else {
    lines.push(
      `  validators, lazy chunks apart: ${every.validators.count} for every operation, ${kb(every.validators.gzip)} in all, the largest ${kb(every.validators.largestGzip)}; ` +
        `the two-operation app can load ${two.validators.count} (${two.validators.names.join(", ")}), ${kb(two.validators.gzip)}`,
    );
  }
  lines.push(
    `an app calling two operations with validateResponses (fresh process, module resolve hook): loaded ${loaded.loaded.length} of ${loaded.shipped} validators ` +
      `(${loaded.loaded.join(", ") || "none"}) ${verdict(loaded.loaded.length <= expected && (!sizes.validatorsPresent || two.validators.count <= expected))}`,
  );
  return lines;
}
