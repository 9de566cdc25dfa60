// Markup in the contract's prose is rendered into the docs page: only plain formatting elements
// and http(s)/mailto links may pass. Anything else (an <iframe srcdoc>, an inline handler, a
// javascript: link, a <meta http-equiv>) fails generate with the file, line and element.
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";
import MarkdownIt from "markdown-it";
import { isScalar, LineCounter, parseDocument, Scalar } from "yaml";
import { textLocations } from "./text-locations.js";
import { isJsonObject, type JsonValue } from "./types.js";

const ELEMENTS = new Set(
  "a abbr b blockquote br code dd del details dl dt em h1 h2 h3 h4 h5 h6 hr i ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody td tfoot th thead tr u ul".split(" "),
);
const GLOBAL_ATTRIBUTES = new Set(["title", "lang", "dir"]);
const ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(["href"]),
  ol: new Set(["start"]),
  td: new Set(["colspan", "rowspan", "align"]),
  th: new Set(["colspan", "rowspan", "align"]),
  details: new Set(["open"]),
};
const URL_SCHEMES = new Set(["http", "https", "mailto"]);
/** Bound on the prose strings and files one check looks at: hostile input is normal input. */
const MAX_TEXT = 200_000;
const MAX_FILES = 5_000;

export interface MarkupFinding {
  /** 1-based line inside the text. */
  line: number;
  /** The element as written, e.g. `<iframe>` or `<a href="javascript:…">`. */
  element: string;
  reason: string;
  /** Text that starts the element in the source, to find its line where YAML folded the text. */
  needle: string;
}

/** Problem in the shape tools/pipeline reports (`file:line rule message`). */
export interface MarkupProblem {
  file: string;
  line: number;
  column: number;
  rule: "docs-markup";
  severity: "error";
  message: string;
}

const markdown = new MarkdownIt({ html: true, linkify: false });
// Every link becomes a token so its scheme is judged here, not silently turned into text.
markdown.validateLink = () => true;

function schemeOf(url: string): string | undefined {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
}

function urlProblem(url: string): string | undefined {
  const scheme = schemeOf(url);
  return scheme === undefined || URL_SCHEMES.has(scheme) ? undefined : `a ${scheme}: URL`;
}

function checkHtml(html: string, line: number, found: MarkupFinding[]): void {
  // The line of the tag being reported: the block's first line plus the newlines before the tag.
  const add = (element: string, reason: string) =>
    found.push({ line: line + (html.slice(0, parser.startIndex).match(/\n/g)?.length ?? 0), element, reason, needle: html.slice(parser.startIndex, parser.startIndex + element.search(/[\s>]/)) });
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const shown = `<${name}${Object.keys(attributes).map((key) => ` ${key}`).join("")}>`;
        if (!ELEMENTS.has(name)) return add(shown, `element <${name}> is not allowed`);
        for (const [key, value] of Object.entries(attributes)) {
          if (!GLOBAL_ATTRIBUTES.has(key) && !ATTRIBUTES[name]?.has(key)) add(shown, `attribute ${key} is not allowed on <${name}>`);
          else if (key === "href" && urlProblem(value)) add(shown, `href is ${urlProblem(value)}`);
        }
      },
      onprocessinginstruction(name) {
        add(`<${name}>`, "declarations and processing instructions are not allowed");
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
}

/** Markup problems of one Markdown text, as Redoc would render it. */
export function checkMarkupText(text: string): MarkupFinding[] {
  const found: MarkupFinding[] = [];
  if (text.length > MAX_TEXT) return [{ line: 1, element: "(text)", reason: `longer than ${MAX_TEXT} characters`, needle: "" }];
  if (!/[<\]:]/.test(text)) return found;
  for (const token of markdown.parse(text, {})) {
    const blockLine = (token.map?.[0] ?? 0) + 1;
    if (token.type === "html_block") checkHtml(token.content, blockLine, found);
    let line = blockLine;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      else if (child.type === "html_inline") checkHtml(child.content, line, found);
      else if (child.type === "link_open") {
        const href = String(child.attrGet("href") ?? "");
        const problem = urlProblem(href);
        if (problem) found.push({ line, element: `[…](${href.slice(0, 40)})`, reason: `link is ${problem}`, needle: "](" });
      } else if (child.type === "image") {
        found.push({ line, element: `![…](${String(child.attrGet("src") ?? "").slice(0, 40)})`, reason: "images are not allowed (the page loads nothing)", needle: "![" });
      }
    }
  }
  return found;
}

