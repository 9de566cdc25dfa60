// `npm run demo [-- --example scheduledWebinar]`: the client against the in-process mock; see tools/demo/.
import { runDemo } from "../tools/demo/run-demo.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS.demo);
try {
  await runDemo(values.example === undefined ? {} : { example: values.example });
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
