import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { BaseResolver, type Document, ResolveError, type Source } from "@redocly/openapi-core";
import { LineCounter, isAlias, isScalar, parseDocument, visit } from "yaml";
import { parsedFile } from "./parsed-files.js";
import { collectRefs } from "./refs.js";

/** A `$ref` that points outside the contract folder, found before anything it names is read. */
export interface RefViolation {
  /** Absolute path of the file that holds the `$ref`. */
  file: string;
  line: number;
  column: number;
  ref: string;
  reason: string;
}

// Bounds: a contract is a few hundred files of a few hundred kB at most.
const MAX_FILES = 5_000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Why `ref` (as written in `fromFile`) may not be followed, or undefined if it stays inside `contractDir`. */
export function refusal(ref: string, fromFile: string, contractDir: string, realpath: (file: string) => string | undefined = realOrUndefined): string | undefined {
  const target = ref.split("#")[0] ?? "";
  if (target === "") return undefined;
  // A scheme (http:, https:, file:, data:, …) or a drive letter: never followed.
  if (URL_SCHEME.test(target) || target.startsWith("//")) return "a URL; generate reads only files inside the contract folder and opens no connection";
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return "not a valid relative path";
  }
  if (path.isAbsolute(decoded) || path.win32.isAbsolute(decoded) || decoded.includes("\0")) return "an absolute path; refs must be relative to the file";
  const resolved = path.resolve(path.dirname(fromFile), decoded);
  if (!isInside(contractDir, resolved)) return "outside the contract folder";
  // A symlink inside the folder may still lead out of it.
  const real = realpath(resolved);
  const realRoot = realpath(contractDir);
  if (real && realRoot && !isInside(realRoot, real)) return "a link that leads outside the contract folder";
  return undefined;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Walks the `$ref` graph from `entry`, reading only files the refs name inside `contractDir`,
 * and returns every ref that would leave it. Runs before the bundler sees the spec. Each file is
 * parsed as the bundler parses it (Redocly's `parseYaml`); a file that does not parse that way,
 * or holds a refused ref, is read again with the `yaml` parser for the line of each ref.
 */
export function findRefViolations(entry: string, contractDir: string = path.dirname(entry)): RefViolation[] {
  const violations: RefViolation[] = [];
  const queue = [path.resolve(entry)];
  const seen = new Set(queue);
  // One walk asks for the same few hundred paths again and again.
  const reals = new Map<string, string | undefined>();
  const realpath = (file: string) => (reals.has(file) ? reals.get(file) : reals.set(file, realOrUndefined(file)).get(file));
  const refused = (ref: string, file: string) => refusal(ref, file, contractDir, realpath);
  const follow = (file: string, ref: string): void => {
    const target = ref.split("#")[0] ?? "";
    if (target === "") return;
    const next = path.resolve(path.dirname(file), decodeURIComponent(target));
    if (!seen.has(next)) {
      seen.add(next);
      queue.push(next);
    }
  };
  while (queue.length > 0 && seen.size <= MAX_FILES) {
    const file = queue.shift() as string;
    const text = readBounded(file);
    if (text === undefined) continue; // missing or unreadable: the bundler reports it with its rule
    const refs = refsOf(file, text);
    if (refs && refs.every((ref) => refused(ref, file) === undefined)) {
      for (const ref of refs) follow(file, ref);
      continue;
    }
    const lines = new LineCounter();
    // Parse errors are left to the bundler, which names them; refs in what did parse are still checked.
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
    visit(doc, {
      Pair(_, pair) {
        if (!isScalar(pair.key) || pair.key.value !== "$ref") return;
        const node = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
        if (!isScalar(node) || typeof node.value !== "string") return;
        const ref = node.value;
        const reason = refused(ref, file);
        const at = lines.linePos(node.range?.[0] ?? 0);
        if (reason) {
          violations.push({ file, line: at.line, column: at.col, ref, reason });
          return;
        }
        follow(file, ref);
      },
    });
  }
  return violations;
}

/** The file's refs, or undefined if Redocly's parser rejects it. */
function refsOf(file: string, text: string): string[] | undefined {
  try {
    return collectRefs(parsedFile(file, text).parsed);
  } catch {
    return undefined;
  }
}

// Synchronous: the walk reads a few hundred small files one after another, and awaiting each read
// left the process idle for ~0.2 s of a cold generate (as in step-cache.ts's hashTree).
function readBounded(file: string): string | undefined {
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Redocly's resolver, confined: it loads files inside `contractDir` and nothing else (its
 * default would fetch http(s) refs). The second line of defence behind `findRefViolations`.
 */
export class ContainedResolver extends BaseResolver {
  /**
   * Each file's parse comes from parsed-files.ts (the same parse, remembered per process, which the
   * ref guard has made already) instead of a parse of its own: as it is for `parses: "shared"`, for
   * callers that never change the documents (Redocly's lint without preprocessors); as a copy
   * (structuredClone) for the bundler, which rewrites what it parsed.
   */
  constructor(
    private readonly contractDir: string,
    private readonly options: { parses: "shared" | "copied" },
  ) {
    super({ http: { headers: [] } });
  }

  override parseDocument(source: Source, isRoot = false): Document {
    // Only what Redocly would parse with parseYaml; anything it rejects, it reports itself.
    if (!/\.(ya?ml|json)$/.test(source.absoluteRef)) return super.parseDocument(source, isRoot);
    try {
      const { parsed } = parsedFile(source.absoluteRef, source.body);
      return { source, parsed: this.options.parses === "shared" ? parsed : structuredClone(parsed) };
    } catch {
      return super.parseDocument(source, isRoot);
    }
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const reason = URL_SCHEME.test(absoluteRef) && !path.win32.isAbsolute(absoluteRef)
      ? "a URL; generate opens no network connection"
      : isInside(this.contractDir, path.resolve(absoluteRef)) || path.resolve(absoluteRef) === this.contractDir
        ? undefined
        : "outside the contract folder";
    if (reason) throw new ResolveError(new Error(`Refusing to load ${absoluteRef}: ${reason}`));
    return super.loadExternalRef(absoluteRef);
  }
}
