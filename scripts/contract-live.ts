// `npm run contract:live`: fetches a real webinar with Server-to-Server OAuth credentials from
// the environment and reports every place it departs from the contract. Opt-in: without the
// variables it says which are missing and exits 0. Exit 1: mismatches; 2: nothing was checked.
import { runLiveCheck } from "../tools/live-check/run-live-check.js";

process.exitCode = await runLiveCheck({
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
