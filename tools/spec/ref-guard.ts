import { realpathSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { BaseResolver, ResolveError, type Source } from "@redocly/openapi-core";
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
export function refusal(ref: string, fromFile: string, contractDir: string): string | undefined {
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
  const real = realOrUndefined(resolved);
  const realRoot = realOrUndefined(contractDir);
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
 * and returns every ref that would leave it. Runs before the bundler sees the spec.
 */
export async function findRefViolations(entry: string, contractDir: string = path.dirname(entry)): Promise<RefViolation[]> {
  const violations: RefViolation[] = [];
  const queue = [path.resolve(entry)];
  const seen = new Set(queue);
  while (queue.length > 0 && seen.size <= MAX_FILES) {
    const file = queue.shift() as string;
    const text = await readBounded(file);
    if (text === undefined) continue; // missing or unreadable: the bundler reports it with its rule
    const lines = new LineCounter();
    // Parse errors are left to the bundler, which names them; refs in what did parse are still checked.
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
    visit(doc, {
      Pair(_, pair) {
        if (!isScalar(pair.key) || pair.key.value !== "$ref") return;
        const node = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
        if (!isScalar(node) || typeof node.value !== "string") return;
        const ref = node.value;
        const reason = refusal(ref, file, contractDir);
        const at = lines.linePos(node.range?.[0] ?? 0);
        if (reason) {
          violations.push({ file, line: at.line, column: at.col, ref, reason });
          return;
        }
        const target = (ref.split("#")[0] ?? "");
        if (target === "") return;
        const next = path.resolve(path.dirname(file), decodeURIComponent(target));
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      },
    });
  }
  return violations;
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
  constructor(private readonly contractDir: string) {
    super({ http: { headers: [] } });
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
