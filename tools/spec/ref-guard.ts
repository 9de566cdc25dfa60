import { realpathSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { BaseResolver, type Document, ResolveError, type Source, parseYaml } from "@redocly/openapi-core";
import { LineCounter, isAlias, isScalar, parseDocument, visit } from "yaml";

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

/** A contract file as the guard parsed it, for the bundler to use instead of parsing it again. */
export interface ParsedFile {
  body: string;
  parsed: unknown;
}

/** Per process, by file and content: the `--serve` loop re-reads every file but parses only what changed. */
const refsByContent = new Map<string, { body: string; refs: string[] }>();
const MAX_REMEMBERED = 5_000;

/** Every string `$ref` in a parsed YAML/JSON value, in document order. */
function collectRefs(root: unknown): string[] {
  const refs: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === "string") refs.push(record.$ref);
    const values = Object.values(record);
    for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  }
  return refs;
}

/**
 * Walks the `$ref` graph from `entry`, reading only files the refs name inside `contractDir`,
 * and returns every ref that would leave it. Runs before the bundler sees the spec. Each file is
 * parsed as the bundler parses it (Redocly's `parseYaml`); a file that does not parse that way,
 * or holds a refused ref, is read again with the `yaml` parser for the line of each ref.
 * `parsed` receives what was parsed, by absolute path.
 */
export async function findRefViolations(entry: string, contractDir: string = path.dirname(entry), parsed?: Map<string, ParsedFile>): Promise<RefViolation[]> {
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
    const text = await readBounded(file);
    if (text === undefined) continue; // missing or unreadable: the bundler reports it with its rule
    const refs = refsOf(file, text, parsed);
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
function refsOf(file: string, text: string, parsed: Map<string, ParsedFile> | undefined): string[] | undefined {
  const known = refsByContent.get(file);
  if (known?.body === text) return known.refs;
  let value: unknown;
  try {
    value = parseYaml(text, { filename: file });
  } catch {
    return undefined;
  }
  const refs = collectRefs(value);
  if (refsByContent.size >= MAX_REMEMBERED) refsByContent.clear();
  refsByContent.set(file, { body: text, refs });
  parsed?.set(file, { body: text, parsed: value });
  return refs;
}

async function readBounded(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Redocly's resolver, confined: it loads files inside `contractDir` and nothing else (its
 * default would fetch http(s) refs). The second line of defence behind `findRefViolations`.
 */
export class ContainedResolver extends BaseResolver {
  /** `parsed`: files the guard already parsed; each is handed over once (the bundler changes what it gets). */
  constructor(
    private readonly contractDir: string,
    private readonly parsed?: Map<string, ParsedFile>,
  ) {
    super({ http: { headers: [] } });
  }

  override parseDocument(source: Source, isRoot = false): Document {
    const ready = this.parsed?.get(source.absoluteRef);
    // Only what Redocly would parse the same way: a YAML/JSON file with the very same text.
    if (ready && ready.body === source.body && /\.(ya?ml|json)$/.test(source.absoluteRef)) {
      this.parsed?.delete(source.absoluteRef);
      return { source, parsed: ready.parsed };
    }
    return super.parseDocument(source, isRoot);
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
