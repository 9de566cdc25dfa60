import { readFileSync } from "node:fs";
import path from "node:path";
import { getLineColLocation } from "@redocly/openapi-core";
import { type ParsedFile, parsedFile } from "../spec/parsed-files.js";
import { getAt, isRecord, parsePointer, toPointer } from "../../src/util/json-pointer.js";

export interface SourcePosition {
  /** Absolute path of the source file that holds the node. */
  file: string;
  line: number;
  column: number;
}

interface Origin {
  /** Absolute path. */
  file: string;
  /** JSON pointer inside that file ("" for its root). */
  pointer: string;
}

export interface SourceOrigin extends Origin {
  exact: boolean;
}

/**
 * Maps JSON pointers in the bundle back to the YAML file and line they came from (the bundler
 * keeps no origin map), by walking the source graph and the bundle side by side from the root.
 */
export class SourceLocator {
  private readonly files = new Map<string, ParsedFile | null>();
  private readonly origins = new Map<string, Origin>();

  constructor(
    private readonly rootFile: string,
    private readonly bundle: unknown,
  ) {
    const root = this.load(rootFile);
    if (root) this.walk(rootFile, [], root.parsed, bundle, []);
  }

  /**
   * The source file and pointer a bundle node came from. Falls back to the nearest mapped
   * ancestor (`exact: false`) so a deep instance path, or a container the bundler created
   * (e.g. `components.headers` filled from another file), still lands nearby.
   */
  origin(bundlePointer: string | readonly (string | number)[]): SourceOrigin | undefined {
    const segments = typeof bundlePointer === "string" ? parsePointer(bundlePointer) : bundlePointer.map(String);
    for (let n = segments.length; n >= 0; n--) {
      const origin = this.origins.get(toPointer(segments.slice(0, n)));
      if (origin) return { ...origin, exact: n === segments.length };
    }
    return undefined;
  }

  /** Points at "key:", which is where a person looks for an `example` or a property. */
  locate(bundlePointer: string | readonly (string | number)[]): (SourcePosition & { exact: boolean }) | undefined {
    const origin = this.origin(bundlePointer);
    if (!origin) return undefined;
    const file = this.load(origin.file);
    if (!file) return undefined;
    const loc = getLineColLocation({ source: file.source, pointer: "#" + origin.pointer, reportOnKey: origin.pointer !== "" });
    return { file: origin.file, line: loc.start.line, column: loc.start.col, exact: origin.exact };
  }

  private load(file: string): ParsedFile | undefined {
    const cached = this.files.get(file);
    if (cached !== undefined) return cached ?? undefined;
    let loaded: ParsedFile | null = null;
    try {
      const body = readFileSync(file, "utf8");
      loaded = parsedFile(file, body);
    } catch {
      loaded = null;
    }
    this.files.set(file, loaded);
    return loaded ?? undefined;
  }

  private walk(file: string, srcPath: string[], src: unknown, bundled: unknown, bundlePath: string[]): void {
    const bundlePointer = toPointer(bundlePath);
    if (!this.origins.has(bundlePointer)) this.origins.set(bundlePointer, { file, pointer: toPointer(srcPath) });

    if (isRecord(src) && typeof src.$ref === "string") {
      const target = this.resolveRef(file, src.$ref);
      if (!target) return;
      if (isRecord(bundled) && typeof bundled.$ref === "string" && bundled.$ref.startsWith("#")) {
        const targetPath = parsePointer(bundled.$ref);
        if (this.origins.has(toPointer(targetPath))) return;
        this.walk(target.file, target.path, target.node, getAt(this.bundle, targetPath), targetPath);
      } else {
        // The bundler inlined this ref (e.g. a path item file), so the bundle node is the target.
        this.walk(target.file, target.path, target.node, bundled, bundlePath);
      }
      return;
    }

    if (Array.isArray(src) && Array.isArray(bundled)) {
      src.forEach((item, i) => this.walk(file, [...srcPath, String(i)], item, bundled[i], [...bundlePath, String(i)]));
    } else if (isRecord(src) && isRecord(bundled)) {
      for (const key of Object.keys(src)) {
        if (key in bundled) this.walk(file, [...srcPath, key], src[key], bundled[key], [...bundlePath, key]);
      }
    }
  }

  private resolveRef(fromFile: string, ref: string): { file: string; path: string[]; node: unknown } | undefined {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash);
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined; // remote refs are out of scope
    const file = filePart === "" ? fromFile : path.resolve(path.dirname(fromFile), decodeURIComponent(filePart));
    const loaded = this.load(file);
    if (!loaded) return undefined;
    const targetPath = parsePointer(fragment);
    return { file, path: targetPath, node: getAt(loaded.parsed, targetPath) };
  }
}
