import type { TokenSource } from "./token-source.js";

/**
 * A token source whose code loads on the first token asked for: a client given a bearer token
 * never loads the OAuth module, and a bundler ships it as a chunk of its own.
 */
export function lazyTokenSource(load: () => Promise<TokenSource>): TokenSource {
  let source: TokenSource | undefined;
  let loading: Promise<TokenSource> | undefined;
  return {
    current: () => source?.current(),
    async get(signal) {
      // A failed load is not kept: the next call tries again.
      source ??= await (loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
      return source.get(signal);
    },
    // Nothing loaded means no token was handed out, so there is nothing to forget or resend.
    invalidate: (rejected) => source?.invalidate(rejected) ?? false,
  };
}
