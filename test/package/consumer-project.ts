// A consumer project for a packed tarball that `npm ci --offline` can install: its lockfile pins
// the tarball by integrity and copies the entries of the client's dependencies from this
// repository's lockfile, so every package comes from the npm cache that `npm ci` filled here.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

interface LockEntry {
  version: string;
  integrity?: string;
  dependencies?: Record<string, string>;
}

export async function writeConsumerProject(rootDir: string, tarball: string, dir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(rootDir, "package.json"), "utf8")) as { name: string; version: string; dependencies: Record<string, string> };
  const lock = JSON.parse(await readFile(path.join(rootDir, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const entries: Record<string, LockEntry> = {};
  const pending = Object.keys(manifest.dependencies);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const key = `node_modules/${name}`;
    if (entries[key]) continue;
    const entry = lock.packages[key];
    if (entry === undefined) throw new Error(`package-lock.json has no top-level ${name}`);
    entries[key] = entry;
    pending.push(...Object.keys(entry.dependencies ?? {}));
  }
  const spec = `file:${path.relative(dir, tarball)}`;
  const integrity = `sha512-${createHash("sha512").update(await readFile(tarball)).digest("base64")}`;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies: { [manifest.name]: spec } }));
  const packages = {
    "": { name: "consumer", dependencies: { [manifest.name]: spec } },
    [`node_modules/${manifest.name}`]: { version: manifest.version, resolved: spec, integrity, dependencies: manifest.dependencies },
    ...entries,
  };
  await writeFile(path.join(dir, "package-lock.json"), JSON.stringify({ name: "consumer", lockfileVersion: 3, requires: true, packages }, null, 2));
}
