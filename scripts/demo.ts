// `npm run demo [-- --example scheduledWebinar]`: starts a Prism mock of Zoom on a free port,
// calls it with getWebinar through the real client, prints a summary and stops the mock.
import { parseArgs } from "node:util";
import { runDemo } from "../tools/demo/run-demo.js";

const { values } = parseArgs({ options: { example: { type: "string" } } });
try {
  await runDemo(values.example === undefined ? {} : { example: values.example });
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
