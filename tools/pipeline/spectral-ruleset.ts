import { promises as fsp } from "node:fs";
import type { Ruleset } from "@stoplight/spectral-core";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { rulesetInputsHash } from "./step-cache.js";

/** Rulesets must resolve from node_modules; a URL in `extends` is a configuration error here. */
const offlineFetch = (async (input: unknown) => {
  throw new Error(`Network access is disabled while loading Spectral rulesets (requested ${String(input)})`);
}) as unknown as typeof fetch;

const memory = new Map<string, Promise<Ruleset>>();

/**
 * Loads the ruleset with Spectral's own loader (as spectral-cli does); kept in this process's
 * memory per file while its inputs keep their hash (the `--serve` loop and tests reuse it).
 */
export async function loadSpectralRuleset(rulesetFile: string): Promise<Ruleset> {
  const key = `${rulesetFile}\u0000${await rulesetInputsHash(rulesetFile)}`;
  let loading = memory.get(key);
  if (!loading) {
    loading = load(rulesetFile);
    memory.set(key, loading);
    loading.catch(() => memory.delete(key));
  }
  return loading;
}

async function load(rulesetFile: string): Promise<Ruleset> {
  const { commonjs } = await import("@stoplight/spectral-ruleset-bundler/plugins/commonjs");
  const io = { fs: { promises: { readFile: fsp.readFile } }, fetch: offlineFetch };
  // `commonjs` lets CommonJS custom functions be bundled, as in spectral-cli.
  return bundleAndLoadRuleset(rulesetFile, io as never, [commonjs()]);
}
