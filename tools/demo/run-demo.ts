// `npm run demo`: the whole client against the in-process Prism mock of Zoom, with no Zoom account.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createZoomClient } from "../../src/client/create-zoom-client.js";
import { getWebinar } from "../../src/client/get-webinar.js";
import { parameterExample, responseExamples } from "../mock/examples.js";
import { fetchPreferring } from "../mock/prefer.js";
import { DEFAULT_SPEC_PATH, startPrismMock } from "../mock/prism-mock.js";
import type { OpenApiDocument } from "../spec/openapi-ajv.js";
import { summarizeWebinar } from "./summary.js";

export interface DemoOptions {
  /** A 200 example of the contract to ask the mock for; default: Prism's choice (the first). */
  example?: string;
  specPath?: string;
  out?: (line: string) => void;
}

export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const out = options.out ?? ((line: string) => console.log(line));
  const specPath = options.specPath ?? DEFAULT_SPEC_PATH;
  const document = JSON.parse(readFileSync(specPath, "utf8")) as OpenApiDocument;
  const okExamples = responseExamples(document).filter((example) => example.status === 200);
  if (options.example !== undefined && !okExamples.some((example) => example.name === options.example)) {
    throw new Error(`no 200 example named ${options.example}; the contract has: ${okExamples.map((e) => e.name).join(", ")}`);
  }
  const accountId = parameterExample(document, "AccountId");
  const webinarId = parameterExample(document, "WebinarId");

  const started = performance.now();
  const mock = await startPrismMock({ specPath });
  try {
    // The production base path, as a user would point the client at the mock.
    const baseUrl = `${mock.baseUrl}${mock.basePath}`;
    out(`Prism mock of Zoom from ${path.relative(process.cwd(), specPath) || specPath} on ${baseUrl} (ready in ${Math.round(performance.now() - started)} ms)`);
    const zoom = createZoomClient({
      baseUrl,
      // Prism checks that a bearer token is present, not what it is.
      accessToken: "demo-token",
      validateResponses: true,
      retry: { retries: 0 },
      timeoutMs: 10_000,
      ...(options.example === undefined ? {} : { fetch: fetchPreferring({ code: 200, example: options.example }) }),
    });
    const webinar = await getWebinar(zoom, { accountId, webinarId });
    out(`getWebinar(${JSON.stringify(accountId)}, ${JSON.stringify(webinarId)}) → 200, body valid against the contract`);
    out("");
    for (const line of summarizeWebinar(webinar, document)) out(line);
  } finally {
    await mock.stop();
  }
  out("");
  out(`mock stopped; ${Math.round(performance.now() - started)} ms in all`);
}
