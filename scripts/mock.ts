// `npm run mock [-- --port 4010]`: the in-process Prism mock of Zoom until Ctrl+C; see tools/mock/.
// Ask for other answers with `Prefer: code=404, example=webinarNotFound`.
import { readFileSync } from "node:fs";
import type { OpenApiDocument } from "../tools/spec/openapi-ajv.js";
import { runCli, usageError } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS.mock);
// Loaded after parsing: Prism takes a moment to import, and --help should not wait for it.
const { DEFAULT_SPEC_PATH, parameterExample, PrismStartError, startPrismMock } = await import("../tools/mock/index.js");
const port = Number(values.port);
if (!/^\d+$/.test(values.port ?? "") || port > 65_535) usageError(COMMANDS.mock, `--port must be a port number, not ${values.port}`);

let mock;
try {
  mock = await startPrismMock({ port, errors: values.errors === true, onOutput: (line) => console.log(line) });
} catch (error) {
  console.error(`mock: ${error instanceof PrismStartError ? error.message : String(error)}`);
  process.exit(1);
}
const document = JSON.parse(readFileSync(DEFAULT_SPEC_PATH, "utf8")) as OpenApiDocument;
const base = `${mock.baseUrl}${mock.basePath}`;
const url = `${base}/accounts/${parameterExample(document, "AccountId")}/webinars/${parameterExample(document, "WebinarId")}`;
console.log(`mock: Zoom's API on ${base} (and on ${mock.baseUrl}/) until Ctrl+C; any bearer token is accepted, e.g.`);
console.log(`  curl -H 'Authorization: Bearer any' ${url}`);
console.log(`  curl -H 'Authorization: Bearer any' -H 'Prefer: code=404, example=webinarNotFound' ${url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void mock.stop().then(() => process.exit(signal === "SIGINT" ? 130 : 143)));
}