/** Strings of a YAML file that the page renders as Markdown, with their key paths. */
function proseKeys(parsed: JsonValue, kind: "contract" | "overlay"): Array<ReadonlyArray<string | number>> {
  if (kind === "contract") return textLocations(parsed).map((location) => location.keys);
  const keys: Array<ReadonlyArray<string | number>> = [];
  const actions = isJsonObject(parsed) && Array.isArray(parsed.actions) ? parsed.actions : [];
  actions.forEach((action, index) => {
    if (!isJsonObject(action) || action.update === undefined) return;
    const base = ["actions", index, "update"];
    // A string update replaces one text, e.g. a description; objects are walked like the contract.
    if (typeof action.update === "string") keys.push(base);
    else for (const location of textLocations(action.update)) keys.push([...base, ...location.keys]);
  });
  return keys;
}

/**
 * Could `source` hold markup or a link at all? Cheap test that spares most files a YAML parse;
 * `\\x3c`-style escapes in double-quoted scalars count, since they decode to `<`.
 */
const MAYBE_MARKUP = /<|\]\s*[(:]|\\[xuU]/;

/** Markup problems of one YAML file: contract fragments, or an Overlay (top-level `overlay:` and `actions:`). */
export function checkYamlMarkup(file: string, source: string): MarkupProblem[] {
  if (!MAYBE_MARKUP.test(source)) return [];
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  if (document.errors.length > 0) return []; // Not this check's job: the bundle step reports YAML errors.
  const parsed = document.toJS({ maxAliasCount: 100 }) as JsonValue;
  const kind = isJsonObject(parsed) && "overlay" in parsed && Array.isArray(parsed.actions) ? "overlay" : "contract";
  const problems: MarkupProblem[] = [];
  for (const keys of proseKeys(parsed, kind)) {
    const value = keys.reduce<JsonValue | undefined>((node, key) => (node as Record<string | number, JsonValue> | undefined)?.[key], parsed);
    if (typeof value !== "string") continue;
    const findings = checkMarkupText(value);
    if (findings.length === 0) continue;
    const node = document.getIn(keys, true);
    const [from, to] = isScalar(node) && node.range ? node.range : [0, 0];
    const start = lineCounter.linePos(from);
    // A literal block keeps the text's lines, one below its indicator; other styles fold lines,
    // so the element is looked up in the scalar's source text instead.
    const literal = isScalar(node) && node.type === Scalar.BLOCK_LITERAL;
    const raw = source.slice(from, to).toLowerCase();
    for (const finding of findings) {
      const at = finding.needle ? raw.indexOf(finding.needle.toLowerCase()) : -1;
      const position = literal ? { line: start.line + finding.line, col: 1 } : at >= 0 ? lineCounter.linePos(from + at) : start;
      problems.push({
        file,
        line: position.line,
        column: position.col,
        rule: "docs-markup",
        severity: "error",
        message: `${finding.element} in ${keys.join(".")}: ${finding.reason}`,
      });
    }
  }
  return problems;
}

/**
 * Checks every YAML file under `dirs` (the contract folder, its overlays); `file` in each
 * problem is relative to `rootDir`.
 */
export async function checkContractMarkup(dirs: readonly string[], rootDir: string = process.cwd()): Promise<MarkupProblem[]> {
  const files = new Set<string>();
  for (const dir of dirs) {
    // A folder that does not exist holds no markup (a contract without overlays, say).
    const entries = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const entry of entries) {
      if (/\.ya?ml$/.test(entry)) files.add(path.resolve(dir, entry));
      if (files.size > MAX_FILES) throw new Error(`${dir}: more than ${MAX_FILES} YAML files`);
    }
  }
  // Regular files only: a link or a FIFO in the folder may lead outside it or block a read.
  const regular = await Promise.all([...files].map(async (file) => ((await lstat(file)).isFile() ? file : undefined)));
  const sorted = regular.filter((file): file is string => file !== undefined).sort();
  const sources = await Promise.all(sorted.map((file) => readFile(file, "utf8")));
  return sorted.flatMap((file, index) => checkYamlMarkup(path.relative(rootDir, file).split(path.sep).join("/"), sources[index]!));
}
