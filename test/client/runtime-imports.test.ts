// The published client's import graph: everything src/ reaches (static and dynamic imports,
// type imports included) stays inside src/ and generated/, and the only packages it names are
// its runtime dependencies. Ajv is a build tool now: no file src/ reaches may import it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "../../tools/tooling/typescript.js";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
const runtimeDependencies = Object.keys(pkg.dependencies ?? {});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `./x.js` from a source file → the file TypeScript (for .ts) or Node (for .js) would load. */
function resolveRelative(from: string, specifier: string): string {
  const target = path.resolve(path.dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, ".ts"), target, target.replace(/\.js$/, ".d.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${path.relative(root, from)} imports ${specifier}, which does not exist`);
}

/** Every file reachable from src/ (all of it, not only from index.ts) and every package named on the way. */
function runtimeGraph(): { files: string[]; packages: Map<string, string> } {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = filesUnder(path.join(root, "src"));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith(".")) queue.push(resolveRelative(file, specifier));
      else if (!specifier.startsWith("node:")) packages.set(specifier, path.relative(root, file));
    }
  }
  return { files: [...seen].map((file) => path.relative(root, file).split(path.sep).join("/")).sort(), packages };
}

describe("the published client's imports", () => {
  const { files, packages } = runtimeGraph();

  it("reach the generated Webinar validator and stay inside src/ and generated/", () => {
    expect(files).toContain("generated/validators/Webinar.js");
    expect(files.filter((file) => !file.startsWith("src/") && !file.startsWith("generated/"))).toEqual([]);
  });

  it("name only runtime dependencies, and never Ajv", () => {
    const named = [...packages].map(([specifier, file]) => `${specifier} (${file})`);
    expect(named.filter((entry) => /^ajv/.test(entry))).toEqual([]);
    const packageName = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
    expect(named.filter((entry) => !runtimeDependencies.includes(packageName(entry.split(" ")[0] ?? "")))).toEqual([]);
    expect(runtimeDependencies).not.toContain("ajv");
  });
});
