import type { IFunctionResult, RulesetFunction, RulesetFunctionContext } from "@stoplight/spectral-core";

type Path = RulesetFunctionContext["path"];

/**
 * The part of a node's path a rule's verdict may depend on beyond the node itself: the example
 * rules relax `required` for readOnly/writeOnly properties by where the media object sits
 * (request or response body, under `paths` or `components`).
 */
function placeOf(path: Path): string | undefined {
  if (path[0] === "paths" && path.length >= 4) return `paths\u0000${String(path[3])}`;
  if (path[0] === "components" && path.length >= 2) return `components\u0000${String(path[1])}`;
  return undefined;
}

const MAX_ENTRIES = 20_000;

/** The document's formats (e.g. oas3.1) decide the JSON Schema dialect the example is judged in. */
function formatsOf(context: RulesetFunctionContext): string {
  const formats = context.document?.formats;
  return formats ? [...formats].map((f) => f.displayName ?? f.name).sort().join(",") : "";
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

/**
 * Wraps a rule function whose verdict depends only on the node's JSON content, its place and
 * the document's formats (the example rules: they clone the schema as JSON, then compile it with
 * Ajv). Resolving the sources inlines a shared component at every `$ref`, so the same example is
 * judged once per referrer; this judges it once per process (the `--serve` loop and tests lint
 * again and again) and re-roots the result paths. Results whose paths do not extend the node's
 * own path are never reused.
 */
export function memoizeByContent<I, O>(fn: RulesetFunction<I, O>): RulesetFunction<I, O> {
  const memo = new Map<string, { suffixes: (Path | undefined)[]; results: IFunctionResult[] } | null>();
  const memoized: RulesetFunction<I, O> = (input, options, context) => {
    const place = placeOf(context.path);
    const key = place === undefined ? undefined : contentKey(`${place}\u0000${formatsOf(context)}`, input, options);
    const hit = key === undefined ? undefined : memo.get(key);
    if (hit) return hit.results.map((result, i) => ({ ...result, path: rebase(context.path, hit.suffixes[i]) }));
    const results = fn(input, options, context);
    if (key === undefined || hit === null || results instanceof Promise) return results;
    // Bounded: a long `--serve` session sees many versions of the contract.
    if (memo.size >= MAX_ENTRIES) memo.clear();
    const list = results ?? [];
    if (list.every((r) => r.path === undefined || startsWith(r.path, context.path))) {
      memo.set(key, { results: list, suffixes: list.map((r) => r.path?.slice(context.path.length)) });
    } else memo.set(key, null);
    return results;
  };
  Reflect.defineProperty(memoized, "name", { value: fn.name });
  // Keeps the options validator createRulesetFunction attached, which the Ruleset calls.
  return Object.assign(memoized, fn);
}

/** A node JSON cannot print (a YAML alias cycle) gets no key, so it is judged every time. */
function contentKey(place: string, input: unknown, options: unknown): string | undefined {
  try {
    return `${place}\u0000${JSON.stringify(input)}\u0000${JSON.stringify(options)}`;
  } catch {
    return undefined;
  }
}

function rebase(path: Path, suffix: Path | undefined): Path | undefined {
  return suffix === undefined ? undefined : [...path, ...suffix];
}
