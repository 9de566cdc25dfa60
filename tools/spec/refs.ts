// The one `$ref` follower of the tools: local refs (`#/…`) in a bundled document, chains
// included, with cycles and external refs refused rather than looped over or fetched; and the one
// collector of the `$ref`s a value holds.
import { getAt, isRecord, parsePointer } from "../../src/util/json-pointer.js";

export class RefError extends Error {
  override readonly name = "RefError";
  constructor(
    readonly reason: "external" | "cycle",
    /** Where the offending `$ref` sits (the last pointer reached). */
    readonly pointer: string,
    readonly ref: string,
  ) {
    super(reason === "external" ? `external $ref ${ref} at ${pointer}` : `recursive $ref ${ref} at ${pointer}`);
  }
}

export interface Followed {
  /** What the chain ends at; undefined when a ref points at nothing. */
  node: unknown;
  /** JSON pointer (`#/…`) of that node: the last ref followed, or the starting pointer. */
  pointer: string;
  /** Every ref followed so far, the caller's `seen` first. */
  seen: readonly string[];
}

export interface FollowOptions {
  /** Where `node` sits, for messages and the result's pointer. Default "#". */
  pointer?: string;
  /** Refs followed on the way here (a walk into a schema passes them on, so recursion shows). */
  seen?: readonly string[];
  /** Called with each `$ref` holder before it is followed (e.g. to check its siblings). */
  onRef?: (holder: Record<string, unknown>, pointer: string) => void;
}

/** Follows `node`'s `$ref` chain; throws RefError on an external ref or a ref seen before. */
export function followRefs(document: unknown, node: unknown, options: FollowOptions = {}): Followed {
  let current = node;
  let pointer = options.pointer ?? "#";
  let seen = options.seen ?? [];
  while (isRecord(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    options.onRef?.(current, pointer);
    if (!ref.startsWith("#")) throw new RefError("external", pointer, ref);
    if (seen.includes(ref)) throw new RefError("cycle", pointer, ref);
    seen = [...seen, ref];
    pointer = ref;
    current = getAt(document, parsePointer(ref));
  }
  return { node: current, pointer, seen };
}

/** `followRefs`, or undefined for a cyclic or external chain (for walks that skip what they cannot follow). */
export function tryFollowRefs(document: unknown, node: unknown, options: FollowOptions = {}): Followed | undefined {
  try {
    return followRefs(document, node, options);
  } catch (error) {
    if (error instanceof RefError) return undefined;
    throw error;
  }
}

/** The object a chain ends at, or undefined for a dangling, cyclic or external chain. */
export function resolveObject(document: unknown, node: unknown): Record<string, unknown> | undefined {
  const target = tryFollowRefs(document, node)?.node;
  return isRecord(target) ? target : undefined;
}

/** Every string `$ref` in a parsed YAML/JSON value, in document order. */
export function collectRefs(root: unknown): string[] {
  const refs: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === "string") refs.push(record.$ref);
    const values = Object.values(record);
    for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  }
  return refs;
}
