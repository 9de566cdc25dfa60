// One good fixture (test/fixtures/good-spec) and the edits that break it: every pipeline test
// runs on a private temp copy, so no test can dirty test/fixtures/ or the repository's generated/.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const goodSpecDir = path.join(repoRoot, "test/fixtures/good-spec");

/** Replace the one occurrence of `find` in `file` (relative to the copy's root) by `replace`. */
export interface Edit {
  file: string;
  find: string | RegExp;
  replace: string;
}

export interface FixtureCopy {
  /** Root of the copy: `openapi/`, `.spectral.yaml`, `redocly.yaml`, later `generated/`. */
  dir: string;
  /** Applies edits; returns a function that puts the files back as they were. */
  edit(edits: readonly Edit[]): Promise<() => Promise<void>>;
  remove(): Promise<void>;
}

/**
 * Copies the good fixture into `<temp>/spec` (the temp folder around it is free for files that
 * must lie outside the spec). Spectral resolves `extends` packages from the ruleset's folder, as
 * Node does, so the copy gets a `node_modules` link to the repository's.
 */
export async function copyFixture(edits: readonly Edit[] = []): Promise<FixtureCopy> {
  const outer = await mkdtemp(path.join(os.tmpdir(), "pipeline-good-spec-"));
  const dir = path.join(outer, "spec");
  await cp(goodSpecDir, dir, { recursive: true });
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  const copy: FixtureCopy = {
    dir,
    async edit(list) {
      const originals = new Map<string, string>();
      for (const { file, find, replace } of list) {
        const full = path.join(dir, file);
        const before = await readFile(full, "utf8");
        if (!originals.has(full)) originals.set(full, before);
        const count = typeof find === "string" ? before.split(find).length - 1 : (before.match(new RegExp(find.source, `${find.flags.replace("g", "")}g`)) ?? []).length;
        if (count !== 1) throw new Error(`edit of ${file}: expected one match of ${String(find)}, found ${count}`);
        await writeFile(full, before.replace(find, replace));
      }
      return async () => {
        for (const [full, text] of originals) await writeFile(full, text);
      };
    },
    remove: () => rm(outer, { recursive: true, force: true }),
  };
  await copy.edit(edits);
  return copy;
}

export interface BadSpec {
  name: string;
  edits: Edit[];
  /** The problem it must be reported as: file, line (when the tool gives one), rule and words of the message. */
  expected: { file: string; line?: number; rule: string | RegExp; message: RegExp; onlyWarnings?: boolean };
}

const SPEC = "openapi/openapi.yaml";
const COMPONENTS = "openapi/components.yaml";

/** The good fixture broken one way each. Lines are those of the edited file. */
export const BAD_SPECS: readonly BadSpec[] = [
  {
    name: "yaml-syntax-error",
    edits: [{ file: SPEC, find: "      summary: Get a webinar\n", replace: "      summary: Get a webinar\n      description: [unclosed\n" }],
    expected: { file: SPEC, line: 27, rule: "yaml-syntax", message: /YAML syntax error/ },
  },
  {
    name: "missing-ref-file",
    edits: [{ file: SPEC, find: "'./components.yaml#/components/schemas/Webinar'", replace: "'./schemas/webinar.yaml'" }],
    expected: { file: SPEC, line: 50, rule: "bundler", message: /schemas\/webinar\.yaml/ },
  },
  {
    name: "missing-component",
    edits: [{ file: SPEC, find: "'#/components/examples/ScheduledWebinar'", replace: "'#/components/examples/CancelledWebinar'" }],
    expected: { file: SPEC, line: 53, rule: "bundler", message: /#\/components\/examples\/CancelledWebinar/ },
  },
  {
    name: "unknown-type",
    edits: [{ file: COMPONENTS, find: "        timezone:\n          type: string\n", replace: "        timezone:\n          type: text\n" }],
    expected: { file: COMPONENTS, line: 68, rule: /^(oas3-schema|struct)$/, message: /type/ },
  },
  {
    name: "example-mismatch",
    edits: [{ file: SPEC, find: "        type: 5\n", replace: "        type: 7\n" }],
    expected: { file: SPEC, line: 104, rule: "example-matches-schema", message: /\/type must be equal to one of the allowed values: 5, 6, 9/ },
  },
  {
    name: "default-outside-enum",
    edits: [{ file: COMPONENTS, find: "          enum: [5, 6, 9]\n", replace: "          enum: [5, 6, 9]\n          default: 7\n" }],
    expected: { file: COMPONENTS, line: 55, rule: "default-matches-schema", message: /must be equal to one of the allowed values: 5, 6, 9/ },
  },
  {
    name: "missing-info",
    edits: [{ file: SPEC, find: /^info:\n(?: {2}.*\n)+/m, replace: "" }],
    expected: { file: SPEC, rule: /^(oas3-schema|struct)$/, message: /info/ },
  },
  {
    name: "lint-warning",
    edits: [{ file: SPEC, find: "    description: Webinar operations.\n", replace: "" }],
    expected: { file: SPEC, line: 19, rule: "tag-description", message: /description/, onlyWarnings: true },
  },
  {
    // Without the override, the OWASP CORS rule fires only on the bundle, where the bundler has
    // gathered the referenced headers: reported at the nearest source node, naming the bundle node.
    name: "bundle-only-problem",
    edits: [{ file: ".spectral.yaml", find: /^overrides:[\s\S]*$/m, replace: "" }],
    expected: { file: SPEC, rule: "owasp:api8:2023-define-cors-origin", message: /\(bundle #\/components\/headers\)$/ },
  },
];

/** A previous generation's output, so "left untouched" is checked on real files. */
export const PREVIOUS_OUTPUT: ReadonlyMap<string, string> = new Map([
  ["openapi.json", '{ "previous": true }\n'],
  ["openapi.yaml", "previous: true\n"],
  ["schema.d.ts", "export interface paths {}\n"],
  ["docs/index.html", "<!doctype html><title>previous</title>\n"],
]);

export async function writePreviousOutput(outDir: string): Promise<void> {
  for (const [file, contents] of PREVIOUS_OUTPUT) {
    const full = path.join(outDir, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, contents);
  }
}

/** sha256 of every file under `dir` (relative posix path → hex), for before/after comparisons. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const walk = async (current: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else hashes[path.relative(dir, full).split(path.sep).join("/")] = createHash("sha256").update(await readFile(full)).digest("hex");
    }
  };
  await walk(dir);
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)));
}

/** Entries next to `dir` whose name starts with `.tmp-`: staging or backup folders left behind. */
export async function leftoverTempDirs(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(".tmp-"));
}
