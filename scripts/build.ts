// `npm run build`: dist/ for the tarball (prepack runs it after the type check); the work is in tools/tooling/build-package.ts.
import { buildPackage } from "../tools/tooling/build-package.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

runCli(COMMANDS.build);
try {
  const { files } = await buildPackage(process.cwd());
  console.log(`build: ${files.length} files in dist/`);
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
