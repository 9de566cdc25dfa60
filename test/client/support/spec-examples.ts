// Bodies from the bundled contract, so tests use what the spec promises instead of hand copies.
import { readFileSync } from "node:fs";
import type { components } from "../../../generated/schema.js";
import { GENERATED_OPENAPI_JSON } from "../../../tools/spec/generated-files.js";

const specUrl = GENERATED_OPENAPI_JSON;

interface Example {
  value: unknown;
}

const spec = JSON.parse(readFileSync(specUrl, "utf8")) as { components: { examples: Record<string, Example> } };

export type Webinar = components["schemas"]["Webinar"];
export type ZoomError = components["schemas"]["ZoomError"];

export function example<T = unknown>(name: string): T {
  const found = spec.components.examples[name];
  if (found === undefined) throw new Error(`generated/openapi.json has no example ${name}`);
  // A deep copy: a test that edits its body must not change the next test's.
  return structuredClone(found.value) as T;
}

export function exampleNames(): string[] {
  return Object.keys(spec.components.examples);
}

export const recurringWebinar = (): Webinar => example<Webinar>("RecurringWebinar");
