// Worker-thread half of the pipeline: runs the job whose libraries are the slowest to load
// (openapi-typescript with the TypeScript compiler) on the second core while the main thread
// lints. Plain JavaScript on purpose: it is started without tsx's loader hooks, which roughly
// triple the import time of large ESM files.
// Messages: { id, job: "preload" | "types", input } → { id, ok, value | error }.
import { parentPort } from "node:worker_threads";

const jobs = {
  /** input: {} → nothing; loads the libraries while the main thread bundles. */
  async preload() {
    await Promise.all([import("openapi-typescript"), import("@redocly/openapi-core")]);
  },

  /** input: { document, options } → the .d.ts text (without banner). */
  async types({ document, options }) {
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    return astToString(await openapiTS(document, options));
  },
};

parentPort.on("message", async ({ id, job, input }) => {
  try {
    const run = jobs[job];
    if (!run) throw new Error(`unknown job ${job}`);
    parentPort.postMessage({ id, ok: true, value: await run(input) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
