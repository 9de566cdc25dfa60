// TypeScript ships as one 9 MB CommonJS file. require() loads it once (~0.45 s here); an ES module
// import first has Node scan the whole file for its export names and, on Node 20, compile it once
// more to detect its format (~0.9 s), in every process that loads it.
import { createRequire } from "node:module";
import type TS from "typescript";

export type { TS };
export const ts: typeof TS = createRequire(import.meta.url)("typescript");
