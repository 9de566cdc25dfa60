import { readFile } from "node:fs/promises";
import { parseYaml } from "@redocly/openapi-core";
import { isJsonObject, type OverlayAction, type OverlayDocument } from "./types.js";

/**
 * Reads an Overlay file and checks the shape this project relies on, so a typo in an overlay
 * fails with the file's name instead of surfacing later as a missing translation.
 */
export async function loadOverlay(file: string): Promise<OverlayDocument> {
  return parseOverlay(await readFile(file, "utf8"), file);
}

export function parseOverlay(text: string, origin: string): OverlayDocument {
  // Parsed as the contract's own files are (Redocly's js-yaml schema): the Chinese overlay is ~200 kB,
  // and the `yaml` package's full document model took ~3× as long for it.
  const parsed: unknown = parseYaml(text, { filename: origin });
  if (!isJsonObject(parsed)) throw new Error(`${origin}: not a YAML mapping`);
  const { overlay, info, actions } = parsed;
  if (typeof overlay !== "string" || !/^1\.\d+\.\d+$/.test(overlay)) {
    throw new Error(`${origin}: \`overlay\` must name an Overlay 1.x version, e.g. "1.0.0"`);
  }
  if (!isJsonObject(info) || typeof info.title !== "string" || typeof info.version !== "string") {
    throw new Error(`${origin}: \`info\` needs a \`title\` and a \`version\``);
  }
  if (!Array.isArray(actions)) throw new Error(`${origin}: \`actions\` must be a list`);
  const checked = actions.map((action, index): OverlayAction => {
    if (!isJsonObject(action) || typeof action.target !== "string") {
      throw new Error(`${origin}: action ${index} needs a string \`target\``);
    }
    return action as unknown as OverlayAction;
  });
  return { overlay, info: { title: info.title, version: info.version }, actions: checked };
}
