// Worker-thread half of the pipeline: runs the two jobs whose libraries are the slowest to load
// (openapi-typescript with the TypeScript compiler, and Redocly CLI's Redoc/React build-docs
// chunk) on the second core while the main thread lints. Plain JavaScript on purpose: it is
// started without tsx's loader hooks, which roughly triple the import time of large ESM files.
// Messages: { id, job: "preload" | "types" | "docs", input } → { id, ok, value | error }.
import { parentPort } from "node:worker_threads";

const jobs = {
  /** input: { chunkUrl? } → nothing; loads the libraries while the main thread bundles. */
  async preload({ chunkUrl }) {
    await Promise.all([import("openapi-typescript"), import("@redocly/openapi-core"), ...(chunkUrl ? [import(chunkUrl)] : [])]);
  },

  /** input: { document, options } → the .d.ts text (without banner). */
  async types({ document, options }) {
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    return astToString(await openapiTS(document, options));
  },

  /** input: { chunkUrl, configPath, argv } → what Redocly printed. */
  async docs({ chunkUrl, configPath, argv }) {
    process.env.REDOCLY_TELEMETRY = "off";
    const [{ loadConfig }, { handlerBuildCommand }] = await Promise.all([import("@redocly/openapi-core"), import(chunkUrl)]);
    const config = await loadConfig({ configPath });
    const chunks = [];
    const originalOut = process.stdout.write;
    const originalErr = process.stderr.write;
    // The handler logs banners straight to stdout/stderr; keep them for error messages only.
    const capture = (chunk, ...rest) => {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = rest.find((r) => typeof r === "function");
      if (callback) callback();
      return true;
    };
    process.stdout.write = capture;
    process.stderr.write = capture;
    try {
      await handlerBuildCommand({ argv, config });
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${chunks.join("")}`.trim());
    } finally {
      process.stdout.write = originalOut;
      process.stderr.write = originalErr;
    }
    return chunks.join("");
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
