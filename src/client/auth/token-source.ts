import type { Redactor } from "../redact.js";
import { ZoomApiError } from "../zoom-api-error.js";

/** Where the bearer token of each attempt comes from. */
export interface TokenSource {
  /** The token to use right now when it is known without waiting, else undefined. */
  current(): string | undefined;
  get(signal: AbortSignal): Promise<string>;
  /**
   * Forgets `rejected` after Zoom answered 401 with code 124. False when asking again cannot
   * give a different token (a fixed string), so the caller does not resend in vain.
   */
  invalidate(rejected: string): boolean;
}

export type AccessTokenOption = string | (() => string | Promise<string>);

/** A fixed token, or a caller's function that is asked again for every attempt. */
export function accessTokenSource(option: AccessTokenOption, redactor?: Redactor): TokenSource {
  if (typeof option === "string") {
    const token = option;
    redactor?.addToken(token);
    return { current: () => token, get: () => Promise.resolve(token), invalidate: () => false };
  }
  const provide = option;
  return {
    current: () => undefined,
    async get() {
      let token: unknown;
      try {
        token = await provide();
      } catch (error) {
        // Our words only: the provider's own message might quote whatever it was handling.
        throw new ZoomApiError({ status: 0, message: "The accessToken function failed", attempts: 1, cause: error });
      }
      if (typeof token !== "string" || token.trim() === "") {
        throw new ZoomApiError({
          status: 0,
          message: "The accessToken function returned no token (expected a non-empty string)",
          attempts: 1,
        });
      }
      redactor?.addToken(token);
      return token;
    },
    invalidate: () => true,
  };
}
