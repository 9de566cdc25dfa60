import { createHash } from "node:crypto";
import { existsSync, promises as fsp, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ruleset } from "@stoplight/spectral-core";

/**
 * Loading a Spectral ruleset means migrating the YAML to JS and bundling it (and any local
 * custom functions) with rollup: ~0.4 s, on the critical path of every cold `npm run generate`.
 * The bundle is plain CommonJS text, so it is cached on disk (node_modules/.cache/generate/)
 * together with the sha256 of every file that went into it; any edit to the ruleset or a
 * custom function, or another bundler version, rebuilds it.
 *
 * Packages in `extends` (spectral:oas, the OWASP ruleset) are not in the bundle: the node
 * target leaves them as `require`s, resolved when the cached code is evaluated, so the
 * ruleset always runs against the installed packages.
 */

type RulesetDefinition = ConstructorParameters<typeof Ruleset>[0];

const require = createRequire(import.meta.url);
const CACHE_FORMAT = 1;
const MAX_ENTRIES = 20;

interface CacheEntry {
  format: number;
  bundler: string;
  rulesetFile: string;
  inputs: { file: string; sha256: string }[];
  code: string;
}

interface Loaded {
  ruleset: Ruleset;
  inputs: { file: string; sha256: string }[];
}

const memory = new Map<string, Promise<Loaded>>();

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Not every package exports its package.json; walk up from its entry point instead. */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (path.dirname(dir) !== dir) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`Cannot find the package folder of ${name}`);
}

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(path.join(packageDir(name), "package.json"), "utf8")) as { version?: string };
  return `${name}@${pkg.version ?? "?"}`;
}

/** Bundler and migrator versions decide what the cached code looks like. */
function bundlerKey(): string {
  return [packageVersion("@stoplight/spectral-ruleset-bundler"), packageVersion("@stoplight/spectral-ruleset-migrator")].join(" ");
}

export function defaultRulesetCacheDir(): string {
  // Next to the packages the cached code depends on (and out of every git tree).
  return path.join(packageDir("@stoplight/spectral-core"), "..", "..", ".cache", "generate");
}

/**
 * The ruleset at `rulesetFile`, from this process's memory, the disk cache, or a fresh bundle;
 * either cache is used only while every input file still has the hash it was built from.
 * `cacheDir: false` skips the disk cache.
 */
export async function loadSpectralRuleset(rulesetFile: string, cacheDir: string | false = defaultRulesetCacheDir()): Promise<Ruleset> {
  const cached = memory.get(rulesetFile);
  if (cached) {
    const loaded = await cached.catch(() => undefined);
    if (loaded && (await unchanged(loaded.inputs))) return loaded.ruleset;
  }
  const loading = loadUncached(rulesetFile, cacheDir);
  memory.set(rulesetFile, loading);
  loading.catch(() => memory.delete(rulesetFile));
  return (await loading).ruleset;
}

async function unchanged(inputs: readonly { file: string; sha256: string }[]): Promise<boolean> {
  for (const input of inputs) {
    if (!existsSync(input.file) || sha256(await fsp.readFile(input.file)) !== input.sha256) return false;
  }
  return true;
}

async function loadUncached(rulesetFile: string, cacheDir: string | false): Promise<Loaded> {
  const entryFile = cacheDir ? path.join(cacheDir, `spectral-ruleset-${sha256(rulesetFile).slice(0, 16)}.json`) : undefined;
  const bundler = bundlerKey();
  let entry = entryFile ? await readValidEntry(entryFile, rulesetFile, bundler) : undefined;
  if (!entry) {
    const built = await bundle(rulesetFile);
    const inputs = await Promise.all(built.inputs.map(async (file) => ({ file, sha256: sha256(await fsp.readFile(file)) })));
    entry = { format: CACHE_FORMAT, bundler, rulesetFile, inputs, code: built.code };
    if (entryFile && cacheDir) await writeEntry(cacheDir, entryFile, entry);
  }
  return { ruleset: new Ruleset(evaluate(entry.code, rulesetFile), { severity: "recommended", source: rulesetFile }), inputs: entry.inputs };
}

async function readValidEntry(entryFile: string, rulesetFile: string, bundler: string): Promise<CacheEntry | undefined> {
  try {
    const entry = JSON.parse(await fsp.readFile(entryFile, "utf8")) as CacheEntry;
    if (entry.format !== CACHE_FORMAT || entry.bundler !== bundler || entry.rulesetFile !== rulesetFile) return undefined;
    return (await unchanged(entry.inputs)) ? entry : undefined;
  } catch {
    return undefined;
  }
}

