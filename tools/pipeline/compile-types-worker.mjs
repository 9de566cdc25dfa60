// openapi-typescript on a worker thread (see compile-types.ts): the module loads once, and each
// message is one bundle (JSON text) to compile with the options it carries.
import { parentPort } from "node:worker_threads";

const tools = import("openapi-typescript");
parentPort.on("message", async ({ id, json, options }) => {
  try {
    const { default: openapiTS, astToString } = await tools;
    parentPort.postMessage({ id, text: astToString(await openapiTS(JSON.parse(json), options)) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
