// `npm run mock [-- --port 4010]`: Prism serving generated/openapi.json on 127.0.0.1 until Ctrl+C.
// Ask for other answers with `Prefer: code=404, example=webinarNotFound`.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parameterExample } from "../tools/mock/examples.js";
import { DEFAULT_SPEC_PATH, startPrismMock } from "../tools/mock/prism-mock.js";
import type { OpenApiDocument } from "../src/validation/openapi-ajv.js";

const { values } = parseArgs({ options: { port: { type: "string", default: "4010" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`mock: --port must be a port number, not ${values.port}`);
  process.exit(2);
}

const mock = await startPrismMock({ port, onOutput: (line) => console.log(line) }).catch((error: unknown) => {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const document = JSON.parse(readFileSync(DEFAULT_SPEC_PATH, "utf8")) as OpenApiDocument;
const url = `${mock.baseUrl}/accounts/${parameterExample(document, "AccountId")}/webinars/${parameterExample(document, "WebinarId")}`;
console.log(`mock: Zoom's Get a webinar on ${mock.baseUrl} (Ctrl+C to stop); any bearer token is accepted, e.g.`);
console.log(`  curl -H 'Authorization: Bearer any' ${url}`);
console.log(`  curl -H 'Authorization: Bearer any' -H 'Prefer: code=404, example=webinarNotFound' ${url}`);

// Prism runs in its own process group, so a terminal's Ctrl+C reaches only this process: pass it on.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    stopping = true;
    void mock.stop().then(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
const code = await mock.exited;
if (stopping) await new Promise(() => {}); // the signal handler exits once the stop is complete
console.error(`mock: Prism exited on its own (code ${code})`);
process.exit(code === 0 || code === null ? 1 : code);
