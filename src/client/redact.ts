import { ZoomApiError } from "./zoom-api-error.js";

const REDACTED = "[redacted]";
// Shorter values are not secrets anyone issues, and replacing them would garble every message.
const MIN_SECRET_LENGTH = 4;
// Enough to cover a token that was just replaced while calls using it were still in flight.
const TOKENS_KEPT = 4;
const MAX_CAUSE_DEPTH = 4;
// Credentials after a scheme, and Authorization values, in whatever text reached an error. The
// character classes exclude the next possible start, so each match attempt is linear.
const URL_USERINFO = /\/\/[^\s/?#@]*@/g;
const AUTH_VALUE = /\b(Bearer|Basic)\s+[\w.~+/-]+=*/gi;

/**
 * The one redaction step every string passes on its way into an error the client throws:
 * removes the current and previous access tokens, the client secret, the Basic value and URL
 * credentials, by value and by shape.
 */
export class Redactor {
  readonly #fixed: string[] = [];
  readonly #tokens: string[] = [];

  /** A secret for the client's lifetime (client secret, Basic value, URL credentials). */
  addSecret(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.#fixed.includes(secret)) return;
    this.#fixed.push(secret);
    const decoded = safeDecode(secret);
    if (decoded !== secret && decoded.length >= MIN_SECRET_LENGTH) this.#fixed.push(decoded);
  }

  /** An access token just obtained; the last few stay redacted after they are replaced. */
  addToken(token: string): void {
    if (token.length < MIN_SECRET_LENGTH || this.#tokens[this.#tokens.length - 1] === token) return;
    this.#tokens.push(token);
    if (this.#tokens.length > TOKENS_KEPT) this.#tokens.shift();
  }

  /** Adds the userinfo of `url` (when it has any) as secrets. */
  addUrlCredentials(url: string): void {
    const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url);
    if (match?.[1] === undefined) return;
    this.addSecret(match[1]);
    for (const part of match[1].split(":")) this.addSecret(part);
  }

  text(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is removed whole.
    for (const secret of [...this.#tokens, ...this.#fixed].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out.replace(URL_USERINFO, `//${REDACTED}@`).replace(AUTH_VALUE, `$1 ${REDACTED}`);
  }

  /**
   * A ZoomApiError whose message, Zoom error details and cause chain have all passed `text`.
   * The cause becomes a plain Error copy (same name, code, redacted message and stack), since
   * the original may hold a request, headers or a URL the client does not control.
   */
  error(error: ZoomApiError): ZoomApiError {
    return new ZoomApiError({
      status: error.status,
      message: this.text(error.message),
      attempts: error.attempts,
      code: error.code,
      retryAfterMs: error.retryAfterMs,
      rateLimit: error.rateLimit,
      errors: error.errors?.map((detail) => ({
        ...(detail.field === undefined ? {} : { field: this.text(detail.field) }),
        ...(detail.message === undefined ? {} : { message: this.text(detail.message) }),
      })),
      mismatches: error.mismatches,
      cause: this.#cause(error.cause, 0),
    });
  }

  #cause(cause: unknown, depth: number): unknown {
    if (cause === undefined) return undefined;
    if (depth >= MAX_CAUSE_DEPTH) return new Error("(further causes omitted)");
    if (!(cause instanceof Error)) return new Error(this.text(String(cause)));
    const copy = new Error(this.text(cause.message), cause.cause === undefined ? undefined : { cause: this.#cause(cause.cause, depth + 1) });
    copy.name = cause.name;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
    copy.stack = this.text(cause.stack ?? `${cause.name}: ${cause.message}`);
    return copy;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
