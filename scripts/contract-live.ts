// `npm run contract:live`: a real webinar against the contract; see tools/live-check/.
// Exit 1: mismatches; 2: nothing was checked; 0 also when the variables are not set.
import { runLiveCheck } from "../tools/live-check/run-live-check.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

runCli(COMMANDS["contract:live"]);
process.exitCode = await runLiveCheck({
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
