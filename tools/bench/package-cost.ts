// What the built package costs an application before it makes a call: the time to import it in a
// fresh Node process, the bytes a bundler ships (esbuild, minified + gzip), and which response
// validators an application that uses two operations can load. Read from dist/esm, as consumers
// get it; `npm run bench` builds it first.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Metafile, OutputFile } from "esbuild";
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { responseExamples } from "../mock/examples.js";

const run = promisify(execFile);

export interface PackagePaths {
  /** The repository root (where node_modules resolves openapi-fetch). */
  root: string;
  /** dist/esm/index.js (the bundled package) */
  entry: string;
  /** dist/esm/validators */
  validatorsDir: string;
}

export function packagePaths(root: string): PackagePaths {
  return {
    root,
    entry: path.join(root, "dist/esm/index.js"),
    validatorsDir: path.join(root, "dist/esm/validators"),
  };
}

export interface ImportTimes {
  runs: number;
  /** Median ms to `await import()` the package in a fresh process (its whole module graph). */
  packageMs: number;
  /** The same for openapi-fetch alone: the floor of a client built on it. */
  openapiFetchMs: number;
}

/**
 * Spawns `runs` fresh Node processes per module, alternating, each timing one dynamic import of
 * it with performance.now(): Node's own start-up is outside the figure, the module graph's
 * loading, parsing and evaluation inside. No client is created, so nothing validates.
 */
export async function importTimes(paths: PackagePaths, runs: number): Promise<ImportTimes> {
  const openapiFetchUrl = import.meta.resolve("openapi-fetch");
  const timeOnce = async (url: string): Promise<number> => {
    const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: paths.root });
    const ms = Number(stdout);
    if (!Number.isFinite(ms)) throw new Error(`importing ${url} printed ${JSON.stringify(stdout)}`);
    return ms;
  };
  const packageUrl = pathToFileURL(paths.entry).href;
  const samples = { package: [] as number[], openapiFetch: [] as number[] };
  for (let i = 0; i < runs; i++) {
    samples.package.push(await timeOnce(packageUrl));
    samples.openapiFetch.push(await timeOnce(openapiFetchUrl));
  }
  return { runs, packageMs: median(samples.package), openapiFetchMs: median(samples.openapiFetch) };
}

export interface ChunkSize {
  min: number;
  gzip: number;
}

export interface BundleCost {
  /** Everything the entry loads before any call (its chunk and the chunks it imports statically). */
  upfront: ChunkSize;
  /** Validator chunks (loaded by `import()` only when a call first validates). */
  validators: { count: number; min: number; gzip: number; largestGzip: number; names: string[] };
}

export interface SizeReport {
  /** The validators are not in dist/ (not generated): bundles mark them external and sizes omit them. */
  validatorsPresent: boolean;
  /** The whole package entry: every operation. */
  everyOperation: BundleCost;
  /** An application importing and calling two operations; the rest tree-shaken. */
  twoOperations: BundleCost & { operations: readonly string[] };
  /** openapi-fetch alone, minified + gzip. */
  openapiFetch: ChunkSize;
}

/** The two operations of the tree-shaking and lazy-loading checks. */
export const TWO_OPERATIONS = ["createWebinar", "listWebinarRegistrants"] as const;

/**
 * Bundles with esbuild as an application's bundler would (ESM, code splitting, minified): the
 * validators' dynamic imports become chunks of their own, loaded on first validation. The
 * metafile tells which chunks the entry loads up front and which are validator chunks.
 */
