/** RFC 6901 helpers; kept tiny because every module that maps locations needs them. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + escapeSegment(s)).join("");
}

/** Accepts "", "/a/b", "#/a/b" and URI-encoded fragments as written in `$ref`s. */
export function parsePointer(pointer: string): string[] {
  let p = pointer.startsWith("#") ? safeDecode(pointer.slice(1)) : pointer;
  if (p === "" || p === "/") return p === "/" ? [""] : [];
  if (!p.startsWith("/")) p = "/" + p;
  return p.slice(1).split("/").map(unescapeSegment);
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function getAt(root: unknown, segments: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}
