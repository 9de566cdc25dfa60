// Which strings of an OpenAPI bundle are prose that a reader sees (and a translator must
// translate), as opposed to names, values and examples, which are data and stay as they are.
import { isJsonObject, type JsonValue } from "./types.js";

/** A key under which a string is prose wherever it appears outside example data. */
const PROSE_KEYS = new Set(["description", "summary", "title", "x-displayName"]);

/** Subtrees that hold data (example payloads, defaults, enum values, code), never prose. */
const DATA_KEYS = new Set(["example", "default", "enum", "const", "x-codeSamples", "x-examples"]);

/** RFC 9535 normalized path of `keys`, the form jsonpath-rfc9535's `paths()` returns. */
export function normalizedPath(keys: ReadonlyArray<string | number>): string {
  return (
    "$" +
    keys
      .map((key) =>
        typeof key === "number"
          ? `[${key}]`
          : `['${key.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}']`,
      )
      .join("")
  );
}

export interface TextLocation {
  /** Normalized JSONPath of the string. */
  path: string;
  keys: ReadonlyArray<string | number>;
  text: string;
}

/** Every prose string of an OpenAPI 3.x bundle, in document order. */
export function textLocations(document: JsonValue): TextLocation[] {
  const found: TextLocation[] = [];
  const add = (keys: Array<string | number>, text: string) => found.push({ path: normalizedPath(keys), keys, text });

  const walk = (node: JsonValue, keys: Array<string | number>): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...keys, index]));
      return;
    }
    if (!isJsonObject(node)) return;
    const parentKey = keys[keys.length - 1];
    for (const [key, value] of Object.entries(node)) {
      const here = [...keys, key];
      if (DATA_KEYS.has(key)) continue;
      if (typeof value === "string") {
        if (PROSE_KEYS.has(key)) add(here, value);
        // Scope descriptions and enum explanations are maps of name → prose.
        else if (parentKey === "scopes" || parentKey === "x-enumDescriptions") add(here, value);
        // The contact's name is shown on the page as a sentence, not used as an identifier.
        else if (key === "name" && parentKey === "contact") add(here, value);
        continue;
      }
      // In a map of Example objects (`examples: { name: { summary, value } }`), `value` is data;
      // a JSON Schema `examples` array is data throughout.
      if (key === "examples" && Array.isArray(value)) continue;
      if (keys[keys.length - 2] === "examples" && key === "value") continue;
      walk(value, here);
    }
  };
  walk(document, []);
  return found;
}