export async function bundleSizes(paths: PackagePaths): Promise<SizeReport> {
  const esbuild = await import("esbuild");
  const validatorsPresent = existsSync(paths.validatorsDir);
  const entryUrl = JSON.stringify(paths.entry.split(path.sep).join("/"));

  const measure = async (contents: string): Promise<BundleCost> => {
    const result = await esbuild.build({
      stdin: { contents, resolveDir: paths.root, sourcefile: "app.js", loader: "js" },
      bundle: true,
      splitting: true,
      format: "esm",
      minify: true,
      platform: "node",
      target: "node20",
      absWorkingDir: paths.root,
      outdir: path.join(paths.root, "node_modules/.cache/bench-bundle"),
      write: false,
      metafile: true,
      logLevel: "silent",
      // Without generated validators, their imports stay unresolved instead of failing the build.
      external: validatorsPresent ? [] : ["*/validators/*"],
    });
    return splitOutputs(result.metafile, result.outputFiles, paths.root);
  };

  // `export *` keeps every operation, as an application that uses them all would.
  const everyOperation = await measure(`export * from ${entryUrl};`);
  const [first, second] = TWO_OPERATIONS;
  const twoOperations = await measure(
    `import { createZoomClient, ${first}, ${second} } from ${entryUrl};\n` +
      `const zoom = createZoomClient({ accessToken: "t", validateResponses: true });\n` +
      `export const app = [zoom, ${first}, ${second}];\n`,
  );
  const openapiFetchPath = fileURLToPath(import.meta.resolve("openapi-fetch"));
  const openapiFetchResult = await esbuild.build({
    entryPoints: [openapiFetchPath],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  return { validatorsPresent, everyOperation, twoOperations: { ...twoOperations, operations: TWO_OPERATIONS }, openapiFetch: sizeOf(openapiFetchResult.outputFiles[0]!.contents) };
}

function splitOutputs(metafile: Metafile, files: readonly OutputFile[], root: string): BundleCost {
  const byPath = new Map(files.map((file) => [file.path, file.contents]));
  const outputs = Object.entries(metafile.outputs);
  const absolute = (relative: string): string => path.resolve(root, relative);
  // Dynamic imports are entry points too; the application's own is the one that is no validator.
  const entry = outputs.find(([, output]) => output.entryPoint !== undefined && !/(^|\/)validators\//.test(output.entryPoint));
  if (entry === undefined) throw new Error("esbuild produced no entry chunk");

  // The entry chunk and, transitively, every chunk it imports statically.
  const upfront = new Set<string>();
  const visit = (name: string): void => {
    if (upfront.has(name)) return;
    upfront.add(name);
    for (const imported of metafile.outputs[name]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(entry[0]);

  const isValidatorChunk = (name: string): boolean => Object.keys(metafile.outputs[name]?.inputs ?? {}).some((input) => /(^|\/)validators\/[^/]+\.js$/.test(input));
  // Validator chunks the application can load: targets of an `import()` left in its code after
  // tree-shaking. esbuild also writes a chunk for every `import()` it saw before tree-shaking;
  // nothing references those, so they are not counted.
  const loadable = new Set<string>();
  for (const name of upfront) {
    for (const imported of metafile.outputs[name]?.imports ?? []) {
      if (imported.kind === "dynamic-import" && !imported.external) loadable.add(imported.path);
    }
  }
  const cost: BundleCost = { upfront: { min: 0, gzip: 0 }, validators: { count: 0, min: 0, gzip: 0, largestGzip: 0, names: [] } };
  for (const [name, output] of outputs) {
    if (!upfront.has(name) && !loadable.has(name)) continue;
    const bytes = byPath.get(absolute(name));
    if (bytes === undefined) throw new Error(`esbuild wrote no ${name}`);
    const size = sizeOf(bytes);
    if (upfront.has(name)) {
      if (isValidatorChunk(name)) throw new Error(`a validator is loaded up front: ${name}`);
      cost.upfront.min += size.min;
      cost.upfront.gzip += size.gzip;
    } else if (isValidatorChunk(name)) {
      cost.validators.count += 1;
      cost.validators.min += size.min;
      cost.validators.gzip += size.gzip;
      cost.validators.largestGzip = Math.max(cost.validators.largestGzip, size.gzip);
      const input = Object.keys(output.inputs).find((file) => /(^|\/)validators\//.test(file)) ?? name;
      cost.validators.names.push(path.basename(input, ".js"));
    }
  }
  cost.validators.names.sort();
  return cost;
}

export interface LoadedValidators {
  operations: readonly string[];
  /** Validator modules the process loaded, by schema name. */
  loaded: string[];
  /** Validator modules the package ships. */
  shipped: number;
}

/**
 * Runs an application in a fresh Node process that calls two operations with validateResponses
 * on (fetch answers from memory with the contract's examples) and records, with a module resolve
 * hook (node:module register), every validator module it resolves.
 */
export async function loadedValidators(paths: PackagePaths, document: OpenApiDocument): Promise<LoadedValidators> {
  const answers = answersFor(document, TWO_OPERATIONS);
  const hook = [
    "let port;",
    "export function initialize(data) { port = data.port; }",
    "export async function resolve(specifier, context, next) {",
    "  const result = await next(specifier, context);",
    "  if (/\\/validators\\/[^/]+\\.js$/.test(result.url)) port.postMessage(result.url);",
    "  return result;",
    "}",
  ].join("\n");
  const [first, second] = TWO_OPERATIONS;
  const app = `
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";
const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on("message", (url) => loaded.add(url.split("/").pop().replace(/\\.js$/, "")));
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)}, { data: { port: port2 }, transferList: [port2] });
const answers = JSON.parse(process.env.BENCH_ANSWERS);
const pkg = await import(${JSON.stringify(pathToFileURL(paths.entry).href)});
const fetch = async (input, init) => {
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  const answer = answers[method] ?? { status: 500, body: { method, known: Object.keys(answers) } };
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json" } });
};
const zoom = pkg.createZoomClient({ baseUrl: "http://127.0.0.1:9/v2", accessToken: "t", validateResponses: true, fetch });
await pkg.${first}(zoom, { accountId: "a", userId: "u" }, { topic: "t" });
await pkg.${second}(zoom, { accountId: "a", webinarId: "1" });
// The hook's messages cross threads: let them arrive.
await new Promise((resolve) => setTimeout(resolve, 50));
port1.close();
process.stdout.write(JSON.stringify([...loaded].sort()));
`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", app], { cwd: paths.root, env: { ...process.env, BENCH_ANSWERS: JSON.stringify(answers) } });
  const shipped = existsSync(paths.validatorsDir) ? (await import("node:fs/promises")).readdir(paths.validatorsDir).then((names) => names.filter((name) => name.endsWith(".js")).length) : Promise.resolve(0);
  return { operations: TWO_OPERATIONS, loaded: JSON.parse(stdout) as string[], shipped: await shipped };
}

/** Each operation's first success example, keyed by its HTTP method (the app's fetch routes on it). */
function answersFor(document: OpenApiDocument, operationIds: readonly string[]): Record<string, { status: number; body: unknown }> {
  const answers: Record<string, { status: number; body: unknown }> = {};
  for (const id of operationIds) {
    const found = Object.entries(document.paths ?? {}).flatMap(([template, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>)
        .filter(([, operation]) => operation.operationId === id)
        .map(([method]) => ({ template, method })),
    )[0];
    if (found === undefined) throw new Error(`the contract has no operation ${id}`);
    const example = responseExamples(document, found.template, found.method).find((e) => e.status >= 200 && e.status < 300);
    if (example === undefined) throw new Error(`${id} has no success example`);
    const method = found.method.toUpperCase();
    if (method in answers) throw new Error(`the two operations must differ in method; both are ${method}`);
    answers[method] = { status: example.status, body: example.value };
  }
  return answers;
}

function sizeOf(bytes: Uint8Array): ChunkSize {
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
