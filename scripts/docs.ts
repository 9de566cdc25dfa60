// `npm run docs`: builds generated/docs/index.html (English) and zh-CN.html (Chinese).
// `npm run docs -- --serve [--port 8088]`: serves them on 127.0.0.1 from a temporary folder,
// rebuilding on every save under openapi/ and reloading open pages (tools/docs/preview-server.ts).
import path from "node:path";
import { bundleContract } from "../tools/spec/bundle-contract.js";
import { buildDocsPages } from "../tools/docs/build-docs-pages.js";
import { GENERATED_DIR } from "../tools/spec/generated-files.js";
import { checkContractMarkup } from "../tools/docs/markup-check.js";
import { startPreview } from "../tools/docs/preview-server.js";
import { runCli } from "./cli.js";
import { COMMANDS } from "./commands.js";

const { values } = runCli(COMMANDS.docs);

if (values.serve) {
  const preview = await startPreview({ contractDir: path.resolve("openapi"), port: Number(values.port ?? "8088") });
  process.once("SIGINT", () => void preview.close().then(() => process.exit(0)));
} else {
  const started = performance.now();
  const markup = await checkContractMarkup([path.resolve("openapi")]);
  if (markup.length > 0) {
    for (const problem of markup) console.error(`${problem.file}:${problem.line} ${problem.rule} ${problem.message}`);
    process.exit(1);
  }
  const pages = await buildDocsPages({ bundle: await bundleContract(), outDir: path.resolve(GENERATED_DIR, "docs") });
  const sizes = pages.map((page) => `${path.relative(process.cwd(), page.file)} (${Math.round(page.bytes / 1024)} KiB)`);
  console.log(`docs: ${sizes.join(", ")} in ${Math.round(performance.now() - started)} ms`);
}
