import { describe, expect, it } from "vitest";
import { lazyTokenSource } from "../../src/client/auth/lazy-token-source.js";
import type { TokenSource } from "../../src/client/auth/token-source.js";

/** A source that hands out `token-<n>` and records what it was asked. */
function countingSource(): TokenSource & { asked: number; invalidated: string[] } {
  const source = {
    asked: 0,
    invalidated: [] as string[],
    current: () => (source.asked > 0 ? `token-${source.asked}` : undefined),
    get: async () => `token-${++source.asked}`,
    invalidate: (rejected: string) => {
      source.invalidated.push(rejected);
      return true;
    },
  };
  return source;
}

describe("lazyTokenSource", () => {
  it("loads nothing until a token is asked for, then loads once for every caller", async () => {
    const inner = countingSource();
    let loads = 0;
    const lazy = lazyTokenSource(async () => {
      loads += 1;
      return inner;
    });
    expect([loads, lazy.current(), lazy.invalidate("never-issued")]).toEqual([0, undefined, false]);
    const signal = new AbortController().signal;
    const tokens = await Promise.all([lazy.get(signal), lazy.get(signal), lazy.get(signal)]);
    expect(loads).toBe(1);
    expect(tokens.sort()).toEqual(["token-1", "token-2", "token-3"]);
    expect(lazy.current()).toBe("token-3");
    expect(lazy.invalidate("token-3")).toBe(true);
    expect(inner.invalidated).toEqual(["token-3"]);
  });

  it("passes a failed load to the caller, and tries again on the next call", async () => {
    let attempt = 0;
    const lazy = lazyTokenSource(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error("chunk missing");
      return countingSource();
    });
    const signal = new AbortController().signal;
    await expect(lazy.get(signal)).rejects.toThrow("chunk missing");
    await expect(lazy.get(signal)).resolves.toBe("token-1");
    expect(attempt).toBe(2);
  });
});
