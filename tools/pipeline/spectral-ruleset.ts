import { promises as fsp } from "node:fs";
import path from "node:path";
import { type Rule, type RuleDefinition, Ruleset } from "@stoplight/spectral-core";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { memoizeByContent } from "./spectral-memo.js";
import { rulesetInputsHash } from "./step-cache.js";

/**
 * Rules not run on the bundle: they judge each node on its own (the document against the
 * OpenAPI schema, each example against its schema); the source run already judged every node
 * where it is written, and validate-examples checks every example against the bundle.
 */
export const SOURCE_ONLY_RULES = [
  "oas2-schema",
  "oas3-schema",
  "oas2-valid-media-example",
  "oas2-valid-schema-example",
  "oas3-valid-media-example",
  "oas3-valid-schema-example",
] as const;

/** Rules judged by node content and place only; memoized per process (`spectral-memo.ts`). */
const MEMOIZED_RULES = SOURCE_ONLY_RULES.filter((name) => name.includes("-example"));

export interface SpectralRulesets {
  /** The ruleset as written, its example rules memoized, for the source files. */
  source: Ruleset;
  /** The same with SOURCE_ONLY_RULES off, for the bundle: its own instance, nothing is toggled. */
  bundle: Ruleset;
}

/** Rulesets must resolve from node_modules; a URL in `extends` is a configuration error here. */
const offlineFetch = (async (input: unknown) => {
  throw new Error(`Network access is disabled while loading Spectral rulesets (requested ${String(input)})`);
}) as unknown as typeof fetch;

const memory = new Map<string, Promise<SpectralRulesets>>();

/**
 * Loads the ruleset with Spectral's own loader (as spectral-cli does); kept in this process's
 * memory per file while its inputs keep their hash (the `--serve` loop and tests reuse it).
 */
export async function loadSpectralRulesets(rulesetFile: string): Promise<SpectralRulesets> {
  const key = `${rulesetFile}\u0000${await rulesetInputsHash(rulesetFile)}`;
  let loading = memory.get(key);
  if (!loading) {
    loading = load(rulesetFile);
    memory.set(key, loading);
    loading.catch(() => memory.delete(key));
  }
  return loading;
}

async function load(rulesetFile: string): Promise<SpectralRulesets> {
  const { commonjs } = await import("@stoplight/spectral-ruleset-bundler/plugins/commonjs");
  const io = { fs: { promises: { readFile: fsp.readFile } }, fetch: offlineFetch };
  // `commonjs` lets CommonJS custom functions be bundled, as in spectral-cli.
  const loaded = await bundleAndLoadRuleset(rulesetFile, io as never, [commonjs()]);
  const definition = loaded.definition as { rules?: Record<string, unknown> };
  const derive = (rules: Record<string, unknown>) =>
    new Ruleset({ ...definition, rules: { ...(definition.rules ?? {}), ...rules } } as never, { severity: "recommended", source: rulesetFile });
  const memoized = MEMOIZED_RULES.flatMap((name) => {
    const rule = loaded.rules[name];
    return rule ? [[name, memoizedRule(rule)]] : [];
  });
  const off = SOURCE_ONLY_RULES.filter((name) => name in loaded.rules).map((name) => [name, "off"]);
  return { source: derive(Object.fromEntries(memoized)), bundle: derive(Object.fromEntries(off)) };
}

/** The rule's own definition with each function memoized; severity, message and `given` unchanged. */
function memoizedRule(rule: Rule): RuleDefinition {
  const definition = rule.definition;
  const then = (Array.isArray(definition.then) ? definition.then : [definition.then]).map((t) => ({ ...t, function: memoizeByContent(t.function) }));
  return { ...definition, then };
}
