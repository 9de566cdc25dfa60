// What every npm script accepts, in one table: the scripts parse with these (scripts/cli.ts), and
// test/tooling/cli.test.ts checks each entry against package.json without running anything.
import type { CommandSpec } from "./cli.js";

const spec = <const O extends CommandSpec["options"]>(command: CommandSpec<O>): CommandSpec<O> => command;

export const COMMANDS = {
  build: spec({
    command: "npm run build --",
    summary: "Builds dist/ (ESM, CommonJS, declarations, the bundled contract); `npm pack` runs it.",
    options: {},
    examples: ["npm run build", "npm pack"],
  }),
  bench: spec({
    command: "npm run bench --",
    summary:
      "Builds the package, then times raw fetch, the client and the validating client over loopback, and reports\n" +
      "what the package costs before a call: import time in a fresh process, the size a bundler ships (validators\n" +
      "apart), and which validators an application calling two operations loads.",
    options: {
      rounds: { type: "string", value: "N", default: "60", description: "measured rounds" },
      calls: { type: "string", value: "N", default: "100", description: "calls per round" },
      "import-runs": { type: "string", value: "N", default: "15", description: "fresh processes per module for the import times" },
    },
    examples: ["npm run bench", "npm run bench -- --rounds 10 --calls 50"],
  }),
  "bench:generate": spec({
    command: "npm run bench:generate --",
    summary: "Times the in-process pipeline against the chain of separate CLI processes.",
    options: {
      rounds: { type: "string", value: "N", default: "5", description: "rounds per variant" },
      root: { type: "string", value: "DIR", description: "repository root (default: the current directory)" },
      operation: { type: "string", value: "ID", default: "getWebinar", description: "operationId of the one-operation subset to compare with" },
    },
    examples: ["npm run bench:generate", "npm run bench:generate -- --rounds 3"],
  }),
  "contract:live": spec({
    command: "npm run contract:live --",
    summary:
      "Calls every GET operation of the contract it has ids for on the real Zoom (Server-to-Server OAuth) and\n" +
      "reports, per operation, where the answer breaks the contract (exit 1) and its drift (unknown fields,\n" +
      "values outside an enum). Read-only: it never calls a write operation. Exit 2: something was not checked.\n" +
      "Required: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ZOOM_TARGET_ACCOUNT_ID (the sub account),\n" +
      "ZOOM_WEBINAR_ID; without them it says so and exits 0. Optional ids add the operations that need them:\n" +
      "ZOOM_USER_ID (webinar and template lists), ZOOM_WEBINAR_UUID (absentees), ZOOM_REGISTRANT_ID, ZOOM_POLL_ID;\n" +
      "an operation whose id is missing is listed as skipped. ZOOM_BASE_URL, ZOOM_TOKEN_URL: other endpoints.",
    options: {
      "allow-writes": { type: "boolean", description: "refused: write operations are not available in this check (it exits 2, sending nothing)" },
    },
    examples: [
      "ZOOM_ACCOUNT_ID=… ZOOM_CLIENT_ID=… ZOOM_CLIENT_SECRET=… ZOOM_TARGET_ACCOUNT_ID=… ZOOM_WEBINAR_ID=… npm run contract:live",
      "ZOOM_USER_ID=me ZOOM_POLL_ID=… … npm run contract:live",
    ],
  }),
  demo: spec({
    command: "npm run demo --",
    summary:
      "Starts the mock of Zoom and walks a webinar through the client (create, two registrants, approve, paginate,\n" +
      "a panelist, read back, delete), one line per call. The mock answers with examples and keeps no state.",
    options: { example: { type: "string", value: "NAME", description: "a 200 example of getWebinar to ask for when reading back" } },
    examples: ["npm run demo", "npm run demo -- --example scheduledWebinar"],
  }),
  diff: spec({
    command: "npm run diff --",
    summary:
      "The breaking-change gate: compares the contract with the one at a git ref. Exit 0: no breaking change\n" +
      "(or a raised info.version major); 1: breaking without that bump; 2: inputs could not be compared.",
    options: {
      base: { type: "string", value: "REF", description: "git ref whose generated/openapi.json is the old contract (required)" },
      head: { type: "string", value: "FILE", description: "spec to compare (default: openapi/ bundled afresh)" },
      format: { type: "string", value: "text|changelog", default: "text", description: "report, or Keep a Changelog sections" },
    },
    examples: ["npm run diff -- --base origin/main", "npm run diff -- --base v1.0.0 --format changelog"],
  }),
  docs: spec({
    command: "npm run docs --",
    summary: "Builds the offline reference pages (English and Chinese) into generated/docs/.",
    options: {
      serve: { type: "boolean", description: "also serve them on 127.0.0.1 and rebuild on every change under openapi/" },
      port: { type: "string", value: "N", default: "8088", description: "port for --serve" },
    },
    examples: ["npm run docs", "npm run docs -- --serve --port 8088"],
  }),
  generate: spec({
    command: "npm run generate --",
    summary: "Bundles, lints and compiles openapi/ into generated/ (contract, types, response validators, docs).",
    options: {
      check: { type: "boolean", description: "write nothing; fail when generated/ differs from what would be written" },
      quiet: { type: "boolean", short: "q", description: "print problems and the summary only" },
      "no-cache": { type: "boolean", description: "run every step afresh, ignoring and not writing the step cache" },
      "cache-dir": { type: "string", value: "DIR", description: "step cache folder (default: node_modules/.cache/generate)" },
      root: { type: "string", value: "DIR", description: "repository root (default: the current directory)" },
      spec: { type: "string", value: "FILE", description: "spec entry (default: openapi/openapi.yaml)" },
      out: { type: "string", value: "DIR", description: "output directory (default: generated/)" },
      steps: { type: "string", value: "a,b", description: "only these steps" },
    },
    examples: ["npm run generate", "npm run generate -- --check", "npm run generate -- --steps bundle,compile-types"],
  }),
  lint: spec({
    command: "npm run lint --",
    summary: "Spectral and Redocly over openapi/ and its bundle; any error or warning fails (exit 1).",
    options: {},
    examples: ["npm run lint", "npx redocly lint   # Redocly alone, same configuration"],
  }),
  mock: spec({
    command: "npm run mock --",
    summary: "Serves a Prism mock of Zoom from generated/openapi.json on 127.0.0.1, at / and at /v2, until Ctrl+C.",
    options: {
      port: { type: "string", value: "N", default: "4010", description: "port to listen on (0: any free port)" },
      errors: { type: "boolean", description: "answer requests that break the contract with an error" },
    },
    examples: ["npm run mock", "npm run mock -- --port 4011", "curl -H 'Authorization: Bearer any' http://127.0.0.1:4010/v2/accounts/me/webinars/1"],
  }),
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
