import { promises as fsp } from "node:fs";
import { type Rule, type RuleDefinition, Ruleset } from "@stoplight/spectral-core";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { memoizeByContent } from "./spectral-memo.js";
import { rulesetInputsHash } from "./step-cache.js";

/**
 * Rules judged by node content and place only; memoized per process (`spectral-memo.ts`): the
 * resolved bundle inlines a shared example or schema at every `$ref` to it.
 */
const MEMOIZED_RULES = ["oas2-valid-media-example", "oas2-valid-schema-example", "oas3-valid-media-example", "oas3-valid-schema-example"] as const;

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
  const loaded = await bundleAndLoadRuleset(rulesetFile, io as never, [commonjs()]);
  const definition = loaded.definition as { rules?: Record<string, unknown> };
  const memoized = MEMOIZED_RULES.flatMap((name) => {
    const rule = loaded.rules[name];
    // A rule the ruleset switched off stays off, and one it re-graded keeps that severity.
    return rule?.enabled ? [[name, memoizedRule(rule)]] : [];
  });
  return new Ruleset({ ...definition, rules: { ...(definition.rules ?? {}), ...Object.fromEntries(memoized) } } as never, { severity: "recommended", source: rulesetFile });
}

/** The rule's own definition with each function memoized, at the severity the ruleset gives it; message and `given` unchanged. */
function memoizedRule(rule: Rule): RuleDefinition {
  const definition = rule.definition;
  const then = (Array.isArray(definition.then) ? definition.then : [definition.then]).map((t) => ({ ...t, function: memoizeByContent(t.function) }));
  return { ...definition, severity: rule.severity, then };
}
