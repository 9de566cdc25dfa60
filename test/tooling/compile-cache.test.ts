// Node's module compile cache for the scripts and the test workers (tools/tooling/compile-cache.mjs):
// one spawned process turns it on and starts a child, as vitest's workers and the smoke tests are.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import module from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";

const run = promisify(execFile);
const helper = new URL("../../tools/tooling/compile-cache.mjs", import.meta.url).href;
/** The process enables the cache, then a child reports the folder it inherited and the one it uses. */
const PROBE = `
import { execFileSync } from "node:child_process";
const { enableCompileCache } = await import(${JSON.stringify(helper)});
const directory = enableCompileCache();
const child = execFileSync(process.execPath, ["-e", "console.log(JSON.stringify([process.env.NODE_COMPILE_CACHE, require('node:module').getCompileCacheDir?.()]))"], { encoding: "utf8" });
console.log(JSON.stringify({ directory, child: JSON.parse(child) }));
`;
const supported = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "compile-cache-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

it(supported ? "is on in the process and its children, in one folder per Node version" : "does nothing on a Node without it (before 22.1)", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_COMPILE_CACHE: folder };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", PROBE], { env });
  const { directory, child } = JSON.parse(stdout) as { directory?: string; child: [string | undefined, string | undefined] };
  if (!supported) {
    expect(directory).toBeUndefined();
    return;
  }
  // A subfolder for this Node version; the child inherits the folder itself, not the subfolder
  // (which it would nest once more), and so uses the same subfolder.
  expect(path.dirname(directory!)).toBe(folder);
  expect(child).toEqual([folder, directory]);
  // What the first process compiled is on disk once it exits.
  expect((await readdir(directory!)).length).toBeGreaterThan(0);
});
