// `npm run contract:live`: every GET operation the environment gives ids for, called on the real
// Zoom and judged against the contract. Read-only: it calls GET operations and nothing else.
import { createZoomClient, DEFAULT_BASE_URL, type ZoomClient } from "../../src/client/create-zoom-client.js";
import type { ResponseValidator } from "../../src/client/response-validator.js";
import { ZoomApiError } from "../../src/client/zoom-api-error.js";
import { OPTIONAL_ID_VARIABLES, OPTIONAL_VARIABLES, readLiveCheckConfig, REQUIRED_VARIABLES } from "./config.js";
import { describeErrors } from "./drift.js";
import { planChecks, type ReadOperation } from "./plan.js";
import { formatTable } from "./table.js";

export const EXIT_OK = 0;
/** At least one answer breaks the contract. */
export const EXIT_MISMATCH = 1;
/** Something could not be checked (credentials, network, an HTTP error) or the input is unusable. */
export const EXIT_NOT_CHECKED = 2;

/** Most rows printed per table; the rest are counted. */
const MAX_ROWS = 100;
const NAME_WIDTH = 34;

export interface LiveCheckOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Lines for stdout (the report) and stderr (why nothing was checked). */
  out: (line: string) => void;
  err?: (line: string) => void;
  /** `--allow-writes`: refused, since this check has no write operation to run (see below). */
  allowWrites?: boolean;
  /** For tests: the operations to check (default: every GET operation of the package). */
  operations?: readonly ReadOperation[];
  /** For tests; default globalThis.fetch. */
  fetch?: typeof fetch;
}

type Outcome = "match" | "drift" | "mismatch" | "not-checked" | "skipped";

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

  // Writes would create and delete things in a real account: no flag turns them on here. The
  // flag exists so that asking for them gets an answer instead of a silent read-only run.
  if (options.allowWrites === true) {
    err("contract:live: --allow-writes: write operations are not available; this check calls GET operations only. Nothing was sent.");
    return EXIT_NOT_CHECKED;
  }

  const configResult = readLiveCheckConfig(options.env);
  if (configResult.kind === "missing") {
    out(`contract:live: skipped — set ${configResult.missing.join(", ")} to check a real webinar against the contract`);
    out(
      `contract:live: (all of ${REQUIRED_VARIABLES.join(", ")} are needed; ${OPTIONAL_ID_VARIABLES.join(", ")} add the operations that need them; ` +
        `${OPTIONAL_VARIABLES.join(" and ")} are optional)`,
    );
    return EXIT_OK;
  }
  if (configResult.kind === "invalid") {
    for (const problem of configResult.problems) err(`contract:live: ${problem}`);
    return EXIT_NOT_CHECKED;
  }
  const config = configResult.config;
  secrets.add(config.clientSecret);

  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Learns the bearer token from the requests as they leave, so it can be scrubbed like the secret.
  const watchingFetch: typeof fetch = (input, init) => {
    const authorization = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get("authorization");
    const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (token !== undefined) secrets.add(token);
    return baseFetch(input, init);
  };
  const baseUrl = config.baseUrl ?? DEFAULT_BASE_URL;
  const zoom = createZoomClient({
    baseUrl,
    serverToServer: {
      accountId: config.accountId,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      ...(config.tokenUrl === undefined ? {} : { tokenUrl: config.tokenUrl }),
    },
    // The answers are validated below with the very validator and split (driftOf) that
    // `validateResponses` uses; done here because a client that validates throws the body away
    // on breakage, and the report shows what Zoom sent at each place.
    validateResponses: false,
    fetch: watchingFetch,
  });

  const plan = planChecks({ ...config.ids, accountId: config.targetAccountId, webinarId: config.webinarId }, options.operations);
  out(`contract:live: ${plan.length} GET operations against ${baseUrl}; read-only, no write operation is ever called`);
  const counts: Record<Outcome, number> = { match: 0, drift: 0, mismatch: 0, "not-checked": 0, skipped: 0 };
  for (const entry of plan) {
    const name = entry.operation.operation.id.padEnd(NAME_WIDTH);
    if (entry.kind === "skip") {
      out(`- ${name} skipped: needs ${entry.needs.join(", ")}`);
      counts.skipped += 1;
      continue;
    }
    const outcome = await checkOne(zoom, entry.operation, entry.params, name, out);
    counts[outcome] += 1;
  }

  const checked = counts.match + counts.drift + counts.mismatch;
  const summary =
    `${counts.mismatch} ${counts.mismatch === 1 ? "breaks" : "break"} the contract, ${checked - counts.mismatch} ${checked - counts.mismatch === 1 ? "matches" : "match"}` +
    ` (${counts.drift} with drift), ${counts["not-checked"]} not checked, ${counts.skipped} skipped`;
  if (counts.mismatch > 0) {
    out(`contract:live: FAIL: ${summary}`);
    return EXIT_MISMATCH;
  }
  if (counts["not-checked"] > 0) {
    out(`contract:live: INCOMPLETE: ${summary}`);
    return EXIT_NOT_CHECKED;
  }
  out(`contract:live: OK: ${summary}`);
  return EXIT_OK;
}

async function checkOne(zoom: ZoomClient, operation: ReadOperation, params: Record<string, string>, name: string, out: (line: string) => void): Promise<Outcome> {
  const descriptor = operation.operation;
  const request = `GET ${descriptor.path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(params[param] ?? ""))}`;
  let body: unknown;
  try {
    body = await operation(zoom, params);
  } catch (error) {
    const detail = error instanceof ZoomApiError || error instanceof Error ? error.message : String(error);
    out(`! ${name} ${request} → not checked: ${detail}`);
    return "not-checked";
  }
  if (descriptor.validator === undefined) {
    out(`✓ ${name} ${request} → ${descriptor.success}, no body to check`);
    return "match";
  }
  let validate: ResponseValidator;
  try {
    validate = (await descriptor.validator()).validate as ResponseValidator;
  } catch (error) {
    out(`! ${name} ${request} → not checked: its validator did not load (run \`npm run generate\`): ${(error as Error).message}`);
    return "not-checked";
  }
  // The client's own split of the errors (driftOf): breakage fails the check, drift is listed.
  const rows = validate(body) ? { breakage: [], drift: [] } : describeErrors(validate.errors ?? [], body);
  const schema = descriptor.schema ?? "response";
  if (rows.breakage.length > 0) {
    const count = rows.breakage.length;
    out(`✗ ${name} ${request} → ${descriptor.success}, ${count} ${count === 1 ? "mismatch" : "mismatches"} with the ${schema} schema:`);
    table(["pointer", "expected", "seen"], rows.breakage.map((row) => [row.pointer, row.expected, row.seen]), out);
  } else {
    out(`✓ ${name} ${request} → ${descriptor.success}, matches the ${schema} schema`);
  }
  if (rows.drift.length > 0) {
    out(`    ${rows.drift.length} drift (allowed by the client, worth documenting):`);
    table(["pointer", "kind", "seen"], rows.drift.map((row) => [row.pointer, row.kind, row.seen]), out);
  }
  if (rows.breakage.length > 0) return "mismatch";
  return rows.drift.length > 0 ? "drift" : "match";
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], out: (line: string) => void): void {
  for (const line of formatTable(headers, rows.slice(0, MAX_ROWS))) out(`    ${line}`);
  if (rows.length > MAX_ROWS) out(`    … and ${rows.length - MAX_ROWS} more`);
}
