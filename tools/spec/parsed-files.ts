// Contract files parsed once per process for the tools that only read them (the ref guard, the
// source locator, Redocly's lint): remembered by path and content, so the `--serve` loop parses
// only the files an edit changed. The bundler changes what it parses and gets its own parse.
import { Source, parseYaml } from "@redocly/openapi-core";

export interface ParsedFile {
  source: Source;
  /** Shared: never change it. */
  parsed: unknown;
}

const files = new Map<string, ParsedFile>();
const MAX_FILES = 5_000;

/** The file parsed as Redocly parses it; throws what Redocly's `parseYaml` throws. */
export function parsedFile(file: string, body: string): ParsedFile {
  const known = files.get(file);
  if (known?.source.body === body) return known;
  const entry: ParsedFile = { source: new Source(file, body), parsed: parseYaml(body, { filename: file }) };
  if (files.size >= MAX_FILES) files.clear();
  files.set(file, entry);
  return entry;
}
