// `npm run contract:live`: the real webinar from Zoom, judged against the bundled contract.
import { readFileSync } from "node:fs";
import { createZoomClient, DEFAULT_BASE_URL } from "../../src/client/create-zoom-client.js";
import { getWebinar } from "../../src/client/get-webinar.js";
import { ZoomApiError } from "../../src/client/zoom-api-error.js";
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { OPTIONAL_VARIABLES, readLiveCheckConfig, REQUIRED_VARIABLES } from "./config.js";
import { findMismatches, findUndocumentedFields } from "./drift.js";
import { formatTable } from "./table.js";
import { GENERATED_OPENAPI_JSON } from "../spec/generated-files.js";

export const EXIT_OK = 0;
export const EXIT_MISMATCH = 1;
/** The webinar could not be fetched (credentials, network, HTTP error) or the input is unusable. */
export const EXIT_NOT_CHECKED = 2;

const DEFAULT_SPEC_PATH = GENERATED_OPENAPI_JSON;

export interface LiveCheckOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Lines for stdout (the report) and stderr (why nothing was checked). */
  out: (line: string) => void;
  err?: (line: string) => void;
  specPath?: string;
  /** For tests; default globalThis.fetch. */
  fetch?: typeof fetch;
}

/** Runs the check and returns the process exit code; never prints a secret or token. */
export async function runLiveCheck(options: LiveCheckOptions): Promise<number> {
  const secrets = new Set<string>();
  // Every line passes through here: whatever a message quotes, a known secret never shows.
  const scrub = (line: string): string => {
    let clean = line;
    for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join("[redacted]");
    return clean;
  };
  const out = (line: string): void => options.out(scrub(line));
  const err = (line: string): void => (options.err ?? options.out)(scrub(line));

  const configResult = readLiveCheckConfig(options.env);
  if (configResult.kind === "missing") {
    out(`contract:live: skipped — set ${configResult.missing.join(", ")} to check a real webinar against the contract`);
    out(`contract:live: (all of ${REQUIRED_VARIABLES.join(", ")} are needed; ${OPTIONAL_VARIABLES.join(" and ")} are optional)`);
    return EXIT_OK;
  }
  if (configResult.kind === "invalid") {
    for (const problem of configResult.problems) err(`contract:live: ${problem}`);
    return EXIT_NOT_CHECKED;
  }
  const config = configResult.config;
  secrets.add(config.clientSecret);

  const specPath = options.specPath ?? DEFAULT_SPEC_PATH;
  let document: OpenApiDocument;
  try {
    document = JSON.parse(readFileSync(specPath, "utf8")) as OpenApiDocument;
  } catch (error) {
    err(`contract:live: cannot read the contract at ${specPath} (run \`npm run generate\`): ${(error as Error).message}`);
    return EXIT_NOT_CHECKED;
  }

  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Learns the bearer token from the requests as they leave, so it can be scrubbed like the secret.
  const watchingFetch: typeof fetch = (input, init) => {
    const authorization = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get("authorization");
    const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (token !== undefined) secrets.add(token);
    return baseFetch(input, init);
  };
  const zoom = createZoomClient({
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
    serverToServer: {
      accountId: config.accountId,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      ...(config.tokenUrl === undefined ? {} : { tokenUrl: config.tokenUrl }),
    },
    // Validation happens below, with every error and the values seen; the client would stop at a summary.
    validateResponses: false,
    fetch: watchingFetch,
  });

  const target = `${config.baseUrl ?? DEFAULT_BASE_URL}/accounts/${config.targetAccountId}/webinars/${config.webinarId}`;
  out(`contract:live: GET ${target}`);
  let body: unknown;
  try {
    body = await getWebinar(zoom, { accountId: config.targetAccountId, webinarId: config.webinarId });
  } catch (error) {
    const detail = error instanceof ZoomApiError ? error.message : error instanceof Error ? error.message : String(error);
    err(`contract:live: could not fetch the webinar, nothing was checked: ${detail}`);
    return EXIT_NOT_CHECKED;
  }

  const mismatches = findMismatches(document, body);
  const undocumented = findUndocumentedFields(document, body);
  if (mismatches.length > 0) {
    out(`contract:live: ${mismatches.length} ${mismatches.length === 1 ? "mismatch" : "mismatches"} between Zoom's answer and the contract:`);
    for (const line of formatTable(["pointer", "expected", "seen"], mismatches.map((row) => [row.pointer, row.expected, row.seen]))) out(`  ${line}`);
  } else {
    out("contract:live: Zoom's answer matches the contract's Webinar schema");
  }
  if (undocumented.length > 0) {
    out(`contract:live: ${undocumented.length} ${undocumented.length === 1 ? "field" : "fields"} Zoom sent that the contract does not describe (allowed, but worth documenting):`);
    for (const line of formatTable(["pointer", "seen"], undocumented.map((row) => [row.pointer, row.seen]))) out(`  ${line}`);
  }
  out(mismatches.length > 0 ? "contract:live: FAIL" : "contract:live: OK");
  return mismatches.length > 0 ? EXIT_MISMATCH : EXIT_OK;
}
