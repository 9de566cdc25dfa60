// `npm run contract:live`: every GET operation it has ids for, on the real Zoom, against the
// contract; see tools/live-check/. Exit 1: mismatches; 2: something was not checked (or
// --allow-writes, which is refused); 0 also when the variables are not set.
import { runLiveCheck } from "../tools/live-check/run-live-check.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS["contract:live"]);
process.exitCode = await runLiveCheck({
  env: process.env,
  allowWrites: values["allow-writes"] === true,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
