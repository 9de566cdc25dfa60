// Node's module compile cache (Node 22.1 and later; on Node 20 these do nothing): V8's compiled
// code for every module Node loads itself (Redocly, Spectral, TypeScript, Ajv…) is kept on disk
// and reused by the next process that loads the same file unchanged. Plain JavaScript so that
// scripts/run-ts.mjs can load it before any TypeScript is built; docs/decisions/0009-test-speed.md.
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Turns the cache on for this process (in node_modules/.cache, unless NODE_COMPILE_CACHE names
 * another folder or NODE_DISABLE_COMPILE_CACHE=1 turns it off) and for the processes it starts.
 * @returns {string | undefined} the folder in use for this Node version, when the cache is on
 */
export function enableCompileCache() {
  if (typeof module.enableCompileCache !== "function") return undefined;
  const folder = process.env.NODE_COMPILE_CACHE ?? path.join(repoRoot, "node_modules", ".cache", "node-compile-cache");
  const { directory } = module.enableCompileCache(folder);
  // Children (vitest's workers, spawned commands) inherit the folder through the environment.
  // (`directory` is its subfolder for this Node version, which a child would nest once more.)
  if (directory !== undefined) process.env.NODE_COMPILE_CACHE = folder;
  return directory;
}

/** Writes what this process compiled since the last write; Node itself writes only at a normal exit. */
export function flushCompileCache() {
  if (typeof module.flushCompileCache === "function") module.flushCompileCache();
}