async function writeEntry(cacheDir: string, entryFile: string, entry: CacheEntry): Promise<void> {
  try {
    await fsp.mkdir(cacheDir, { recursive: true });
    // Write-then-rename: a concurrent run reads either the old entry or the new one.
    const temp = `${entryFile}.${process.pid}.tmp`;
    await fsp.writeFile(temp, JSON.stringify(entry));
    await fsp.rename(temp, entryFile);
    await prune(cacheDir);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

/** Test runs lint many temp copies; keep the newest few entries only. */
async function prune(cacheDir: string): Promise<void> {
  const names = (await fsp.readdir(cacheDir)).filter((n) => n.startsWith("spectral-ruleset-") && n.endsWith(".json"));
  if (names.length <= MAX_ENTRIES) return;
  const stats = await Promise.all(names.map(async (n) => ({ n, t: (await fsp.stat(path.join(cacheDir, n))).mtimeMs })));
  stats.sort((a, b) => b.t - a.t);
  await Promise.all(stats.slice(MAX_ENTRIES).map(({ n }) => fsp.rm(path.join(cacheDir, n), { force: true })));
}

/** Rulesets must resolve from node_modules; a URL in `extends` is a configuration error here. */
const offlineFetch = (async (input: unknown) => {
  throw new Error(`Network access is disabled while loading Spectral rulesets (requested ${String(input)})`);
}) as unknown as typeof fetch;

/**
 * What `bundleAndLoadRuleset` does before evaluating (migrate YAML, bundle with rollup), but
 * keeping rollup's module list so the cache knows every local file the code came from. Loaded
 * lazily: on a cache hit neither rollup nor the migrator is imported at all.
 */
async function bundle(rulesetFile: string): Promise<{ code: string; inputs: string[] }> {
  const [{ bundleRuleset }, { migrateRuleset, isBasicRuleset }, { stdin }, { commonjs }, { node }] = await Promise.all([
    import("@stoplight/spectral-ruleset-bundler"),
    import("@stoplight/spectral-ruleset-migrator"),
    import("@stoplight/spectral-ruleset-bundler/plugins/stdin"),
    import("@stoplight/spectral-ruleset-bundler/plugins/commonjs"),
    import("@stoplight/spectral-ruleset-bundler/presets/node"),
  ]);
  const io = { fs: { promises: { readFile: fsp.readFile } }, fetch: offlineFetch };
  // `commonjs` lets CommonJS custom functions be bundled; no `builtins` plugin: it bakes a
  // per-process random id into the code, and the node target requires spectral-* from
  // node_modules anyway, which are the very modules this process uses.
  const plugins = [commonjs(), ...node(io)];
  let input = rulesetFile;
  if (await isBasicRuleset(rulesetFile)) {
    const migrated = await migrateRuleset(rulesetFile, { format: "esm", fs: io.fs as never });
    input = path.join(path.dirname(rulesetFile), ".spectral.js");
    plugins.unshift(stdin(migrated, input));
  }
  const chunk = await bundleRuleset(input, { target: "node", format: "commonjs", plugins, fullOutput: true });
  const inputs = new Set([rulesetFile]);
  for (const id of Object.keys(chunk.modules)) if (path.isAbsolute(id) && id !== input && existsSync(id)) inputs.add(id);
  return { code: chunk.code, inputs: [...inputs].sort() };
}

/** Evaluates the bundled CommonJS exactly as spectral-ruleset-bundler's node loader does. */
function evaluate(code: string, rulesetFile: string): RulesetDefinition {
  const loaderDir = path.dirname(require.resolve("@stoplight/spectral-ruleset-bundler/with-loader"));
  const req = createRequire(rulesetFile);
  const paths = [path.dirname(rulesetFile), loaderDir];
  const scopedRequire = (id: string): unknown => req(req.resolve(id, { paths }));
  const module: { exports?: unknown } = {};
  // The code is rollup's output for the project's own ruleset file, not outside input.
  new Function("module, require", code)(module, scopedRequire);
  if (typeof module.exports !== "object" || module.exports === null) throw new Error(`No ruleset exported by ${rulesetFile}`);
  return module.exports as RulesetDefinition;
}
