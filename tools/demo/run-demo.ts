// `npm run demo`: a webinar's life through the client, against the in-process Prism mock of Zoom,
// with no Zoom account: create, register two people, approve them, list them, add a panelist,
// read the webinar back, delete it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createZoomClient } from "../../src/client/create-zoom-client.js";
import { parameterExample, responseExamples } from "../mock/examples.js";
import { preferHeader } from "../mock/prefer.js";
import { DEFAULT_SPEC_PATH, startPrismMock } from "../mock/prism-mock.js";
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { exchangeLog } from "./exchange-log.js";
import { runFlow } from "./flow.js";
import { summarizeWebinar } from "./summary.js";

export interface DemoOptions {
  /** A 200 example of getWebinar to ask the mock for; default: Prism's choice (the first). */
  example?: string;
  specPath?: string;
  out?: (line: string) => void;
  /** Check every answer against the contract (the generated validators). Default true. */
  validateResponses?: boolean;
}

/** The header's second line: what the mock's answers are worth. */
export const MOCK_NOTE = "Prism answers every call with the contract's examples and keeps no state: ids and names below come from those examples, not from what was sent.";

export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const out = options.out ?? ((line: string) => console.log(line));
  const specPath = options.specPath ?? DEFAULT_SPEC_PATH;
  const document = JSON.parse(readFileSync(specPath, "utf8")) as OpenApiDocument;
  const okExamples = responseExamples(document).filter((example) => example.status === 200);
  if (options.example !== undefined && !okExamples.some((example) => example.name === options.example)) {
    throw new Error(`no 200 example named ${options.example}; the contract has: ${okExamples.map((e) => e.name).join(", ")}`);
  }

  const validateResponses = options.validateResponses ?? true;
  const started = performance.now();
  const mock = await startPrismMock({ specPath });
  try {
    // The production base path, as a user would point the client at the mock.
    const baseUrl = `${mock.baseUrl}${mock.basePath}`;
    out(`Prism mock of Zoom from ${path.relative(process.cwd(), specPath) || specPath} on ${baseUrl} (ready in ${Math.round(performance.now() - started)} ms)`);
    out(MOCK_NOTE);
    const log = exchangeLog();
    const zoom = createZoomClient({
      baseUrl,
      // Prism checks that a bearer token is present, not what it is.
      accessToken: "demo-token",
      validateResponses,
      retry: { retries: 0 },
      timeoutMs: 10_000,
      fetch: log.fetch,
    });
    await runFlow({
      zoom,
      log,
      accountId: parameterExample(document, "AccountId"),
      userId: parameterExample(document, "UserId"),
      out,
      ...(options.example === undefined ? {} : { getWebinarHeaders: { Prefer: preferHeader({ code: 200, example: options.example }) } }),
      describeWebinar: (webinar) => summarizeWebinar(webinar, document),
    });
  } finally {
    await mock.stop();
  }
  const checked = validateResponses ? "every answer was valid against the contract" : "answers were not validated";
  out(`mock stopped; ${checked}; ${Math.round(performance.now() - started)} ms in all`);
}
