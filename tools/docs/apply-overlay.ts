// Overlays are applied by @redocly/openapi-core's own Overlay support (RFC 9535 JSONPath,
// `update`/`remove`/`copy`, Overlay 1.0–1.2): its `bundle()` applies `overlays` after the
// bundling pass, so targets address the bundled document, the same one the docs render.
import { BaseResolver, bundle, createConfig, Source } from "@redocly/openapi-core";
import type { OverlayDocument, JsonObject } from "./types.js";

// Names under which the in-memory documents are handed to Redocly's resolver. They are never
// read from disk: the resolver below answers only for them and refuses any other reference,
// so applying an overlay cannot reach the file system or the network.
const VIRTUAL_DIR = "/__zoom-webinar-contract__";
const DOCUMENT_REF = `${VIRTUAL_DIR}/bundle.json`;
const OVERLAY_REF = `${VIRTUAL_DIR}/overlay.json`;

class InMemoryResolver extends BaseResolver {
  constructor(private readonly files: ReadonlyMap<string, string>) {
    super();
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const body = this.files.get(absoluteRef);
    if (body === undefined) {
      throw new Error(`applyOverlay works on one self-contained bundle; it will not load ${absoluteRef}`);
    }
    return new Source(absoluteRef, body, "application/json");
  }
}

/**
 * Returns a copy of `bundle` with `overlay` applied. The input is left untouched. Throws when
 * Redocly reports a problem (an invalid JSONPath, an update that does not fit its target).
 */
export async function applyOverlay(bundleDocument: JsonObject, overlay: OverlayDocument): Promise<JsonObject> {
  const documentText = JSON.stringify(bundleDocument);
  const resolver = new InMemoryResolver(
    new Map([
      [DOCUMENT_REF, documentText],
      [OVERLAY_REF, JSON.stringify(overlay)],
    ]),
  );
  // An empty config: the project's redocly.yaml holds lint rules and decorators that have no
  // business changing the text of the docs.
  const config = await createConfig({});
  const result = await bundle({
    doc: { source: new Source(DOCUMENT_REF, documentText, "application/json"), parsed: JSON.parse(documentText) },
    config,
    externalRefResolver: resolver,
    overlays: [OVERLAY_REF],
  });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    const where = (problem: (typeof errors)[number]) => problem.location[0]?.pointer ?? "";
    throw new Error(
      `overlay "${overlay.info.title}" does not apply: ${errors.map((p) => `${p.message} ${where(p)}`.trim()).join("; ")}`,
    );
  }
  return result.bundle.parsed as JsonObject;
}
