// vitest ends its workers without Node's exit hooks, where Node would write its compile cache:
// after each file, the worker writes what it compiled so far (a few ms; entries on disk are skipped).
import { afterAll } from "vitest";
import { flushCompileCache } from "../../tools/tooling/compile-cache.mjs";

afterAll(flushCompileCache);
