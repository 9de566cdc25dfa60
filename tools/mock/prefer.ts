/** What a request asks Prism for with its `Prefer` header. */
export interface PrismPreference {
  /** The response status to answer with (`code=404`). */
  code?: number;
  /** The name of an example under that response's media type (`example=webinarNotFound`). */
  example?: string;
}

/** `code=404, example=webinarNotFound`: the header value Prism reads. */
export function preferHeader(preference: PrismPreference): string {
  const parts: string[] = [];
  if (preference.code !== undefined) parts.push(`code=${preference.code}`);
  if (preference.example !== undefined) parts.push(`example=${preference.example}`);
  return parts.join(", ");
}

/**
 * A fetch that adds the `Prefer` header to every request, for handing to `createZoomClient`:
 * the client has no per-call headers, and the mock is the only server that reads this one.
 */
export function fetchPreferring(preference: PrismPreference, fetchFn: typeof fetch = globalThis.fetch): typeof fetch {
  const value = preferHeader(preference);
  return (input, init) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (value !== "") headers.set("prefer", value);
    return fetchFn(input, { ...init, headers });
  };
}
